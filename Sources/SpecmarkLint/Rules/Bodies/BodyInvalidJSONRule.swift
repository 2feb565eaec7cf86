import SpecmarkContract
import SpecmarkMarkdown

/// A JSON body is not valid JSON.
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples and JSON representations are
/// extracted, as an ``ExtractionFinding`` this rule reports.
struct BodyInvalidJSONRule: ExtractedRule {
    let finding = ExtractionFinding.bodyInvalidJSON

    let description = RuleDescription(
        id: "body-invalid-json",
        family: .bodies,
        summary: "a JSON body is not valid JSON",
        defaultSeverity: .error,
        rationale: """
            A request body that is not JSON cannot be sent; a response body that is not JSON cannot be compared \
            with the service or with the resource definition. The finding points at the exact character where \
            reading stopped.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                {
                  1️⃣m1️⃣odel: "x"
                }
                ```
                """,
                messages: ["body is not valid JSON: key 'model' is not in double quotes"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "id": "1"
                  1️⃣"1️⃣displayName": "Gauge"
                }
                ```
                """,
                messages: [#"body is not valid JSON: expected ',' or '}' after member "id", found '"'"#]),
            // An elision does not excuse a missing comma between two members.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "value": [ … ],
                  "id": "1"
                  1️⃣"1️⃣displayName": "Gauge"
                }
                ```
                """,
                messages: [#"body is not valid JSON: expected ',' or '}' after member "id", found '"'"#]),
            // Nor an unbalanced brace.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                1️⃣{1️⃣
                  "owner": { ... },
                  "id": "1"
                ```
                """,
                messages: ["body is not valid JSON: object opened here is never closed"]),
            // Without a Content-Type, a body that starts like JSON is read as JSON.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK

                { "id": 1️⃣'1️⃣1' }
                ```
                """,
                messages: ["body is not valid JSON: strings must be in double quotes, not single quotes"]),
            // A resource's JSON representation.
            RuleExample(
                """
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                {
                  "id": "String"
                  1️⃣"1️⃣size": "Int32"
                }
                ```
                """,
                messages: [
                    #"resource JSON representation is not valid JSON: expected ',' or '}' after member "id", found '"'"#
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                {
                  "model": "x"
                }
                ```
                """),
            // Markup under a JSON media type is body-content-type-mismatch, not broken JSON.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                <widget id="1"/>
                ```
                """),
            // A body with another media type, or none and not starting like JSON, is not read as JSON.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: text/csv

                id,displayName
                ```
                """),
        ]
    )
}
