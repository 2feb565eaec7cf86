import SpecmarkContract
import SpecmarkMarkdown

/// A table row has more or fewer cells than the table has columns.
///
/// Produced by the pipe-table recogniser (`PipeTable`), while the page is parsed, as an ``ExtractionFinding`` this rule
/// reports.
struct TableCellCountRule: ExtractedRule {
    let finding = ExtractionFinding.tableCellCount

    let description = RuleDescription(
        id: "table-cell-count",
        family: .markdown,
        summary: "a table row has more or fewer cells than the table has columns",
        defaultSeverity: .warning,
        rationale: """
            Renderers drop extra cells and leave missing ones empty, so a ragged row usually means a lost value or a stray pipe (an unescaped `|` inside a cell).
            """,
        triggeringExamples: [
            RuleExample("|Property|Type|Description|\n|:---|:---|:---|\n1️⃣|id|String|\n2️⃣|name|String|Text|extra|\n")
        ],
        nonTriggeringExamples: [
            RuleExample("|Property|Type|Description|\n|:---|:---|:---|\n|id|String|Read-only \\| key.|\n")
        ]
    )
}
