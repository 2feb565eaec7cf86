import SpecmarkContract
import SpecmarkMarkdown

/// An annotation comment is not valid JSON.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationInvalidJSONRule: ExtractedRule {
    let finding = ExtractionFinding.annotationInvalidJSON

    let description = RuleDescription(
        id: "annotation-invalid-json",
        family: .annotations,
        summary: "an annotation comment is not valid JSON",
        defaultSeverity: .error,
        rationale: """
            Annotations tell tools what a code block is (a request, a response, a resource). One that cannot be \
            read, even tolerantly, is ignored, so its example loses its name and type and every check that needs \
            them. The finding points at the character where reading stopped.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- {
                  "blockType": "request"
                  1️⃣"1️⃣name": "get_widget"
                } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: [#"annotation is not valid JSON: expected ',' or '}' after member "blockType", found '"'"#]),
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": 1️⃣y1️⃣es } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation is not valid JSON: unexpected 'y', expected a value"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- {
                  "blockType": "request",
                  "name": "get_widget"
                } -->
                ```http
                GET /widgets/1
                ```
                """),
            // Readable tolerantly (a trailing comma) is readable: annotation-tolerant-json reports it.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget", } -->
                ```http
                GET /widgets/1
                ```
                """),
            // A comment whose text does not start with `{` is not an annotation.
            RuleExample(
                """
                <!-- The response below is shortened. -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
        ]
    )
}
