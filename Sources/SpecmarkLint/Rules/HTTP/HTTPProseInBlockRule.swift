import SpecmarkContract
import SpecmarkMarkdown

/// Prose inside an HTTP example block.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPProseInBlockRule: ExtractedRule {
    let finding = ExtractionFinding.httpProseInBlock

    let description = RuleDescription(
        id: "http-prose-in-block",
        family: .http,
        summary: "prose inside an HTTP example block",
        defaultSeverity: .warning,
        rationale: """
            Lines like `Request body` or `Here is the response:` belong outside the fence; inside it they break \
            the message for every reader and tool.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                1️⃣Request body1️⃣
                { "size": 1 }
                ```
                """,
                messages: ["line 'Request body' is prose, not part of the HTTP body"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣Here is the response:1️⃣
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["line 'Here is the response:' is prose, not part of an HTTP response"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                1️⃣The request:1️⃣
                GET /widgets/1
                ```
                """,
                messages: ["line 'The request:' is prose, not part of an HTTP request"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                1️⃣Add a Prefer header for a minimal reply1️⃣
                ```
                """,
                messages: ["line 'Add a Prefer header for a minimal reply' is prose, not part of an HTTP message"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "size": 1 }
                ```
                """)
        ]
    )
}
