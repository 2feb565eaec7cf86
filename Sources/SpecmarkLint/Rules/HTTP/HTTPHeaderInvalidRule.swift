import SpecmarkContract
import SpecmarkMarkdown

/// A line among the headers is not a Name: value header.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPHeaderInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.httpHeaderInvalid

    let description = RuleDescription(
        id: "http-header-invalid",
        family: .http,
        summary: "a line among the headers is not a Name: value header",
        defaultSeverity: .warning,
        rationale: """
            Between the first line and the blank line, every line must be a header; anything else is dropped by \
            clients.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "authorize" } -->
                ```http
                POST /authorize
                1️⃣client_id=abc&state=11️⃣
                ```
                """,
                messages: ["line 'client_id=abc&state=1' is not a 'Name: value' header"]),
            // A space is not allowed in a header name.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                1️⃣Content Type: application/json1️⃣

                { "displayName": "Gauge" }
                ```
                """,
                messages: ["line 'Content Type: application/json' is not a 'Name: value' header"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                Prefer: return=minimal
                ```
                """),
            // After the blank line comes the body.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "authorize" } -->
                ```http
                POST /authorize
                Content-Type: application/x-www-form-urlencoded

                client_id=abc&state=1
                ```
                """),
        ]
    )
}
