import SpecmarkContract
import SpecmarkMarkdown

/// The YAML front matter does not parse.
///
/// Produced by ``FrontMatter``, while the page is parsed, as an ``ExtractionFinding`` this rule reports.
struct FrontMatterInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.frontMatterInvalid

    let description = RuleDescription(
        id: "front-matter-invalid",
        family: .markdown,
        summary: "the YAML front matter does not parse",
        defaultSeverity: .error,
        rationale: """
            Docs sites read the title, description and doc_type from the front matter; YAML that does not parse \
            loses all of them. The finding points where the YAML parser gave up, or where an unclosed quote or \
            bracket began.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                title: 1️⃣"1️⃣Get a widget
                description: Reads one widget.
                ---
                # Get widget
                """,
                messages: [
                    "front matter is not valid YAML: while scanning a quoted scalar: found unexpected end of stream"
                ]),
            RuleExample(
                """
                ---
                title: Get widget
                ms.topic: 1️⃣[1️⃣reference, widgets
                ---
                # Get widget
                """,
                messages: [
                    "front matter is not valid YAML: while parsing a flow sequence: did not find expected ',' or ']'"
                ]),
            RuleExample(
                """
                ---
                title: Get1️⃣:1️⃣ a widget
                ---
                # Get widget
                """,
                messages: ["front matter is not valid YAML: mapping values are not allowed in this context"]),
            RuleExample(
                """
                ---
                1️⃣-1️⃣ Get widget
                ---
                # Get widget
                """,
                messages: ["front matter is not a set of 'key: value' lines"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                title: "Get a widget"
                ---
                # Get a widget
                """)
        ]
    )
}
