import SpecmarkContract
import SpecmarkMarkdown

/// The file is not valid UTF-8.
///
/// Produced by ``MarkdownDocument``, while it reads the page's bytes, as an ``ExtractionFinding`` this rule reports.
struct EncodingInvalidUTF8Rule: ExtractedRule {
    let finding = ExtractionFinding.encodingInvalidUTF8

    let description = RuleDescription(
        id: "encoding-invalid-utf8",
        family: .markdown,
        summary: "the file is not valid UTF-8",
        defaultSeverity: .error,
        rationale: """
            Pages are read as UTF-8. Invalid bytes are read as U+FFFD so the rest of the page is still checked, but the published page will show replacement characters. Re-save the file as UTF-8.
            """,
        triggeringExamples: [
            RuleExample("# Title\n\nText 1️⃣<0xFF> here.\n")
        ],
        nonTriggeringExamples: [
            RuleExample("# Title\n\nText é here.\n")
        ]
    )
}
