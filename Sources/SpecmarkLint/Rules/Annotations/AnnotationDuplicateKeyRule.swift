import SpecmarkContract
import SpecmarkMarkdown

/// An annotation key appears more than once.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationDuplicateKeyRule: ExtractedRule {
    let finding = ExtractionFinding.annotationDuplicateKey

    let description = RuleDescription(
        id: "annotation-duplicate-key",
        family: .annotations,
        summary: "an annotation key appears more than once",
        defaultSeverity: .warning,
        rationale: """
            JSON readers disagree on which duplicate wins; Specmark uses the first.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\", 1️⃣\"name\": \"b\" } -->\n```http\nGET /a\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n")
        ]
    )
}
