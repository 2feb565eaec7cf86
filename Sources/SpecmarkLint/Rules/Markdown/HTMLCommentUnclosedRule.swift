import SpecmarkContract
import SpecmarkMarkdown

/// An HTML comment is never closed.
///
/// Produced by the cmark converter (`CommonMarkConverter`), while the page is parsed, as an ``ExtractionFinding`` this
/// rule reports.
struct HTMLCommentUnclosedRule: ExtractedRule {
    let finding = ExtractionFinding.htmlCommentUnclosed

    let description = RuleDescription(
        id: "html-comment-unclosed",
        family: .markdown,
        summary: "an HTML comment is never closed",
        defaultSeverity: .error,
        rationale: """
            An HTML comment without `-->` hides the rest of the page from readers, and an annotation inside it is \
            never read.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # Get widget

                1️⃣<!--1️⃣ { "blockType": "request", "name": "get_widget" }

                ```http
                GET /widgets/1
                ```
                """,
                messages: ["HTML comment is never closed with '-->'"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                # Get widget

                <!-- Reviewed by the sensors team. -->
                """),
            // A comment may span lines.
            RuleExample(
                """
                # Get widget

                <!--
                Reviewed by the sensors team.
                -->
                """),
        ]
    )
}
