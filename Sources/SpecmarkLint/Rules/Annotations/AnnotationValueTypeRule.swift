import SpecmarkContract
import SpecmarkMarkdown

/// An annotation value has the wrong JSON type (a boolean written as a string).
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationValueTypeRule: ExtractedRule {
    let finding = ExtractionFinding.annotationValueType

    let description = RuleDescription(
        id: "annotation-value-type",
        family: .annotations,
        summary: "an annotation value has the wrong JSON type (a boolean written as a string)",
        defaultSeverity: .warning,
        rationale: """
            `\"truncated\": \"true\"` is a string, not a boolean; Specmark reads it as meant but strict tools do not.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": 1️⃣"true"1️⃣ } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: [
                    """
                    annotation key 'truncated' should be a boolean but is the string "true" (write true without \
                    quotes)
                    """
                ]),
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": 1️⃣"yes"1️⃣ } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation key 'truncated' should be a boolean but is the string \"yes\""]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": 1️⃣true1️⃣ } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["annotation key 'name' should be a string or a list of strings but is a boolean"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": true } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
            // null stands for an absent value.
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": null } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
        ]
    )
}
