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
                "<!-- { \"blockType\": \"response\", \"truncated\": 1️⃣\"true\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\", \"truncated\": true } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ]
    )
}
