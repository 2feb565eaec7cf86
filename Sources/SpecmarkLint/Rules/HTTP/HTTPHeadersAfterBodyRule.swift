import SpecmarkContract
import SpecmarkMarkdown

/// Headers written after the body, below a JSON body's closing brace.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports. The headers are still read as the message's headers, so a `Content-Type` written there counts.
struct HTTPHeadersAfterBodyRule: ExtractedRule {
    let finding = ExtractionFinding.httpHeadersAfterBody

    let description = RuleDescription(
        id: "http-headers-after-body",
        family: .http,
        summary: "headers are written after the body",
        defaultSeverity: .warning,
        rationale: """
            In HTTP the headers come first and the body after the blank line; a reader who copies the block sends \
            the lines below the body as part of the body. The headers are still read as the message's headers, so a \
            `Content-Type` written there is not reported missing.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets

                { "size": 1 }
                1️⃣Authorization: Bearer {token}
                Content-Type: application/json1️⃣
                ```
                """,
                messages: [
                    """
                    headers 'Authorization', 'Content-Type' follow the body; headers go between the start line and \
                    the blank line before the body
                    """
                ])
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
                """),
            // A body line that reads like a header inside the JSON is part of the JSON.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                {
                  size: 1
                }
                ```
                """),
        ]
    )
}
