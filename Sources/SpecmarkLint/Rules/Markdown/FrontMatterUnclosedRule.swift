import SpecmarkContract
import SpecmarkMarkdown

/// Front matter opened with --- on line 1 is never closed.
///
/// Produced by ``FrontMatter``, while the page is parsed, as an ``ExtractionFinding`` this rule reports.
struct FrontMatterUnclosedRule: ExtractedRule {
    let finding = ExtractionFinding.frontMatterUnclosed

    let description = RuleDescription(
        id: "front-matter-unclosed",
        family: .markdown,
        summary: "front matter opened with --- on line 1 is never closed",
        defaultSeverity: .error,
        rationale: """
            Without its closing `---` the front matter is read as page text (a thematic break and a paragraph), and the page loses its metadata.
            """,
        triggeringExamples: [
            RuleExample("1️⃣---\ntitle: x\n\n# Title\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: x\n---\n# Title\n")
        ]
    )
}
