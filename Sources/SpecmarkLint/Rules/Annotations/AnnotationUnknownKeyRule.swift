import SpecmarkContract
import SpecmarkMarkdown

/// An annotation has a key Specmark does not know.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationUnknownKeyRule: ExtractedRule {
    let finding = ExtractionFinding.annotationUnknownKey

    let description = RuleDescription(
        id: "annotation-unknown-key",
        family: .annotations,
        summary: "an annotation has a key Specmark does not know",
        defaultSeverity: .warning,
        rationale: """
            Unknown keys are usually misspellings (`scope` for `scopes`, `trunacted` for `truncated`) that silently do nothing. The message suggests the closest known key.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\", 1️⃣\"trunacted\": true } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\", \"truncated\": true } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
            )
        ]
    )
}
