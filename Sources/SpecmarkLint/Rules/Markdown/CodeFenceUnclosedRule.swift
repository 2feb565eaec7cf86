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
            An unclosed fence swallows everything after it in its container — headings, examples, tables — into \
            one code block; at the top level the rest of the page silently disappears from the rendered docs and \
            from every other check.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # Get widget

                1️⃣```1️⃣http
                GET /widgets/1

                ## Response
                """,
                messages: ["code block opened with '```' is never closed; it runs to the end of its container"]),
            // A closing fence must be at least as long as the opening one.
            RuleExample(
                """
                # Get widget

                1️⃣````1️⃣http
                GET /widgets/1
                ```
                """,
                messages: ["code block opened with '````' is never closed; it runs to the end of its container"]),
            // In a quote or a list, it runs to the end of that.
            RuleExample(
                """
                > 1️⃣~~~1️⃣http
                > GET /widgets/1

                ## Response
                """,
                messages: ["code block opened with '~~~' is never closed; it runs to the end of its container"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                # Get widget

                ```http
                GET /widgets/1
                ```
                """),
            // A longer closing fence closes it.
            RuleExample(
                """
                # Get widget

                ```http
                GET /widgets/1
                `````
                """),
        ]
    )
}
