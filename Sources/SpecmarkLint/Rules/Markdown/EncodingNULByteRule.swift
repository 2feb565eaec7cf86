import SpecmarkContract
import SpecmarkMarkdown

/// The file contains NUL bytes.
///
/// Produced by ``MarkdownDocument``, while it reads the page's bytes, as an ``ExtractionFinding`` this rule reports.
struct EncodingNULByteRule: ExtractedRule {
    let finding = ExtractionFinding.encodingNULByte

    let description = RuleDescription(
        id: "encoding-nul-byte",
        family: .markdown,
        summary: "the file contains NUL bytes",
        defaultSeverity: .warning,
        rationale: """
            NUL bytes come from binary files or broken editors; Specmark reads them as spaces so columns stay right, but they should be removed.
            """,
        triggeringExamples: [
            RuleExample("# Title\n\nText1️⃣\u{0}here.\n")
        ],
        nonTriggeringExamples: [
            RuleExample("# Title\n\nText here.\n")
        ]
    )
}
