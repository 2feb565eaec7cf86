public import SpecmarkContract
import SpecmarkMarkdown

/// One edit in a file's bytes: the bytes in `range` become `replacement`.
public struct ByteEdit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }
}

/// Turns fixes into byte edits of a file and applies them: every edit checked against the text it expects, no two
/// fixes overlapping, everything outside the edits kept byte for byte (line endings included).
public enum FixApplier {
    /// The outcome of applying fixes to one file.
    public struct Outcome: Sendable {
        /// The file's bytes with the applied fixes.
        public var bytes: [UInt8]
        /// The indexes (into the fixes given) of those applied, in order.
        public var applied: [Int]
        /// The byte edits made, in the original bytes' coordinates, in order.
        public var edits: [ByteEdit]
    }

    /// Applies every fix that resolves and does not overlap one applied before it (in source order); the others
    /// are left for a later pass, when the findings are found again on the changed text.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        let text = FixText(bytes)
        var resolved: [(index: Int, edits: [ByteEdit])] = []
        for (index, fix) in fixes.enumerated() {
            if let edits = text.resolve(fix) { resolved.append((index, edits)) }
        }
        resolved.sort { ($0.edits.first?.range.lowerBound ?? 0) < ($1.edits.first?.range.lowerBound ?? 0) }
        var taken: [Range<Int>] = []
        var applied: [Int] = []
        var edits: [ByteEdit] = []
        for candidate in resolved {
            // Two insertions at one offset would depend on their order: one waits for the next pass.
            let clashes = candidate.edits.contains { edit in
                taken.contains { other in
                    edit.range.overlaps(other) || edit.range.lowerBound == other.lowerBound
                        || (edit.range.isEmpty && other.contains(edit.range.lowerBound))
                        || (other.isEmpty && edit.range.contains(other.lowerBound))
                }
            }
            guard !clashes else { continue }
            taken += candidate.edits.map(\.range)
            edits += candidate.edits
            applied.append(candidate.index)
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return Outcome(bytes: text.applying(edits), applied: applied.sorted(), edits: edits)
    }

    /// The byte edits of one fix in `bytes`, or nil when the file does not read as the fix expects.
    public static func resolve(_ fix: Fix, in bytes: [UInt8]) -> [ByteEdit]? {
        FixText(bytes).resolve(fix)
    }
}

