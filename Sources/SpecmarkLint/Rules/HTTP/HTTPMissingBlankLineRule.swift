import SpecmarkContract
import SpecmarkMarkdown

/// A body starts without a blank line after the headers.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPMissingBlankLineRule: ExtractedRule {
    let finding = ExtractionFinding.httpMissingBlankLine

    let description = RuleDescription(
        id: "http-missing-blank-line",
        family: .http,
        summary: "a body starts without a blank line after the headers",
        defaultSeverity: .warning,
        rationale: """
            HTTP separates headers from the body with an empty line; without it the body's first line reads as a \
            header.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json
                1️⃣{ "size": 1 }1️⃣
                ```
                """,
                messages: ["body starts without a blank line after the headers"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/xml
                1️⃣<widget id="1"/>1️⃣
                ```
                """,
                messages: ["body starts without a blank line after the headers"]),
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
