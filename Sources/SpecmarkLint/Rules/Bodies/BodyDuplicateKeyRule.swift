import SpecmarkContract
import SpecmarkMarkdown

/// A key appears twice in one JSON object.
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples are extracted, as an
/// ``ExtractionFinding`` this rule reports.
struct BodyDuplicateKeyRule: ExtractedRule {
    let finding = ExtractionFinding.bodyDuplicateKey

    let description = RuleDescription(
        id: "body-duplicate-key",
        family: .bodies,
        summary: "a key appears twice in one JSON object",
        defaultSeverity: .warning,
        rationale: """
            JSON readers keep either the first or the last duplicate; the example means one of them.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "1", 1️⃣"id"1️⃣: "2" }
                ```
                """,
                messages: ["key 'id' appears more than once in one object"]),
            // In a request body, and in a nested object.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                {
                  "displayName": "Gauge",
                  "size": { "width": 2, 1️⃣"width"1️⃣: 3 }
                }
                ```
                """,
                messages: ["key 'width' appears more than once in one object"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "1" }
                ```
                """),
            // The same key in two objects is not repeated.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [ { "id": "1" }, { "id": "2" } ] }
                ```
                """),
        ]
    )
}
