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
                1️⃣<!-- specmark-disable-next-block response-status-mismatch: fixed long ago -->1️⃣
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["specmark-disable-next-block for response-status-mismatch suppresses nothing"]),
            // A range; its specmark-enable is never reported.
            RuleExample(
                """
                1️⃣<!-- specmark-disable http-reason-phrase -->1️⃣
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                <!-- specmark-enable http-reason-phrase -->
                """,
                messages: ["specmark-disable for http-reason-phrase suppresses nothing"]),
            // Without rules, a directive covers every rule.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE /widgets/1
                ```
                1️⃣<!-- specmark-disable-next-block -->1️⃣
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["specmark-disable-next-block for every rule suppresses nothing"]),
            RuleExample(
                """
                <!-- { "type": "#page.annotation", "suppressions": [ 1️⃣"http-reason-phrase"1️⃣ ] } -->
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["page annotation suppression 'http-reason-phrase' suppresses nothing"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- specmark-disable-next-block http-reason-phrase: the service really says this -->
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 Deleted
                ```
                """),
            // An ApiDoctor text entry was written for another tool.
            RuleExample(
                """
                <!-- { "type": "#page.annotation", "suppressions": [ "Warning: /widgets/{id} - still in preview" ] } -->
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
        ]
    )

    /// The work happens in the linter's suppression pass, which sees every finding of the page.
    var isPageRule: Bool { false }
}
