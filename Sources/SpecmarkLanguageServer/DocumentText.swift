import SpecmarkMarkdown

/// A document's text with its line index, converting between byte offsets, Specmark's positions (1-based line,
/// 1-based UTF-8 column) and LSP positions in an encoding.
public struct DocumentText: Sendable, Hashable {
    public private(set) var bytes: [UInt8]
    /// The offset at which each line starts (lines end at `\n`, `\r\n` or `\r`, as LSP and cmark split them).
    private var lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = Self.lineStarts(of: bytes)
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                starts.append(index)
            } else {
                index += 1
            }
        }
        return starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The end of a line's content (before its terminator).
    private func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// A byte order mark at the start, which Specmark's columns on line 1 do not count.
    private var bomLength: Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// The byte offset of an LSP position; a character past the line's end is its end, a line past the text is
    /// the text's end.
    public func offset(of position: Position, in encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        switch encoding {
        case .utf8:
            return min(start + max(0, position.character), end)
        case .utf16:
            var units = 0
            var index = start
            while index < end, units < position.character {
                let (length, width) = Self.scalar(at: index, in: bytes, end: end)
                units += width
                index += length
            }
            return index
        }
    }

    /// The LSP position of a byte offset.
    public func position(ofOffset offset: Int, in encoding: PositionEncoding) -> Position {
        let offset = min(max(0, offset), bytes.count)
        let line = ByteSearch.lastStart(atOrBefore: offset, in: lineStarts)
        let start = lineStarts[line]
        switch encoding {
        case .utf8:
            return Position(line: line, character: offset - start)
        case .utf16:
            var units = 0
            var index = start
            while index < offset {
                let (length, width) = Self.scalar(at: index, in: bytes, end: offset)
                units += width
                index += length
            }
            return Position(line: line, character: units)
        }
    }

    /// The byte offset of a Specmark position (its column counts bytes from the line's start, after any BOM).
    public func offset(of position: SourcePosition) -> Int {
        let line = min(max(0, position.line - 1), lineStarts.count - 1)
        let start = lineStarts[line] + (line == 0 ? bomLength : 0)
        return min(start + max(0, position.column - 1), contentEnd(ofLine: line))
    }

    /// The LSP range of a Specmark range (whose end is inclusive; an empty range ends before it starts).
    public func range(of range: SourceRange, in encoding: PositionEncoding) -> Range {
        let start = offset(of: range.start)
        let endLine = min(max(0, range.end.line - 1), lineCount - 1)
        var end = range.end < range.start ? start : offset(of: range.end) + 1
        end = max(start, min(end, max(contentEnd(ofLine: endLine), lineStarts[endLine])))
        return Range(start: position(ofOffset: start, in: encoding), end: position(ofOffset: end, in: encoding))
    }

    /// The text with a span replaced.
    public mutating func replace(_ range: Range, with text: String, in encoding: PositionEncoding) {
        let start = offset(of: range.start, in: encoding)
        let end = max(start, offset(of: range.end, in: encoding))
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The length in bytes of the UTF-8 sequence at `index` and its width in UTF-16 code units (an invalid byte
    /// counts as one of each, as a decoder's replacement character would).
    private static func scalar(at index: Int, in bytes: [UInt8], end: Int) -> (Int, Int) {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0..<0x80: return (1, 1)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return (1, 1)
        }
        guard index + length <= end, bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            return (1, 1)
        }
        return (length, length == 4 ? 2 : 1)
    }
}
