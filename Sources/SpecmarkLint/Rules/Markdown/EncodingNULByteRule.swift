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
            NUL bytes come from binary files or broken editors; Specmark reads them as spaces so columns stay \
            right, but they should be removed.
            """,
        triggeringExamples: [
            RuleExample(
                "# Widgets\n\nA1️⃣\u{0}1️⃣gauge.\n", messages: ["file contains 1 NUL byte, read as spaces"]),
            // One finding per file, at the first NUL, counting them all.
            RuleExample(
                "# Widgets\n\nA1️⃣\u{0}1️⃣gauge.\n\nA\u{0}\u{0}dial.\n",
                messages: ["file contains 3 NUL bytes, read as spaces"]),
        ],
        nonTriggeringExamples: [
            RuleExample("# Widgets\n\nA gauge.\n")
        ]
    )
}
