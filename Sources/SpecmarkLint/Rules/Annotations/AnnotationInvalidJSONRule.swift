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
            Annotations tell tools what a code block is (a request, a response, a resource). One that cannot be read, even tolerantly, is ignored, so its example loses its name and type and every check that needs them. The finding points at the character where reading stopped.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- {\n  \"blockType\": \"request\"\n  1️⃣\"name\": \"get_widget\"\n} -->\n```http\nGET /widgets/1\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"get_widget\"\n} -->\n```http\nGET /widgets/1\n```\n"
            )
        ]
    )
}
