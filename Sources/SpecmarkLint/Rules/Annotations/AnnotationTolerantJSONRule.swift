import SpecmarkContract
import SpecmarkMarkdown

/// An annotation is readable only tolerantly (trailing comma, comment, unquoted key).
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationTolerantJSONRule: ExtractedRule {
    let finding = ExtractionFinding.annotationTolerantJSON

    let description = RuleDescription(
        id: "annotation-tolerant-json",
        family: .annotations,
        summary: "an annotation is readable only tolerantly (trailing comma, comment, unquoted key)",
        defaultSeverity: .warning,
        rationale: """
            Specmark reads trailing commas, comments, unquoted keys and raw newlines in annotations, but strict \
            JSON readers (including ApiDoctor) do not. The message names the tolerance.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- {
                  "blockType": "response",
                  "truncated": true1️⃣,1️⃣
                } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation is readable only tolerantly: trailing comma"]),
            RuleExample(
                """
                <!-- { "blockType": "response", 1️⃣/* shortened */1️⃣ "truncated": true } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation is readable only tolerantly: comment"]),
            RuleExample(
                """
                <!-- { "blockType": "request", 1️⃣name1️⃣: "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["annotation is readable only tolerantly: unquoted key"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": 1️⃣'1️⃣get_widget' } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["annotation is readable only tolerantly: single-quoted string"]),
            // A raw newline in a string, written `<0x0A>` so that the end marker can follow it on its line.
            RuleExample(
                """
                <!-- {
                  "blockType": "request",
                  "name": "get_1️⃣<0x0A>1️⃣widget"
                } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["annotation is readable only tolerantly: raw control character in a string"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- {
                  "blockType": "response",
                  "truncated": true
                } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """)
        ]
    )
}
