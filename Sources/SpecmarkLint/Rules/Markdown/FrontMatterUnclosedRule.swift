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
            Without its closing `---` the front matter is read as page text (a thematic break and a paragraph), and \
            the page loses its metadata.
            """,
        triggeringExamples: [
            RuleExample(
                """
                1️⃣---1️⃣
                title: Get widget

                # Get widget
                """,
                messages: ["front matter opened with '---' is never closed with '---'"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                title: Get widget
                ---
                # Get widget
                """),
            // YAML's document end, `...`, closes it too.
            RuleExample(
                """
                ---
                title: Get widget
                ...
                # Get widget
                """),
            // Only `---` on line 1 opens front matter; later it is a thematic break.
            RuleExample(
                """
                # Get widget

                ---
                title: Get widget
                """),
        ]
    )
}
