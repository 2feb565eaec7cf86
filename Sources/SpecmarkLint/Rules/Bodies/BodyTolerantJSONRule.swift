import SpecmarkContract
import SpecmarkMarkdown

/// A JSON body is readable only tolerantly (trailing comma, comment, raw newline, ellipsis).
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples are extracted, as an
/// ``ExtractionFinding`` this rule reports.
struct BodyTolerantJSONRule: ExtractedRule {
    let finding = ExtractionFinding.bodyTolerantJSON

    let description = RuleDescription(
        id: "body-tolerant-json",
        family: .bodies,
        summary: "a JSON body is readable only tolerantly (trailing comma, comment, raw newline, ellipsis)",
        defaultSeverity: .warning,
        rationale: """
            Specmark reads trailing commas, comments, raw newlines in strings and `...` placeholders, but a client \
            or a strict parser does not; an ellipsis is accepted silently only in a response annotated `truncated`.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "size": 11️⃣,1️⃣ }
                ```
                """,
                messages: ["body is readable only tolerantly: trailing comma"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [ 1️⃣...1️⃣ ] }
                ```
                """,
                messages: ["body is readable only tolerantly: ellipsis placeholder"]),
            // Two dots elide as surely as three, and an elision needs no comma after it.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "directories": [1️⃣..1️⃣],
                  2️⃣…2️⃣
                  "owner": "Megan"
                }
                ```
                """,
                messages: [
                    "body is readable only tolerantly: ellipsis placeholder",
                    "body is readable only tolerantly: ellipsis placeholder",
                ]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "1" 1️⃣// the widget's key1️⃣
                }
                ```
                """,
                messages: ["body is readable only tolerantly: comment"]),
            // A raw newline in a string, written `<0x0A>` so that the end marker can follow it on its line.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "description": "A gauge1️⃣<0x0A>1️⃣for the hall" }
                ```
                """,
                messages: ["body is readable only tolerantly: raw control character in a string"]),
            // `truncated` excuses the ellipsis only, not other drift.
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": true } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [ ... ]1️⃣,1️⃣ }
                ```
                """,
                messages: ["body is readable only tolerantly: trailing comma"]),
            // Only a response can be truncated.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget", "truncated": true } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "displayName": "Gauge", 1️⃣...1️⃣ }
                ```
                """,
                messages: ["body is readable only tolerantly: ellipsis placeholder"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": true } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [ ... ] }
                ```
                """),
            // A string that is only an ellipsis is strict JSON; body conformance reads it as an elided value.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "1", "displayName": "..." }
                ```
                """),
        ]
    )
}
