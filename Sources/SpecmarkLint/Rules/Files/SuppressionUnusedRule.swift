import SpecmarkContract
import SpecmarkMarkdown

/// A suppression suppresses nothing.
struct SuppressionUnusedRule: LintRule {
    static let id = "suppression-unused"

    let description = RuleDescription(
        id: SuppressionUnusedRule.id,
        family: .files,
        summary: "a suppression comment or page-annotation entry suppresses nothing",
        defaultSeverity: .warning,
        rationale: """
            Suppressions outlive the problems they hid: once a page is fixed, a leftover `specmark-disable` would \
            hide the next real problem at that place. Remove suppressions that no longer suppress anything. \
            ApiDoctor-style text entries in the page annotation are not reported: they were written for another tool.
            """,
        triggeringExamples: [
            RuleExample(
                """
                1️⃣<!-- specmark-disable-next-block response-status-mismatch: fixed long ago -->
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- specmark-disable-next-block http-reason-phrase: the service really says this -->
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 Deleted
                ```
                """)
        ]
    )

    /// The work happens in the linter's suppression pass, which sees every finding of the page.
    var isPageRule: Bool { false }
}
