import SpecmarkContract
import SpecmarkMarkdown

/// A request example does not start with METHOD URL.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPRequestLineInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.httpRequestLineInvalid

    let description = RuleDescription(
        id: "http-request-line-invalid",
        family: .http,
        summary: "a request example does not start with METHOD URL",
        defaultSeverity: .error,
        rationale: """
            A request block must start with an upper-case method and a URL (`GET https://…/users/1`), optionally \
            followed by the HTTP version; anything else cannot be replayed or matched to the declared paths.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                1️⃣get /widgets/11️⃣
                ```
                """,
                messages: ["request line 'get /widgets/1' is not 'METHOD URL [HTTP/version]'"]),
            // A method HTTP does not have.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                1️⃣FETCH /widgets/11️⃣
                ```
                """,
                messages: ["request line 'FETCH /widgets/1' is not 'METHOD URL [HTTP/version]'"]),
            // No URL.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                1️⃣GET1️⃣
                ```
                """,
                messages: ["request line 'GET' is not 'METHOD URL [HTTP/version]'"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets HTTP/1.1
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets
                ```
                """),
        ]
    )
}
