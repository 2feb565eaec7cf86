import SpecmarkContract
import SpecmarkMarkdown

/// Blocks are nested too deep to read.
///
/// Produced by the cmark converter (`CommonMarkConverter`), while the page is parsed, as an ``ExtractionFinding`` this
/// rule reports.
struct MarkdownNestingTooDeepRule: ExtractedRule {
    let finding = ExtractionFinding.markdownNestingTooDeep

    let description = RuleDescription(
        id: "markdown-nesting-too-deep",
        family: .markdown,
        summary: "blocks are nested too deep to read",
        defaultSeverity: .warning,
        rationale: """
            Pages never need this much nesting; it is usually generated or corrupted input. Specmark stops \
            descending to stay fast and safe, so checks miss what is inside.
            """,
        triggeringExamples: [
            RuleExample(
                String(repeating: "> ", count: 96) + "1️⃣> deep1️⃣\n",
                messages: ["blocks are nested more than 96 levels deep; their content is not read"])
        ],
        nonTriggeringExamples: [
            RuleExample("> > quoted twice\n"),
            // 96 levels are still read.
            RuleExample(String(repeating: "> ", count: 95) + "> deep\n"),
        ]
    )
}
