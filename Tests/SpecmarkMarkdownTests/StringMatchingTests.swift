import Foundation
import Testing

@testable import SpecmarkMarkdown

/// The byte-level helpers must answer what the Character-level expressions they replace answer.
@Suite struct StringMatchingTests {
    static let texts = [
        "", "Delegated (work or school account)", "Application", "APP-only", "{user-id}", "user_ID2", "Edm.String",
        "microsoft.graph.user", "Ünïcode (wörk)", "名前", "a\r\nb", "tab\there", "x.y_z-1", "  ", "İstanbul", "ǅ",
    ]

    @Test(arguments: texts)
    func lowercasedLettersMatchesFilteringCharacters(_ text: String) {
        #expect(text.lowercasedLetters() == String(text.lowercased().filter { $0.isLetter }))
        #expect(
            text.lowercasedLetters(keepingDigits: true)
                == String(text.lowercased().filter { $0.isLetter || $0.isNumber }))
    }

    @Test(arguments: texts)
    func isLettersDigitsMatchesAllSatisfy(_ text: String) {
        #expect(
            text.isLettersDigits(or: "._")
                == text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" })
    }

    @Test(arguments: texts)
    func asciiAndCaselessComparisonMatchTheirDefinitions(_ text: String) {
        #expect(text.isAllASCII == text.utf8.allSatisfy { $0 < 0x80 })
        #expect(text.dropFirst().isAllASCII == text.dropFirst().utf8.allSatisfy { $0 < 0x80 })
        for other in Self.texts + [text.uppercased(), text.lowercased(), "APPLICATION", "application", "DELEGATED"] {
            let expected = text.utf8.count == other.utf8.count && text.lowercased() == other.lowercased()
            #expect(text.equalsIgnoringCase(other) == expected, "\(text) against \(other)")
        }
    }

    @Test(arguments: ["", "/", "//", "a", "/a", "a/", "/a/b/", "a//b", "v1.0/users/{id}", "ü/é/", "x/名前", "a b"])
    func piecesMatchSplitting(_ text: String) {
        #expect(text.firstPiece(separatedBy: UInt8(ascii: "/")) == text.splitBytes(UInt8(ascii: "/")).first)
        #expect(text.lastPiece(separatedBy: UInt8(ascii: "/")) == text.splitBytes(UInt8(ascii: "/")).last)
        let sub = text.dropFirst()
        #expect(sub.firstPiece(separatedBy: UInt8(ascii: "/")) == sub.splitBytes(UInt8(ascii: "/")).first)
        #expect(sub.lastPiece(separatedBy: UInt8(ascii: "/")) == sub.splitBytes(UInt8(ascii: "/")).last)
    }

    /// `indexAfter` is the index just past the first byte match: the offset the plain search of a copy gives.
    @Test(arguments: texts)
    func indexAfterIsJustPastTheFirstMatch(_ text: String) {
        for needle in ["", "a", "e", "(", "o", "on", "名", "\r\n", "ck", "Application", text, text + "x"] {
            let bytes = Array(text.utf8)
            let pattern = Array(needle.utf8)
            var expected: Int?
            if !pattern.isEmpty, bytes.count >= pattern.count {
                expected = (0...(bytes.count - pattern.count)).first {
                    Array(bytes[$0..<($0 + pattern.count)]) == pattern
                }
                .map { $0 + pattern.count }
            }
            let found = text.indexAfter(needle).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
            #expect(found == expected, "\(text) / \(needle)")
        }
    }

    @Test func examplesOfEach() {
        #expect("microsoft.graph.user".lastPiece(separatedBy: UInt8(ascii: ".")) == "user")
        #expect("/v1.0/me".firstPiece(separatedBy: UInt8(ascii: "/")) == "v1.0")
        #expect("Delegated (Work, school)".lowercasedLetters() == "delegatedworkschool")
        #expect("{User-Id2}".lowercasedLetters(keepingDigits: true) == "userid2")
        #expect("microsoft.graph.user_1".isLettersDigits(or: "._"))
        #expect(!"microsoft.graph.user-1".isLettersDigits(or: "._"))
        #expect("wörk.ü".isLettersDigits(or: "."))
    }
}

/// Table cells without markup bytes skip the inline scanner; that is only right if the scanner would give their
/// text back unchanged.
@Suite struct PlainCellTests {
    @Test(arguments: [
        "String", "Delegated (work or school account)", "User.Read.All, Directory.Read.All", "Not supported.",
        "{user-id}", "Optional. The number of items (0-100) to return; default 10.", "é ü 名前 🙂", "a !b ! c",
        "50% off: #1 $select=id", "x | y",
    ])
    func plainTextScansToItself(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(!bytes.contains(where: InlineScanner.startsMarkup))
        let output = InlineScanner(bytes: bytes, line: 1, lineStart: 0).scan(0..<bytes.count)
        #expect(output.text == bytes)
        #expect(output.links.isEmpty && output.includes.isEmpty)
    }

    @Test func cellsWithMarkupStillGoThroughTheScanner() throws {
        let document = MarkdownDocument.parse(
            "| Name | Type |\n|---|---|\n| plain | `code` |\n| [link](a.md) | a\\|b |\n", path: "t.md")
        guard case .table(let table) = document.blocks.first else { throw Failure("no table") }
        #expect(table.rows.map { $0.cells.map(\.text) } == [["plain", "code"], ["link", "a|b"]])
        #expect(table.rows.map { $0.cells.map(\.raw) } == [["plain", "`code`"], ["[link](a.md)", "a|b"]])
        #expect(table.rows[1].cells[0].links.map(\.destination) == ["a.md"])
        #expect(table.rows[0].cells[0].range == SourceRange(3, 3, 3, 7))
    }
}

@Suite struct SourcePositionStorageTests {
    @Test func positionsOutside32BitsAreClampedNotTrapped() {
        var position = SourcePosition(line: Int.max, column: Int.min)
        #expect(position.line == Int(Int32.max))
        #expect(position.column == Int(Int32.min))
        position.column = 7
        #expect(position == SourcePosition(line: Int(Int32.max), column: 7))
    }

    @Test func codingKeepsTheLineAndColumnKeys() throws {
        let data = try JSONEncoder().encode(SourceRange(3, 4, 5, 6))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"line\":3") && text.contains("\"column\":6"))
        #expect(try JSONDecoder().decode(SourceRange.self, from: data) == SourceRange(3, 4, 5, 6))
    }
}
