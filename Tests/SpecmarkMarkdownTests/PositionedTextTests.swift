import Testing

@testable import SpecmarkMarkdown

/// Slicing positioned text copies the bytes once and keeps every line's file position: the same text, line
/// starts and origins as building the slice line by line.
@Suite struct PositionedTextTests {
    /// Three lines of a block: the first starts at column 5 of line 10, the others at column 3.
    static let text = PositionedText(lines: [
        (text: "{ \"a\": 1,", origin: SourcePosition(line: 10, column: 5)),
        (text: "  \"ü\": \"é\",", origin: SourcePosition(line: 11, column: 3)),
        (text: "}", origin: SourcePosition(line: 12, column: 3)),
    ])

    /// The slice as the line-by-line construction makes it.
    static func lineByLine(_ text: PositionedText, _ start: Int, _ end: Int) -> PositionedText {
        let bytes = Array(text.text.utf8)
        var lines: [(text: String, origin: SourcePosition)] = []
        var lineStart = start
        for index in start...end where index == end || bytes[index] == 0x0A {
            lines.append(
                (String(decoding: bytes[lineStart..<index], as: UTF8.self), text.position(atUTF8Offset: lineStart)))
            lineStart = index + 1
        }
        return PositionedText(lines: lines)
    }

    @Test func everySliceMatchesTheLineByLineConstruction() {
        let count = Self.text.text.utf8.count
        var slices = 0
        for start in 0...count {
            for end in start...count {
                let slice = Self.text.slice(utf8Offsets: start, end)
                // Offsets inside `ü` or `é` cut it: the cut bytes are repaired, and the offsets count the repair.
                let expected = Self.lineByLine(Self.text, start, end)
                #expect(slice == expected, "\(start)..<\(end)")
                slices += 1
            }
        }
        #expect(slices == 351)
    }

    @Test func linesKeepTheirOrigins() {
        let body = Self.text.lines(1..<3)
        #expect(body.text == "  \"ü\": \"é\",\n}")
        #expect(body.lineOrigins == [SourcePosition(line: 11, column: 3), SourcePosition(line: 12, column: 3)])
        #expect(body.lineOffsets == [0, 14])
        // The closing brace's position, found from the slice's own offsets.
        #expect(body.position(atUTF8Offset: 14) == SourcePosition(line: 12, column: 3))
        #expect(Self.text.lines(0..<1).text == "{ \"a\": 1,")
        #expect(Self.text.lines(2..<9).text == "}")
        #expect(Self.text.lines(3..<3).lineCount == 0)
    }

    /// Whatever line a reader last asked about, looking near it gives the position a search gives.
    @Test func positionsNearALineMatchTheSearch() {
        let lines = (0..<12).map { index in
            (text: String(repeating: "x", count: index % 3 * 4), origin: SourcePosition(line: 10 + index, column: 3))
        }
        let text = PositionedText(lines: lines)
        let count = text.text.utf8.count
        for hint in -1...13 {
            for offset in 0...(count + 1) {
                var line = hint
                #expect(
                    text.position(atUTF8Offset: offset, nearLine: &line) == text.position(atUTF8Offset: offset),
                    "offset \(offset) near line \(hint)")
                #expect(text.lineOffsets[line] <= offset || line == 0)
                for end in [offset, offset + 1, offset + 9] {
                    var near = hint
                    #expect(
                        text.range(utf8Offsets: offset, end, nearLine: &near) == text.range(utf8Offsets: offset, end))
                }
            }
        }
    }
}
