import SpecmarkContract
import SpecmarkMarkdown

/// An annotation is not followed by a code block.
///
/// Produced by ``PageExtractor``, while it binds annotations to code blocks, as an ``ExtractionFinding`` this rule
/// reports.
struct AnnotationOrphanedRule: ExtractedRule {
    let finding = ExtractionFinding.annotationOrphaned

    let description = RuleDescription(
        id: "annotation-orphaned",
        family: .annotations,
        summary: "an annotation is not followed by a code block",
        defaultSeverity: .warning,
        rationale: """
            An annotation binds to the code block right after it, with only blank lines between. With prose or a heading in between it binds to nothing, and the block it was meant for goes unannotated.
            """,
        triggeringExamples: [
            RuleExample(
                "1️⃣<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\nThe request:\n\n```http\nGET /a\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n\n```http\nGET /a\n```\n")
        ]
    )
}
