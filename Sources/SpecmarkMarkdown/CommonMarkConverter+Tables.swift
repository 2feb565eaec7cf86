/// Pipe tables, which libcmark 0.30.2 parses as paragraphs: rebuilt from the paragraph's source lines.
extension CommonMarkConverter {
    struct ContentLine {
        var line: Int
        /// The line's content after container prefixes, as byte offsets into the source.
        var content: Range<Int>
    }

    /// The paragraph's lines with block-quote markers and indentation stripped.
    func paragraphLines(_ range: SourceRange, quoteDepth: Int) -> [ContentLine] {
        var lines: [ContentLine] = []
        let last = min(range.end.line, source.lineCount)
        guard range.start.line <= last else { return [] }
        lines.reserveCapacity(last - range.start.line + 1)
        let bytes = source.bytes
        for line in range.start.line...last {
            let span = source.byteRange(ofLine: line)
            var start = span.lowerBound
            if line == range.start.line {
                start = min(span.lowerBound + range.start.column - 1, span.upperBound)
            } else {
                var quotes = quoteDepth
                while start < span.upperBound {
                    if isSpace(bytes[start]) {
                        start += 1
                    } else if quotes > 0 && bytes[start] == UInt8(ascii: ">") {
                        quotes -= 1
                        start += 1
                    } else {
                        break
                    }
                }
            }
            lines.append(ContentLine(line: line, content: start..<span.upperBound))
        }
        return lines
    }

    struct RecognisedTable {
        var table: Table
        var headerIndex: Int
        /// The index of the first line after the table.
        var endIndex: Int
    }

    mutating func recogniseTable(_ lines: [ContentLine]) -> RecognisedTable? {
        let bytes = source.bytes
        for index in 1..<lines.count {
            let delimiter = lines[index]
            guard let alignments = PipeTable.delimiterAlignments(bytes, delimiter.content) else { continue }
            let headerLine = lines[index - 1]
            guard PipeTable.hasPipe(bytes, headerLine.content) || alignments.count == 1 else { continue }
            let header = PipeTable.row(
                bytes, line: headerLine.line, lineStart: source.lineStarts[headerLine.line - 1],
                content: headerLine.content, columnCount: alignments.count)
            let delimiterRange = rowRange(delimiter)
            if header.cells.count != alignments.count {
                problems.append(
                    .headerCellCount(header.cells.count, delimiterCells: alignments.count, at: delimiterRange))
            }
            var rows: [TableRow] = []
            var end = index + 1
            var group: String?
            while end < lines.count, bytes[lines[end].content].contains(UInt8(ascii: "|")) {
                let line = lines[end]
                // Split once: the split says whether the line is a row (`hasPipe`) and gives its cells.
                let split = PipeTable.splitRow(bytes, line.content)
                guard split.pipeCount > 0 else { break }
                var row = PipeTable.row(
                    bytes, line: line.line, lineStart: source.lineStarts[line.line - 1], content: line.content,
                    columnCount: alignments.count, cells: split.cells)
                // A group row (`|**Auditing**|`) names the rows below it; its missing cells are not lost values.
                if PipeTable.isGroupRow(row, columnCount: alignments.count) {
                    row.isGroup = true
                    group = row.cells.first?.text
                } else {
                    row.group = group
                }
                // When the header and the delimiter row disagree, that is the finding; a row that agrees with the
                // header is not blamed for the delimiter row's extra (or missing) column.
                let agreesWithHeader = header.cells.count != alignments.count && row.cells.count == header.cells.count
                if row.cellCountDelta != 0 && !row.isGroup && !agreesWithHeader {
                    let cells = row.cells.count
                    problems.append(
                        .rowCellCount(cells, columns: alignments.count, at: row.range))
                }
                rows.append(row)
                end += 1
            }
            let table = Table(
                range: header.range.withEnd(rows.last?.range.end ?? delimiterRange.end),
                header: header, delimiterRange: delimiterRange, alignments: alignments, rows: rows)
            return RecognisedTable(table: table, headerIndex: index - 1, endIndex: end)
        }
        return nil
    }

    func rowRange(_ line: ContentLine) -> SourceRange {
        let trimmed = PipeTable.trim(source.bytes, line.content)
        let lineStart = source.lineStarts[line.line - 1]
        return SourceRange(line.line, trimmed.lowerBound - lineStart + 1, line.line, trimmed.upperBound - lineStart)
    }
}

extension MarkdownProblem {
    fileprivate static func headerCellCount(_ cells: Int, delimiterCells: Int, at range: SourceRange) -> MarkdownProblem
    {
        MarkdownProblem(
            kind: .tableCellCount,
            message: "table header has \(cells) cells but its delimiter row has \(delimiterCells)",
            range: range)
    }

    fileprivate static func rowCellCount(_ cells: Int, columns: Int, at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .tableCellCount,
            message: "table row has \(cells) \(cells == 1 ? "cell" : "cells") but the table has \(columns) columns",
            range: range)
    }
}
