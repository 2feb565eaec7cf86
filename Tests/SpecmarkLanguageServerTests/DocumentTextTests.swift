import SpecmarkMarkdown
import Testing

@testable import SpecmarkLanguageServer

@Suite struct DocumentTextTests {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
    static let text = DocumentText("# é😀 title\r\nline two\nthird")

    @Test func positionsConvertInEitherEncoding() {
        let text = Self.text
        // The byte after the emoji: offset 8 ("# " 2, "é" 2, "😀" 4).
        #expect(text.position(ofOffset: 8, in: .utf8) == Position(line: 0, character: 8))
        #expect(text.position(ofOffset: 8, in: .utf16) == Position(line: 0, character: 5))
        #expect(text.offset(of: Position(line: 0, character: 5), in: .utf16) == 8)
        #expect(text.offset(of: Position(line: 1, character: 4), in: .utf8) == 20)
        // Past a line's end is its end; past the text is the text's end.
        #expect(text.offset(of: Position(line: 1, character: 99), in: .utf16) == 24)
        #expect(text.offset(of: Position(line: 9, character: 0), in: .utf16) == text.bytes.count)
    }

    @Test func specmarkRangesBecomeLSPRanges() {
        // "title" is bytes 9–13 of line 1: columns 10 to 14, inclusive.
        let range = Self.text.range(of: SourceRange(1, 10, 1, 14), in: .utf16)
        #expect(range == Range(start: Position(line: 0, character: 6), end: Position(line: 0, character: 11)))
        // An empty range stays empty.
        let empty = Self.text.range(of: SourceRange(2, 3, 2, 2), in: .utf8)
        #expect(empty.start == empty.end)
    }

    @Test func incrementalChangesEditTheText() {
        var text = Self.text
        text.replace(
            Range(start: Position(line: 0, character: 2), end: Position(line: 0, character: 5)), with: "A",
            in: .utf16)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "# A title\r\nline two\nthird")
        text.replace(
            Range(start: Position(line: 1, character: 8), end: Position(line: 2, character: 0)), with: " and ",
            in: .utf16)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "# A title\r\nline two and third")
        #expect(text.lineCount == 2)
    }
}
