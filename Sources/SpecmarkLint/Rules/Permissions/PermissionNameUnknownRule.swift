import SpecmarkContract
import SpecmarkMarkdown

/// A permission name is not a known permission (by default: a rare spelling of a common one).
struct PermissionNameUnknownRule: LintRule {
    let description = RuleDescription(
        id: "permission-name-unknown",
        family: .permissions,
        summary: "a permission name is not a known permission (by default: a rare variant of a common one)",
        defaultSeverity: .warning,
        rationale: """
            A misspelt permission (`IdentityUserflow.Read.All` for `IdentityUserFlow.Read.All`) cannot be granted. \
            With `permissions.known` (or `known-file`) configured, every name not in the list is reported; \
            otherwise the doc set itself is the list, and a name used on one page is reported when it differs \
            only in case, or by one or two letters, from a name used on three or more.
            """,
        triggeringExamples: [
            RuleExample(
                "## Permissions\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Application|1️⃣Widget.ReadWrte.All|\n",
                file: "api/d.md",
                otherPages: [
                    "api/a.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                    "api/b.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                    "api/c.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                "## Permissions\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Application|Gadget.Read.All|\n",
                file: "api/d.md",
                otherPages: [
                    "api/a.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                    "api/b.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                    "api/c.md":
                        "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n",
                ])
        ]
    )

    var isPageRule: Bool { false }

    func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {
        var uses: [String: [(file: String, range: SourceRange)]] = [:]
        // By index: binding each page would copy every field of every page to read its permission names.
        for index in docs.pages.indices {
            guard let permissions = docs.pages[index].method?.permissions else { continue }
            let file = docs.pages[index].file
            for name in permissions.allNames { uses[name.name, default: []].append((file, name.range)) }
        }
        if !context.options.knownPermissions.isEmpty {
            let known = Set(context.options.knownPermissions)
            for (name, places) in uses where !known.contains(name) {
                let suggestion = closestMatch(to: name, in: context.options.knownPermissions, maximumDistance: 2)
                for place in places {
                    report.report(
                        .notKnown(name, suggestion: suggestion),
                        in: place.file, at: place.range, anchor: "permission:\(name)")
                }
            }
            return
        }
        let pagesUsing = uses.mapValues { Set($0.map(\.file)).count }
        let common = pagesUsing.filter { $0.value >= 3 }.map(\.key)
        for (name, places) in uses where pagesUsing[name] == 1 {
            guard let suggestion = closestMatch(to: name, in: common, maximumDistance: 2) else { continue }
            let how =
                suggestion.lowercased() == name.lowercased()
                ? "differs only in case from" : "looks like a misspelling of"
            for place in places {
                report.report(
                    .likelyMeant(name, how, suggestion, pages: pagesUsing[suggestion] ?? 0),
                    in: place.file, at: place.range, anchor: "permission:\(name)")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func notKnown(_ name: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "permission '\(name)' is not in the known permissions\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }

    fileprivate static func likelyMeant(
        _ name: String, _ how: String, _ suggestion: String, pages: Int
    ) -> FindingMessage {
        FindingMessage("permission '\(name)' \(how) '\(suggestion)', which \(pages) pages use")
    }
}
