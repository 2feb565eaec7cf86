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
            Docs sites read the title, description and doc_type from the front matter; YAML that does not parse loses all of them. The finding points where the YAML parser gave up, or where an unclosed quote or bracket began.
            """,
        triggeringExamples: [
            RuleExample("---\ntitle: 1️⃣\"Get a widget\ndescription: x\n---\n# Get a widget\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: \"Get a widget\"\n---\n# Get a widget\n")
        ]
    )
}
