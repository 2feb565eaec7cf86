/// A GFM pipe table, rebuilt from the source lines of the paragraph cmark saw.
public struct Table: Hashable, Sendable {
    /// A column's alignment, from the delimiter row.
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    public var range: SourceRange
    /// The header row.
    public var header: TableRow
    /// The delimiter row's range.
    public var delimiterRange: SourceRange
    /// One alignment per column; its count is the table's column count.
    public var alignments: [Alignment]
    /// The body rows.
    public var rows: [TableRow]

    /// The number of columns, set by the header and delimiter rows.
    public var columnCount: Int { alignments.count }

    /// The index of the first header cell whose plain text equals one of `names` (case-insensitive).
    public func columnIndex(named names: [String]) -> Int? {
        header.cells.firstIndex { cell in names.contains { $0.equalsIgnoringCase(cell.text) } }
    }
}

/// A header or body row of a pipe table.
public struct TableRow: Hashable, Sendable {
    public var range: SourceRange
    /// The cells as written; a ragged row keeps all of its cells.
    public var cells: [TableCell]
    /// The number of cells the row was written with minus the table's column count (0 for a regular row).
    public var cellCountDelta: Int
    /// Whether the row heads a group of the rows below it rather than holding data: its first cell is bold text
    /// alone (`|**Auditing**|`) and every other cell is empty or left out, as generated reference tables write it.
    public var isGroup = false
    /// The text of the group row above this one (`Auditing`), if any.
    public var group: String?

    /// The cell at `index`, or nil where a short row has none.
    public subscript(column index: Int) -> TableCell? {
        index < cells.count ? cells[index] : nil
    }
}

/// One cell of a pipe table.
public struct TableCell: Hashable, Sendable {
    public var range: SourceRange
    /// The cell's source, trimmed, with `\|` unescaped.
    public var raw: String
    /// The cell as plain text: emphasis, code backticks, link syntax and HTML tags removed.
    public var text: String
    /// Links and images in the cell.
    public var links: [Link]
    /// Include directives in the cell.
    public var includes: [IncludeDirective]
}
