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
            Pages are read as UTF-8. Invalid bytes are read as U+FFFD so the rest of the page is still checked, \
            but the published page will show replacement characters. Re-save the file as UTF-8.
            """,
        triggeringExamples: [
            RuleExample(
                "# Widgets\n\nA 1️⃣<0xFF>1️⃣ gauge.\n",
                messages: [
                    """
                    file is not valid UTF-8; invalid bytes were read as U+FFFD, so columns after them on this line \
                    may be off
                    """
                ]),
            // One finding per file, at the first invalid byte (here a sequence cut short).
            RuleExample(
                "# Widgets\n\nA 1️⃣<0xC3>1️⃣ gauge.\n\nA <0xFF> dial.\n",
                messages: [
                    """
                    file is not valid UTF-8; invalid bytes were read as U+FFFD, so columns after them on this line \
                    may be off
                    """
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample("# Widgets\n\nA café gauge.\n")
        ]
    )
}
