import SpecmarkContract
import SpecmarkMarkdown

/// A request example holds more than one request line.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPMultipleRequestLinesRule: ExtractedRule {
    let finding = ExtractionFinding.httpMultipleRequestLines

    let description = RuleDescription(
        id: "http-multiple-request-lines",
        family: .http,
        summary: "a request example holds more than one request line",
        defaultSeverity: .warning,
        rationale: """
            One example block shows one request; put alternatives in their own blocks so each can be named, \
            paired and replayed.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                1️⃣GET /widgets/21️⃣
                ```
                """,
                messages: ["a second request line 'GET /widgets/2' in one request block"]),
            // After a blank line too, each one.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1

                1️⃣GET /widgets/1?$select=id1️⃣

                2️⃣GET /widgets/1?$select=size2️⃣
                ```
                """,
                messages: [
                    "a second request line 'GET /widgets/1?$select=id' in one request block",
                    "a second request line 'GET /widgets/1?$select=size' in one request block",
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "request", "name": "get_widget_id" } -->
                ```http
                GET /widgets/1?$select=id
                ```
                """)
        ]
    )
}
