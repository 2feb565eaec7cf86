import SpecmarkContract
import SpecmarkMarkdown

/// "Not supported." is written another way.
struct PermissionsNotSupportedSpellingRule: LintRule {
    static let canonical = "Not supported."

    let description = RuleDescription(
        id: "permissions-not-supported-spelling",
        family: .permissions,
        summary: "a Permissions cell spells 'Not supported.' another way",
        defaultSeverity: .note,
        rationale: """
            The docs write `Not supported.`; `Not Supported`, `Not supported` and the like read the same to \
            people but not to tools that compare text.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)|Widget.Read|
                |Delegated (personal Microsoft account)|1️⃣Not supported1️⃣|
                |Application|2️⃣Not Supported2️⃣|
                """,
                messages: [
                    "'Not supported' is written 'Not supported.' everywhere else",
                    "'Not Supported' is written 'Not supported.' everywhere else",
                ],
                fixed: """
                    ## Permissions
                    |Permission type|Permissions (from least to most privileged)|
                    |:---|:---|
                    |Delegated (work or school account)|Widget.Read|
                    |Delegated (personal Microsoft account)|Not supported.|
                    |Application|Not supported.|
                    """),
            // A cell that says more than "not supported" keeps its words: only its spelling is reported.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|1️⃣Not supported for widgets in a hub1️⃣|
                """,
                messages: ["'Not supported for widgets in a hub' is written 'Not supported.' everywhere else"],
                fixed: """
                    ## Permissions
                    |Permission type|Permissions (from least to most privileged)|
                    |:---|:---|
                    |Application|Not supported for widgets in a hub|
                    """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Application|Not supported.|
                """)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let permissions = page.method?.permissions else { return }
        for table in permissions.tables {
            for row in table.rows {
                guard let spelling = row.notSupportedSpelling, spelling != Self.canonical,
                    spelling.lowercased().hasPrefix("not supported"), let range = row.valueRange
                else { continue }
                // Only another spelling of the same words is fixed; a cell that says more keeps them.
                let words = spelling.lowercased().trimmingSpaces()
                let isRespelling = words == "not supported" || words == "not supported."
                report.report(
                    .spelling(spelling, Self.canonical), at: range,
                    anchor: "permissions:\(row.label):not-supported",
                    fix: isRespelling
                        ? Fix(
                            "Write '\(Self.canonical)'",
                            edits: [
                                FixEdit(range: range, change: .replaceOccurrence(of: spelling, with: Self.canonical))
                            ])
                        : nil)
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func spelling(_ written: String, _ canonical: String) -> FindingMessage {
        FindingMessage("'\(visible(written))' is written '\(canonical)' everywhere else")
    }
}
