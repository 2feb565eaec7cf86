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
            Specmark reads trailing commas, comments, unquoted keys and raw newlines in annotations, but strict JSON readers (including ApiDoctor) do not. The message names the tolerance.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true1️⃣,\n} -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true\n} -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ]
    )
}
