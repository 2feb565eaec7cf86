import SpecmarkContract
import SpecmarkMarkdown

/// The file starts with a UTF-8 byte order mark.
///
/// Produced by ``MarkdownDocument``, while it reads the page's bytes, as an ``ExtractionFinding`` this rule reports.
struct EncodingBOMRule: ExtractedRule {
    let finding = ExtractionFinding.encodingBOM

    let description = RuleDescription(
        id: "encoding-bom",
        family: .markdown,
        summary: "the file starts with a UTF-8 byte order mark",
        defaultSeverity: .note,
        rationale: """
            A byte order mark is harmless to most tools but stops front-matter detection in some; Specmark removes \
            it before reading and counts line 1 columns after it.
            """,
        triggeringExamples: [
            // The mark is written byte by byte so that the markers enclose one byte: the finding is just 1:1.
            RuleExample(
                "1️⃣<0xEF>1️⃣<0xBB><0xBF># Widgets\n",
                messages: [
                    "file starts with a UTF-8 byte order mark; columns on its first line are counted after it"
                ])
        ],
        nonTriggeringExamples: [
            RuleExample("# Widgets\n")
        ]
    )
}
