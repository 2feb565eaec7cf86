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
            RuleExample("---\ntitle: a\n1️⃣title: b\n---\n# Title\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: a\n---\n# Title\n")
        ]
    )
}
