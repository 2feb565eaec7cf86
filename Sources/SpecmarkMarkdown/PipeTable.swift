/// Recognises GFM pipe tables in the source lines of a paragraph.
///
/// libcmark 0.30.2 has no table extension, so a table reaches us as a paragraph. The rules follow GFM:
/// a header row, a delimiter row of `:?-+:?` cells, then body rows; leading and trailing pipes optional;
/// `\|` escapes a pipe. Two choices follow DocFX (markdig), which renders the pages we read: a pipe inside a
/// backtick code span does not split a cell, and a line without any pipe ends the table. A header whose cell
/// count differs from the delimiter row's still makes a table, flagged, so a page's table is never lost.
package enum PipeTable {
    /// The byte ranges of a row's cells, untrimmed, in `bytes[range]` (none when `collectingCells` is false:
    /// the pipes are only counted).
    package static func splitRow(
        _ bytes: [UInt8], _ range: Range<Int>, collectingCells: Bool = true
    ) -> (cells: [Range<Int>], pipeCount: Int) {
        // Over the array's storage: every row of every table is split. Only a pipe, a backslash or a backtick
        // changes anything, and those are found eight bytes at a time.
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            let end = range.upperBound
            while index < end && isSpace(buffer[index]) { index += 1 }
            var pipes = 0
            if index < end && buffer[index] == UInt8(ascii: "|") {
                index += 1
                pipes += 1
            }
            var cells: [Range<Int>] = []
            if collectingCells {
                // At most one cell per pipe, and the tail: reserved once instead of growing the array cell by cell.
                cells.reserveCapacity(1 + ByteSearch.count(of: UInt8(ascii: "|"), in: buffer, from: index, to: end))
            }
            var cellStart = index
            var splitAtPipe = false
            while true {
                index = ByteSearch.firstOffset(
                    of: UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "`"), in: buffer, from: index, to: end)
                guard index < end else { break }
                let byte = buffer[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "`") {
                    var runEnd = index
                    while runEnd < end && buffer[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                    let run = runEnd - index
                    if let close = InlineScanner.closingBacktickRun(in: bytes, length: run, from: runEnd, end: end) {
                        index = close + run
                    } else {
                        index = runEnd
                    }
                    continue
                }
                if collectingCells { cells.append(cellStart..<index) }
                pipes += 1
                cellStart = index + 1
                splitAtPipe = true
                index += 1
            }
            // The row ends with a pipe when nothing but spaces follows the last pipe that split it (an escape or a
            // code span after it is in the tail, and is not a space).
            let tail = cellStart..<min(index, end)
            let endsWithPipe = splitAtPipe && buffer[tail].allSatisfy(isSpace)
            if collectingCells, !endsWithPipe || cells.isEmpty && pipes == 0 {
                cells.append(tail)
            }
            return (cells, pipes)
        }
    }

    /// The alignments of a delimiter row, or nil if `bytes[range]` is not one.
    static func delimiterAlignments(_ bytes: [UInt8], _ range: Range<Int>) -> [Table.Alignment]? {
        // Cheap rejection first: a delimiter row holds only `|`, `:`, `-` and spaces, and at least one `-`.
        var sawDash = false
        for byte in bytes[range] {
            switch byte {
            case UInt8(ascii: "-"): sawDash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: break
            default: return nil
            }
        }
        guard sawDash else { return nil }
        let (cells, pipes) = splitRow(bytes, range)
        guard pipes > 0 || cells.count > 1 else { return nil }
        var alignments: [Table.Alignment] = []
        alignments.reserveCapacity(cells.count)
        for cell in cells {
            let trimmed = trim(bytes, cell)
            guard !trimmed.isEmpty else { return nil }
            let left = bytes[trimmed.lowerBound] == UInt8(ascii: ":")
            let right = bytes[trimmed.upperBound - 1] == UInt8(ascii: ":") && trimmed.count > 1
            let dashes = bytes[(trimmed.lowerBound + (left ? 1 : 0))..<(trimmed.upperBound - (right ? 1 : 0))]
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments
    }

    /// Whether the line holds a pipe outside code spans and escapes, so it can continue a table.
    static func hasPipe(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard bytes[range].contains(UInt8(ascii: "|")) else { return false }
        return splitRow(bytes, range, collectingCells: false).pipeCount > 0
    }

    /// `range` without leading and trailing spaces, tabs and no-break spaces.
    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        ByteSearch.trimmed(range, of: bytes, noBreakSpaces: true, trimming: isSpace)
    }

    /// Whether `row` heads a group (``TableRow/isGroup``): a table of two or more columns, the first cell bold text
    /// alone (`**Auditing**` or `__Auditing__`), no more cells than columns, and every other cell empty.
    static func isGroupRow(_ row: TableRow, columnCount: Int) -> Bool {
        guard columnCount >= 2, row.cells.count <= columnCount, let first = row.cells.first,
            row.cells.dropFirst().allSatisfy({ $0.raw.isEmpty })
        else { return false }
        let raw = first.raw.utf8
        guard raw.count > 4, !first.text.isEmpty else { return false }
        for marker in [UInt8(ascii: "*"), UInt8(ascii: "_")] {
            let prefix = raw.prefix(2)
            let suffix = raw.suffix(2)
            guard prefix.allSatisfy({ $0 == marker }), suffix.allSatisfy({ $0 == marker }) else { continue }
            // One strong span: no closing marker pair before the end.
            let inner = raw.dropFirst(2).dropLast(2)
            return !zip(inner, inner.dropFirst()).contains { $0 == marker && $1 == marker }
        }
        return false
    }

    /// The trimmed byte range and the plain text of each cell of the row in `bytes[content]` (on `line`, which
    /// starts at `lineStart`): where a fix finds the cell that reads as a model value does.
    package static func cells(
        _ bytes: [UInt8], content: Range<Int>, line: Int, lineStart: Int
    ) -> [(range: Range<Int>, text: String)] {
        let scanner = InlineScanner(bytes: bytes, line: line, lineStart: lineStart)
        return splitRow(bytes, content).cells.map { cell in
            let trimmed = trim(bytes, cell)
            let scanned = scanner.scan(trimmed).text
            return (trimmed, String(decoding: scanned[trim(scanned, 0..<scanned.count)], as: UTF8.self))
        }
    }

    /// Builds a row from a line's bytes; `cells`, when the caller has split the row already, are its cells.
    static func row(
        _ bytes: [UInt8], line: Int, lineStart: Int, content: Range<Int>, columnCount: Int?,
        cells split: [Range<Int>]? = nil
    ) -> TableRow {
        let cellRanges = split ?? splitRow(bytes, content).cells
        let scanner = InlineScanner(bytes: bytes, line: line, lineStart: lineStart)
        var cells: [TableCell] = []
        cells.reserveCapacity(cellRanges.count)
        for cellRange in cellRanges {
            let trimmed = trim(bytes, cellRange)
            let range = SourceRange(line, trimmed.lowerBound - lineStart + 1, line, trimmed.upperBound - lineStart)
            // Most cells are plain words: no escape, code span, link, tag, entity or emphasis. Their text is
            // their bytes, so one string serves as both the raw and the plain text.
            if !bytes[trimmed].contains(where: InlineScanner.startsMarkup) {
                let text = String(decoding: bytes[trimmed], as: UTF8.self)
                cells.append(TableCell(range: range, raw: text, text: text, links: [], includes: []))
                continue
            }
            // `\|` is a pipe in the cell's raw text; most cells have no backslash and are taken as they are.
            var raw = bytes[trimmed]
            if raw.contains(UInt8(ascii: "\\")) {
                var unescaped: [UInt8] = []
                unescaped.reserveCapacity(trimmed.count)
                var index = trimmed.lowerBound
                while index < trimmed.upperBound {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < trimmed.upperBound,
                        bytes[index + 1] == UInt8(ascii: "|")
                    {
                        unescaped.append(UInt8(ascii: "|"))
                        index += 2
                    } else {
                        unescaped.append(bytes[index])
                        index += 1
                    }
                }
                raw = unescaped[...]
            }
            let scanned = scanner.scan(trimmed)
            let text = trim(scanned.text, 0..<scanned.text.count)
            cells.append(
                TableCell(
                    range: range, raw: String(decoding: raw, as: UTF8.self),
                    text: String(decoding: scanned.text[text], as: UTF8.self),
                    links: scanned.links, includes: scanned.includes))
        }
        let rowRange = trim(bytes, content)
        return TableRow(
            range: SourceRange(line, rowRange.lowerBound - lineStart + 1, line, rowRange.upperBound - lineStart),
            cells: cells, cellCountDelta: columnCount.map { cells.count - $0 } ?? 0)
    }
}
