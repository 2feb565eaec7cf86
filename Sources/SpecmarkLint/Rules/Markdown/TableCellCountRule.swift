import SpecmarkContract
import SpecmarkMarkdown

/// A table row has more or fewer cells than the table has columns.
///
/// Produced by the cmark converter's pipe-table recognition (`CommonMarkConverter+Tables`, which reads rows with
/// `PipeTable`), while the page is parsed, as an ``ExtractionFinding`` this rule reports.
struct TableCellCountRule: ExtractedRule {
    let finding = ExtractionFinding.tableCellCount

    let description = RuleDescription(
        id: "table-cell-count",
        family: .markdown,
        summary: "a table row has more or fewer cells than the table has columns",
        defaultSeverity: .warning,
        rationale: """
            Renderers drop extra cells and leave missing ones empty, so a ragged row usually means a lost value or \
            a stray pipe (an unescaped `|` inside a cell). A group row, bold text alone in the first cell with the \
            others empty or left out (`|**Auditing**|`), heads the rows below it and is not ragged.
            """,
        triggeringExamples: [
            RuleExample(
                """
                |Property|Type|Description|
                |:---|:---|:---|
                1️⃣|id|String|1️⃣
                2️⃣|name|String|Display name|extra|2️⃣
                3️⃣|size|3️⃣
                4️⃣|**kind**|String|4️⃣
                """,
                messages: [
                    "table row has 2 cells but the table has 3 columns",
                    "table row has 4 cells but the table has 3 columns",
                    "table row has 1 cell but the table has 3 columns",
                    "table row has 2 cells but the table has 3 columns",
                ]),
            // The header and the delimiter row disagree.
            RuleExample(
                """
                |Property|Type|
                1️⃣|:---|:---|:---|1️⃣
                |id|String|Read-only.|
                """,
                messages: ["table header has 2 cells but its delimiter row has 3"]),
            // The rows agree with the header: the delimiter row's extra column is the one finding.
            RuleExample(
                """
                |Permission type|Permissions|
                1️⃣|:---|:---|:---|1️⃣
                |Delegated (work or school account)|Widget.Read|
                |Application|Widget.Read.All|
                """,
                messages: ["table header has 2 cells but its delimiter row has 3"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|Read-only \\| key.|
                """),
            // A pipe in a code span does not split the cell (as DocFX renders it).
            RuleExample(
                """
                |Property|Type|Description|
                |:---|:---|:---|
                |unit|String|One of `cm|in`.|
                """),
            // Group rows head the rows below them, with their other cells empty or left out.
            RuleExample(
                """
                | Method | Return type | Description |
                |:---|:---|:---|
                |[Get widget](../api/widget-get.md)|[widget](widget.md)|Read a widget.|
                |**Open extensions**|
                |[Create extension](../api/widget-post-extensions.md)|[extension](extension.md)|Add custom data.|
                |**Schema extensions**| | |
                |[Add schema values](../api/widget-update.md)|[widget](widget.md)|Add typed data.|
                """),
        ]
    )
}
