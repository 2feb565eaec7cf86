import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

@Suite struct FixApplierTests {
    static func text(_ outcome: FixApplier.Outcome) -> String { String(decoding: outcome.bytes, as: UTF8.self) }

    @Test func aReplacementChangesOnlyItsBytesAndKeepsLineEndings() {
        let page = Array("# Title\r\nHTTP/1.1 204 NoContent\r\nlast line".utf8)
        let fix = Fix.replace(SourceRange(2, 14, 2, 22), expected: "NoContent", with: "No Content", title: "t")
        let outcome = FixApplier.apply([fix], to: page)
        #expect(Self.text(outcome) == "# Title\r\nHTTP/1.1 204 No Content\r\nlast line")
        #expect(outcome.applied == [0])
        #expect(outcome.edits == [ByteEdit(range: 22..<31, replacement: Array("No Content".utf8))])
    }

    @Test func aFixWhoseTextIsNotThereAnyMoreIsNotApplied() {
        let page = Array("HTTP/1.1 204 No Content\n".utf8)
        let stale = Fix.replace(SourceRange(1, 14, 1, 22), expected: "NoContent", with: "No Content", title: "t")
        let outside = Fix.replace(SourceRange(9, 1, 9, 2), expected: "ab", with: "x", title: "t")
        let outcome = FixApplier.apply([stale, outside], to: page)
        #expect(outcome.applied.isEmpty)
        #expect(outcome.bytes == page)
    }

    @Test func overlappingFixesWaitForTheNextPass() {
        let page = Array("## HTTP Request\n".utf8)
        let first = Fix(
            "a",
            edits: [
                FixEdit(range: SourceRange(1, 1, 1, 15), change: .replaceOccurrence(of: "Request", with: "request"))
            ])
        let second = Fix.replace(SourceRange(1, 9, 1, 15), expected: "Request", with: "Req", title: "b")
        let outcome = FixApplier.apply([first, second], to: page)
        #expect(outcome.applied == [0])
        #expect(Self.text(outcome) == "## HTTP request\n")
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLinesColumns() {
        let page = [0xEF, 0xBB, 0xBF] + Array("HTTP/1.1 201 OK\n".utf8)
        let fix = Fix.replace(SourceRange(1, 14, 1, 15), expected: "OK", with: "Created", title: "t")
        let outcome = FixApplier.apply([fix], to: page)
        #expect(outcome.bytes == [0xEF, 0xBB, 0xBF] + Array("HTTP/1.1 201 Created\n".utf8))
    }

    @Test func aFileWithNULBytesIsNotFixed() {
        let page = Array("HTTP/1.1 201 OK\n\u{0}".utf8)
        let fix = Fix.replace(SourceRange(1, 14, 1, 15), expected: "OK", with: "Created", title: "t")
        #expect(FixApplier.apply([fix], to: page).applied.isEmpty)
    }

    @Test func anInsertedLineTakesTheIndentationAndLineEndingOfItsLine() {
        let page = Array("1. Step\r\n   > POST /widgets\r\n\r\n   > {}".utf8)
        let fix = Fix(
            "t",
            edits: [FixEdit(range: SourceRange(2, 6, 2, 18), change: .insertLine("Content-Type: application/json"))])
        #expect(
            Self.text(FixApplier.apply([fix], to: page))
                == "1. Step\r\n   > POST /widgets\r\n   > Content-Type: application/json\r\n\r\n   > {}")
        // After a last line without a line ending, the file's first ending is used.
        let last = Array("POST /widgets".utf8)
        let atEnd = Fix(
            "t",
            edits: [FixEdit(range: SourceRange(1, 1, 1, 13), change: .insertLine("Content-Type: application/json"))])
        #expect(Self.text(FixApplier.apply([atEnd], to: last)) == "POST /widgets\nContent-Type: application/json")
    }

    @Test func aLineIsNotInsertedAfterTextThatIsNotIndentation() {
        let page = Array("Text POST /widgets\n".utf8)
        let fix = Fix("t", edits: [FixEdit(range: SourceRange(1, 6, 1, 18), change: .insertLine("x"))])
        #expect(FixApplier.apply([fix], to: page).applied.isEmpty)
    }

    @Test(arguments: [
        ("|active|", ["retired"], "|active|\n|retired|"),
        ("| 0 | active | In use. |", ["1", "retired"], "| 0 | active | In use. |\n| 1 | retired | |"),
        ("  active | In use.", ["retired"], "  active | In use.\n  retired | "),
    ])
    func aNewRowIsShapedLikeTheRowBeforeIt(row: String, cells: [String], expected: String) {
        let fix = Fix("t", edits: [FixEdit(range: SourceRange(1, 1, 1, 1), change: .insertTableRows([cells]))])
        #expect(Self.text(FixApplier.apply([fix], to: Array(row.utf8))) == expected)
    }

    @Test func aCellIsFoundByItsPlainTextAndKeepsItsPadding() {
        let page = Array("| dimensions | [part](part.md)   | Size. part of it |\n".utf8)
        let fix = Fix(
            "t",
            edits: [
                FixEdit(
                    range: SourceRange(1, 1, 1, 52),
                    change: .replaceCell(expected: "part", with: "[widgetDimensions](widgetdimensions.md)"))
            ])
        #expect(
            Self.text(FixApplier.apply([fix], to: page))
                == "| dimensions | [widgetDimensions](widgetdimensions.md)   | Size. part of it |\n")
        // Two cells reading the same: no edit.
        let twice = Array("| part | part |\n".utf8)
        let ambiguous = Fix(
            "t", edits: [FixEdit(range: SourceRange(1, 1, 1, 15), change: .replaceCell(expected: "part", with: "x"))])
        #expect(FixApplier.apply([ambiguous], to: twice).applied.isEmpty)
    }
}
