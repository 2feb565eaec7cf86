import SpecmarkContract
import SpecmarkMarkdown

/// A Permissions row names no permission and does not say "Not supported".
struct PermissionsRowEmptyRule: LintRule {
    let description = RuleDescription(
        id: "permissions-row-empty",
        family: .permissions,
        summary: "a Permissions row names no permission and does not say 'Not supported'",
        defaultSeverity: .warning,
        rationale: """
            A row must either list the permissions that allow the call or say `Not supported.`; an empty or \
            free-text cell leaves readers unsure whether the permission type works at all.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                1️⃣|Delegated (work or school account)|Ask your administrator|1️⃣
                2️⃣|Application||2️⃣
                """,
                messages: [
                    "'Delegated (work or school account)' row names no permission; list them or write 'Not supported.'",
                    "'Application' row names no permission; list them or write 'Not supported.'",
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)|Widget.Read|
                |Application|Not supported.|
                """),
            // A row whose workload sub-rows list its permissions is not empty.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)||
                | &nbsp; &nbsp; **Widget management** | Widget.Read.All |
                |Application|Not supported.|
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let permissions = page.method?.permissions else { return }
        for table in permissions.tables {
            for row in table.rows where row.kind != nil && row.permissions.isEmpty && row.notSupportedSpelling == nil {
                report.report(
                    .rowEmpty(row.label), at: row.range,
                    anchor: "permissions:\(row.label):empty")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func rowEmpty(_ label: String) -> FindingMessage {
        FindingMessage("'\(visible(label))' row names no permission; list them or write 'Not supported.'")
    }
}
