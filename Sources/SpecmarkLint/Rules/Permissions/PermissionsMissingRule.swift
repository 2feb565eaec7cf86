import SpecmarkContract
import SpecmarkMarkdown

/// A method page has no Permissions section, or the section has no table.
struct PermissionsMissingRule: LintRule {
    let description = RuleDescription(
        id: "permissions-missing",
        family: .permissions,
        summary: "a method page has no Permissions section, or the section has no table",
        defaultSeverity: .warning,
        rationale: """
            Every method needs its permissions stated: which delegated (work or school, personal) and \
            application permissions call it, least privileged first. Without the table readers guess, and \
            permission tooling has nothing to read.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                1️⃣# Get widget1️⃣

                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                """,
                messages: ["method page has no Permissions section"]),
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget

                1️⃣## Permissions1️⃣
                See the permissions reference.

                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                """,
                messages: ["Permissions section has no permissions table"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget

                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|Widget.Read.All|

                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                """)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard page.kind == .method, let method = page.method, !method.declaredPaths.isEmpty else { return }
        if let section = method.permissions.sectionRange {
            if method.permissions.tables.isEmpty {
                report.report(.noTable, at: section, anchor: "permissions")
            }
        } else {
            let heading = page.headings.first { $0.level == 1 }?.range ?? SourceRange(1, 1, 1, 1)
            report.report(.noSection, at: heading, anchor: "permissions")
        }
    }
}

extension FindingMessage {
    fileprivate static let noTable = FindingMessage("Permissions section has no permissions table")

    fileprivate static let noSection = FindingMessage("method page has no Permissions section")
}
