/// Text cut out of a source file that remembers where in the file each of its lines began.
///
/// Parsers that run over a block's content (the JSON inside an HTML comment, an HTTP message inside a
/// fenced block) work on `text` and turn their UTF-8 offsets back into file positions with
/// ``position(atUTF8Offset:)``, so a finding deep inside a block still points at the right line and column.
public struct PositionedText: Hashable, Sendable {
    /// The text, its lines joined with `"\n"`.
    public let text: String
    /// Where in the file the first byte of each line of `text` lies.
    public let lineOrigins: [SourcePosition]
    /// The UTF-8 offset in `text` at which each line starts.
    public let lineOffsets: [Int]

    /// Creates positioned text from lines and the file position of each line's first byte.
    public init<S: StringProtocol>(lines: [(text: S, origin: SourcePosition)]) {
        var text = ""
        var origins: [SourcePosition] = []
        var offsets: [Int] = []
        origins.reserveCapacity(lines.count)
        offsets.reserveCapacity(lines.count)
        var offset = 0
        for (index, line) in lines.enumerated() {
            if index > 0 {
                text.append("\n")
                offset += 1
            }
            offsets.append(offset)
            origins.append(line.origin)
            text.append(contentsOf: line.text)
            offset += line.text.utf8.count
        }
        self.text = text
        self.lineOrigins = origins
        self.lineOffsets = offsets
    }

    /// Positioned text whose line offsets and origins the caller has computed.
    init(text: String, lineOrigins: [SourcePosition], lineOffsets: [Int]) {
        self.text = text
        self.lineOrigins = lineOrigins
        self.lineOffsets = lineOffsets
    }

    /// Creates positioned text for a single string that starts at `origin` and may span lines,
    /// each following line starting at column 1.
    public init(_ text: String, at origin: SourcePosition) {
        var offsets = [0]
        var origins = [origin]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") {
                offsets.append(offset)
                origins.append(SourcePosition(line: origin.line + origins.count, column: 1))
            }
        }
        self.text = text
        self.lineOrigins = origins
        self.lineOffsets = offsets
    }

    /// The file position of the byte at `offset` in `text`'s UTF-8 view.
    public func position(atUTF8Offset offset: Int) -> SourcePosition {
        guard !lineOffsets.isEmpty else { return SourcePosition(line: 1, column: 1) }
        let line = ByteSearch.lastStart(atOrBefore: offset, in: lineOffsets)
        let origin = lineOrigins[line]
        return SourcePosition(line: origin.line, column: origin.column + max(0, offset - lineOffsets[line]))
    }

    /// `position(atUTF8Offset:)` for a reader that asks about offsets near each other (a parser going through
    /// the text): `line` is the line of the last answer, looked at first, and is set to this answer's line.
    public func position(atUTF8Offset offset: Int, nearLine line: inout Int) -> SourcePosition {
        guard !lineOffsets.isEmpty else { return SourcePosition(line: 1, column: 1) }
        let count = lineOffsets.count
        if line < 0 || line >= count || lineOffsets[line] > offset {
            line = ByteSearch.lastStart(atOrBefore: offset, in: lineOffsets)
        } else {
            // At or after the last answer's line: on it, or a line or two further, before searching.
            var steps = 0
            while line + 1 < count, lineOffsets[line + 1] <= offset {
                line += 1
                steps += 1
                if steps == 4 {
                    line = ByteSearch.lastStart(atOrBefore: offset, in: lineOffsets)
                    break
                }
            }
        }
        let origin = lineOrigins[line]
        return SourcePosition(line: origin.line, column: origin.column + max(0, offset - lineOffsets[line]))
    }

    /// `range(utf8Offsets:_:)`, looking first near `line` (see ``position(atUTF8Offset:nearLine:)``).
    public func range(utf8Offsets start: Int, _ end: Int, nearLine line: inout Int) -> SourceRange {
        let first = position(atUTF8Offset: start, nearLine: &line)
        let last =
            end > start
            ? position(atUTF8Offset: end - 1, nearLine: &line)
            : SourcePosition(line: first.line, column: first.column - 1)
        return SourceRange(start: first, end: last)
    }

    /// The file range covering UTF-8 offsets `start..<end` of `text` (inclusive of the last byte).
    public func range(utf8Offsets start: Int, _ end: Int) -> SourceRange {
        let first = position(atUTF8Offset: start)
        let last =
            end > start ? position(atUTF8Offset: end - 1) : SourcePosition(line: first.line, column: first.column - 1)
        return SourceRange(start: first, end: last)
    }

    /// The file range covering all of the text.
    public var range: SourceRange { range(utf8Offsets: 0, text.utf8.count) }

    /// The number of lines.
    public var lineCount: Int { lineOffsets.count }
}

extension PositionedText {
    /// The part of this text between UTF-8 offsets `start` and `end`, keeping file positions: one copy of those
    /// bytes, and the line starts and origins that fall inside them.
    public func slice(utf8Offsets start: Int, _ end: Int) -> PositionedText {
        let count = text.utf8.count
        let lower = max(0, min(start, count))
        let upper = max(lower, min(end, count))
        let utf8 = text.utf8
        let sliced = String(
            decoding: utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)],
            as: UTF8.self)
        // An offset inside a character cuts it, and decoding repairs the cut bytes: each line is then decoded on
        // its own, so the line offsets count the repaired text.
        guard sliced.utf8.count == upper - lower else { return repairedSlice(lower, upper) }
        // The first line starts at `lower`, wherever that falls; each later one where a line of this text starts.
        var offsets = [0]
        var origins = [position(atUTF8Offset: lower)]
        var line = lineOffsets.isEmpty ? 0 : ByteSearch.lastStart(atOrBefore: lower, in: lineOffsets) + 1
        let lastLine = lineOffsets.isEmpty ? 0 : ByteSearch.lastStart(atOrBefore: upper, in: lineOffsets)
        if lastLine >= line {
            offsets.reserveCapacity(lastLine - line + 2)
            origins.reserveCapacity(lastLine - line + 2)
        }
        while line < lineOffsets.count && lineOffsets[line] <= upper {
            offsets.append(lineOffsets[line] - lower)
            origins.append(lineOrigins[line])
            line += 1
        }
        return PositionedText(text: sliced, lineOrigins: origins, lineOffsets: offsets)
    }

    /// `slice` when an offset cuts a character: line by line, each line decoded (and repaired) on its own.
    private func repairedSlice(_ lower: Int, _ upper: Int) -> PositionedText {
        let bytes = Array(text.utf8)
        var lines: [(text: String, origin: SourcePosition)] = []
        var lineStart = lower
        for index in lower...upper where index == upper || bytes[index] == 0x0A {
            lines.append((String(decoding: bytes[lineStart..<index], as: UTF8.self), position(atUTF8Offset: lineStart)))
            lineStart = index + 1
        }
        return PositionedText(lines: lines)
    }

    /// Lines `lines` of this text (by index, as ``lineOffsets`` counts them), keeping file positions.
    public func lines(_ lines: Range<Int>) -> PositionedText {
        let lines = lines.clamped(to: 0..<lineOffsets.count)
        guard let first = lines.first, let last = lines.last else {
            return PositionedText(text: "", lineOrigins: [], lineOffsets: [])
        }
        let start = lineOffsets[first]
        let end = last + 1 < lineOffsets.count ? lineOffsets[last + 1] - 1 : text.utf8.count
        return slice(utf8Offsets: start, end)
    }
}
