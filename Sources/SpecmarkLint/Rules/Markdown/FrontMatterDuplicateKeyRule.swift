import SpecmarkContract
import SpecmarkMarkdown

/// A front-matter key appears more than once.
///
/// Produced by ``FrontMatter``, while the page is parsed, as an ``ExtractionFinding`` this rule reports.
struct FrontMatterDuplicateKeyRule: ExtractedRule {
    let finding = ExtractionFinding.frontMatterDuplicateKey

    let description = RuleDescription(
        id: "front-matter-duplicate-key",
        family: .markdown,
        summary: "a front-matter key appears more than once",
        defaultSeverity: .warning,
        rationale: """
            YAML tools disagree on which of two equal keys wins (some reject the file); keep one.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                title: Get widget
                1️⃣title1️⃣: Get a widget
                ---
                # Get widget
                """,
                messages: ["front matter key 'title' appears more than once"]),
            // Each repetition is reported.
            RuleExample(
                """
                ---
                title: Get widget
                ms.topic: reference
                1️⃣title1️⃣: Get a widget
                2️⃣ms.topic2️⃣: reference
                3️⃣title3️⃣: Get one widget
                ---
                # Get widget
                """,
                messages: [
                    "front matter key 'title' appears more than once",
                    "front matter key 'ms.topic' appears more than once",
                    "front matter key 'title' appears more than once",
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                title: Get widget
                ---
                # Get widget
                """)
        ]
    )
}