/// A file's bytes as fixes see them: the lines cmark saw (a byte order mark is not part of line 1's columns).
struct FixText {
    let bytes: [UInt8]
    let offset: Int
    let text: SourceText

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        text = SourceText(bytes: Array(bytes[offset...]))
    }

    /// `edits` applied (sorted, not overlapping).
    func applying(_ edits: [ByteEdit]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var index = 0
        for edit in edits {
            result += bytes[index..<edit.range.lowerBound]
            result += edit.replacement
            index = edit.range.upperBound
        }
        result += bytes[index...]
        return result
    }

    /// A position's byte offset in `bytes` (a column one past the line's end is its end), or nil outside the text.
    func offset(of position: SourcePosition) -> Int? {
        guard position.line >= 1, position.line <= text.lineCount, position.column >= 1 else { return nil }
        let line = text.byteRange(ofLine: position.line)
        guard position.column - 1 <= line.count else { return nil }
        return offset + line.lowerBound + position.column - 1
    }

    func resolve(_ fix: Fix) -> [ByteEdit]? {
        // Files with NUL bytes are read with them replaced, so their columns are not the file's.
        guard !fix.edits.isEmpty, !bytes.contains(0) else { return nil }
        var edits: [ByteEdit] = []
        for edit in fix.edits {
            guard let resolved = resolve(edit) else { return nil }
            edits.append(resolved)
        }
        return edits
    }

    private func resolve(_ edit: FixEdit) -> ByteEdit? {
        switch edit.change {
        case .replace(let expected, let replacement):
            guard let start = offset(of: edit.range.start),
                let last = offset(of: edit.range.end), last + 1 >= start, last + 1 <= bytes.count,
                bytes[start..<(last + 1)].elementsEqual(expected.utf8)
            else { return nil }
            return ByteEdit(range: start..<(last + 1), replacement: Array(replacement.utf8))
        case .replaceOccurrence(let target, let replacement):
            guard !target.isEmpty, let start = offset(of: edit.range.start), let last = offset(of: edit.range.end),
                last + 1 >= start, last + 1 <= bytes.count
            else { return nil }
            let found = occurrences(of: Array(target.utf8), in: start..<(last + 1))
            guard found.count == 1 else { return nil }
            return ByteEdit(range: found[0]..<(found[0] + target.utf8.count), replacement: Array(replacement.utf8))
        case .replaceCell(let expected, let replacement):
            let number = edit.range.start.line
            guard number >= 1, number <= text.lineCount else { return nil }
            let line = text.byteRange(ofLine: number)
            let cells = PipeTable.cells(text.bytes, content: line, line: number, lineStart: line.lowerBound)
            let matching = cells.filter { $0.text == expected }
            guard matching.count == 1, !replacement.contains("|"), !replacement.contains("\n") else { return nil }
            return ByteEdit(
                range: (offset + matching[0].range.lowerBound)..<(offset + matching[0].range.upperBound),
                replacement: Array(replacement.utf8))
        case .insertLine(let line):
            guard let prefix = prefix(before: edit.range.start), let (at, ending) = lineEnd(edit.range.end.line)
            else { return nil }
            return ByteEdit(range: at..<at, replacement: ending + prefix + Array(line.utf8))
        case .insertTableRows(let rows):
            guard !rows.isEmpty, let (at, ending) = lineEnd(edit.range.end.line) else { return nil }
            var inserted: [UInt8] = []
            for cells in rows {
                guard let row = tableRow(like: edit.range.end.line, cells) else { return nil }
                inserted += ending + row
            }
            return ByteEdit(range: at..<at, replacement: inserted)
        }
    }

    /// Where `needle` starts in `bytes[range]`, each time.
    private func occurrences(of needle: [UInt8], in range: Range<Int>) -> [Int] {
        var found: [Int] = []
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The text of the position's line before it, when it is only indentation and block-quote markers.
    private func prefix(before position: SourcePosition) -> [UInt8]? {
        guard let start = offset(of: SourcePosition(line: position.line, column: 1)), let end = offset(of: position)
        else { return nil }
        let prefix = Array(bytes[start..<end])
        return prefix.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") } ? prefix : nil
    }

    /// Where a line's content ends, and the line ending a line inserted after it takes: the line's own (or, for a
    /// last line without one, the file's first).
    private func lineEnd(_ line: Int) -> (Int, [UInt8])? {
        guard line >= 1, line <= text.lineCount else { return nil }
        let end = text.lineEnds[line - 1]
        let next = line < text.lineCount ? text.lineStarts[line] : text.bytes.count
        var ending = Array(text.bytes[end..<next])
        if ending.isEmpty {
            ending =
                text.lineEnds.first.map { first in
                    let after = text.lineStarts.count > 1 ? text.lineStarts[1] : first
                    return Array(text.bytes[first..<after])
                } ?? []
            if ending.isEmpty { ending = [0x0A] }
        }
        return (offset + end, ending)
    }

    /// A row with `cells` first and the rest empty, shaped like the table row on `line`.
    private func tableRow(like line: Int, _ cells: [String]) -> [UInt8]? {
        let range = text.byteRange(ofLine: line)
        let split = PipeTable.splitRow(text.bytes, range)
        guard split.pipeCount > 0, !split.cells.isEmpty, cells.count <= split.cells.count,
            cells.allSatisfy({ !$0.contains("|") && !$0.contains("\n") })
        else { return nil }
        let row = text.bytes[range]
        let indent = row.prefix { $0 == 0x20 || $0 == 0x09 }
        let leading = row.dropFirst(indent.count).first == UInt8(ascii: "|")
        let trailing = row.last { !ByteSearch.isSpace($0) } == UInt8(ascii: "|")
        let sample = leading || split.cells.count == 1 ? split.cells[0] : split.cells[1]
        let padded = text.bytes[sample].first == 0x20
        var result = Array(indent)
        for index in split.cells.indices {
            if index > 0 || leading { result.append(UInt8(ascii: "|")) }
            let content = index < cells.count ? cells[index] : ""
            if padded {
                let opening = index == 0 && !leading ? "" : " "
                result += Array((content.isEmpty ? " " : "\(opening)\(content) ").utf8)
            } else {
                result += Array(content.utf8)
            }
        }
        if trailing { result.append(UInt8(ascii: "|")) }
        return result
    }
}
