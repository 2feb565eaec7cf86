import SpecmarkContract
import SpecmarkMarkdown

/// A status line has no HTTP version.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPStatusLineNoVersionRule: ExtractedRule {
    let finding = ExtractionFinding.httpStatusLineNoVersion

    let description = RuleDescription(
        id: "http-status-line-no-version",
        family: .http,
        summary: "a status line has no HTTP version",
        defaultSeverity: .warning,
        rationale: """
            `HTTP 201 Created` is not an HTTP status line; write `HTTP/1.1 201 Created`.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP 204 No Content1️⃣
                ```
                """,
                messages: ["status line 'HTTP 204 No Content' has no HTTP version (write 'HTTP/1.1 204 No Content')"]),
            // A bare code and reason, in an annotated response.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣201 Created1️⃣
                ```
                """,
                messages: ["status line '201 Created' has no HTTP version (write 'HTTP/1.1 201 Created')"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/2 204
                ```
                """),
        ]
    )
}
