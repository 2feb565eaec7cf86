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
            // Without a list of known permissions, a rare variant of a name three pages use is reported.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|1️⃣Widget.ReadWrte.All1️⃣|
                """,
                file: "api/d.md", otherPages: commonPermission(onPages: ["a", "b", "c"]),
                messages: [
                    """
                    permission 'Widget.ReadWrte.All' looks like a misspelling of 'Widget.ReadWrite.All', which 3 pages \
                    use
                    """
                ]),
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|1️⃣Widget.Readwrite.All1️⃣|
                """,
                file: "api/d.md", otherPages: commonPermission(onPages: ["a", "b", "c"]),
                messages: [
                    """
                    permission 'Widget.Readwrite.All' differs only in case from 'Widget.ReadWrite.All', which 3 pages \
                    use
                    """
                ]),
            // With a list of known permissions, every other name is reported.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)|1️⃣Widget.Reed.All1️⃣|
                |Application|2️⃣Gadget.Fly.All2️⃣|
                """,
                messages: [
                    "permission 'Widget.Reed.All' is not in the known permissions; did you mean 'Widget.Read.All'?",
                    "permission 'Gadget.Fly.All' is not in the known permissions",
                ],
                options: .with { $0.knownPermissions = ["Widget.Read.All", "Widget.ReadWrite.All"] }),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|Gadget.Read.All|
                """,
                file: "api/d.md", otherPages: commonPermission(onPages: ["a", "b", "c"])),
            // A name two pages use is not common enough to call the other spelling a mistake.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|Widget.ReadWrte.All|
                """,
                file: "api/d.md", otherPages: commonPermission(onPages: ["a", "b"])),
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
        let common = pagesUsing.filter { $0.value >= 3 }.map(\.key).sorted()
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
            "permission '\(visible(name))' is not in the known permissions", suggesting: suggestion)
    }

    fileprivate static func likelyMeant(
        _ name: String, _ how: String, _ suggestion: String, pages: Int
    ) -> FindingMessage {
        FindingMessage("permission '\(visible(name))' \(how) '\(suggestion)', which \(pages) pages use")
    }
}

/// Pages `api/NAME.md` whose Permissions table names Widget.ReadWrite.All, for the examples.
private func commonPermission(onPages names: [String]) -> [String: String] {
    let page = """
        ## Permissions
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Application|Widget.ReadWrite.All|
        """
    return Dictionary(uniqueKeysWithValues: names.map { ("api/\($0).md", page) })
}
