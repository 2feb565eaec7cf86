import SpecmarkContract
import SpecmarkMarkdown

/// A fenced code block is never closed.
///
/// Produced by the cmark converter (`CommonMarkConverter`), while the page is parsed, as an ``ExtractionFinding`` this
/// rule reports.
struct CodeFenceUnclosedRule: ExtractedRule {
    let finding = ExtractionFinding.codeFenceUnclosed

    let description = RuleDescription(
        id: "code-fence-unclosed",
        family: .codeBlocks,
        summary: "a fenced code block is never closed",
        defaultSeverity: .error,
        rationale: """
            An unclosed fence swallows everything after it — headings, examples, tables — into one code block, so the rest of the page silently disappears from the rendered docs and from every other check.
            """,
        triggeringExamples: [
            RuleExample("# Title\n\n1️⃣```http\nGET /widgets\n\n## Response\n")
        ],
        nonTriggeringExamples: [
            RuleExample("# Title\n\n```http\nGET /widgets\n```\n")
        ]
    )
}
