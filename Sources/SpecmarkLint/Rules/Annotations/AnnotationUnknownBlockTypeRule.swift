import SpecmarkContract
import SpecmarkMarkdown

/// An annotation's blockType is not one the docs use.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationUnknownBlockTypeRule: ExtractedRule {
    let finding = ExtractionFinding.annotationUnknownBlockType

    let description = RuleDescription(
        id: "annotation-unknown-block-type",
        family: .annotations,
        summary: "an annotation's blockType is not one the docs use",
        defaultSeverity: .warning,
        rationale: """
            Tools act on known block types only (request, response, resource, ignored, example, samples, simulatedResponse, testParams, enum, permissions); a misspelt one turns the annotation into noise.
            """,
        triggeringExamples: [
            RuleExample("<!-- { \"blockType\": 1️⃣\"reqeust\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n")
        ]
    )
}
