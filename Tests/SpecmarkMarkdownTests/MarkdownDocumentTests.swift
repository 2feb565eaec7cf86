import Testing

@testable import SpecmarkMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func emptyFileHasNoBlocksAndNoProblems() {
        let document = MarkdownDocument.parse("", path: "empty.md")
        #expect(document.blocks.isEmpty)
        #expect(document.problems.isEmpty)
        #expect(document.source.lineCount == 1)
    }

    @Test func crlfLineEndingsKeepLinesAndColumns() throws {
        let text = "# Title\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 22 |\r\n\r\n```http\r\nGET /x\r\n```\r\n"
        let document = MarkdownDocument.parse(text, path: "crlf.md")
        guard case .heading(let heading) = document.blocks[0] else { throw Failure("no heading") }
        #expect(heading.range == SourceRange(1, 1, 1, 7))
        guard case .table(let table) = document.blocks[1] else { throw Failure("no table") }
        #expect(table.rows[0].cells[1].text == "22")
        #expect(table.rows[0].cells[1].range == SourceRange(5, 7, 5, 8))
        guard case .code(let code) = document.blocks[2] else { throw Failure("no code block") }
        #expect(code.isClosed)
        #expect(code.content.text == "GET /x")
        #expect(code.content.lineOrigins == [SourcePosition(line: 8, column: 1)])
    }

    @Test func invalidUTF8IsReplacedAndReportedAtItsByte() {
        var bytes = Array("# Title\n\nabc".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("def\n\n| a | b |\n|---|---|\n| x\u{00E9} | y |\n".utf8))
        bytes.insert(0xC3, at: bytes.count - 8)  // a truncated sequence inside the table's last row
        let document = MarkdownDocument.parse(bytes: bytes, path: "bad.md")
        let problems = document.problems.filter { $0.kind == .invalidUTF8 }
        #expect(problems.count == 1)
        #expect(problems.first?.range.start == SourcePosition(line: 3, column: 4))
        #expect(document.blocks.count == 3)
        guard case .paragraph(let paragraph) = document.blocks[1] else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.text == "abc\u{FFFD}def")
    }

    /// The in-place validator finds the same first bad byte as `String(validating:)` read sequence by sequence,
    /// over random mixes of ASCII runs (which take the eight-byte path), encoded scalars from every length class,
    /// stray bytes and cut sequences, and the edges of table 3-7.
    @Test func utf8ValidationMatchesTheStandardLibrary() {
        func reference(_ bytes: [UInt8]) -> Int? {
            var index = 0
            while index < bytes.count {
                let length: Int
                switch bytes[index] {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return index
                }
                guard index + length <= bytes.count,
                    String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
                else { return index }
                index += length
            }
            return nil
        }
        let edges: [[UInt8]] = [
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xC1, 0xBF],
            [0xC2, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE1, 0x80], [0xEF, 0xBF, 0xBF], [0x80], [0xFF],
        ]
        for edge in edges {
            for padding in [0, 3, 8, 13] {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: padding) + edge + Array("tail".utf8)
                #expect(MarkdownDocument.firstInvalidUTF8Offset(bytes) == reference(bytes), "\(bytes)")
            }
        }
        var generator = SystemRandomNumberGenerator()
        var invalid = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4:
                    bytes += (0..<Int.random(in: 1...20, using: &generator)).map { _ in
                        UInt8.random(in: 0x20...0x7E, using: &generator)
                    }
                case 4..<8:
                    let scalar = [0x7F, 0x7FF, 0xFFFF, 0x10FFFF].randomElement(using: &generator)!
                    let value = UInt32.random(in: 0...UInt32(scalar), using: &generator)
                    bytes += Array(String(Unicode.Scalar(value) ?? "x").utf8)
                case 8:
                    bytes.append(UInt8.random(in: 0x80...0xFF, using: &generator))
                default:
                    let encoded = Array(
                        String(Unicode.Scalar(UInt32.random(in: 0x80...0xFFFF, using: &generator)) ?? "é").utf8)
                    bytes += encoded.dropLast()
                }
            }
            let expected = reference(bytes)
            if expected != nil { invalid += 1 }
            #expect(MarkdownDocument.firstInvalidUTF8Offset(bytes) == expected, "\(bytes)")
        }
        #expect(invalid > 300)
    }

    @Test func nulBytesBecomeSpacesAndAreReported() {
        let document = MarkdownDocument.parse(bytes: Array("# A\u{0}B\n\ntext\u{0}\n".utf8), path: "nul.md")
        #expect(document.problems.map(\.kind) == [.nulByte])
        #expect(document.problems[0].range.start == SourcePosition(line: 1, column: 4))
        #expect(document.problems[0].message == "file contains 2 NUL bytes, read as spaces")
        guard case .heading(let heading) = document.blocks.first else {
            Issue.record("expected a heading")
            return
        }
        #expect(heading.text == "A B")
    }

    @Test func byteOrderMarkIsRemovedAndNoted() {
        let document = MarkdownDocument.parse(
            bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n---\n# H\n".utf8), path: "bom.md")
        #expect(document.problems.map(\.kind) == [.byteOrderMark])
        #expect(document.frontMatter?.string("title") == "x")
        #expect(document.blocks.first?.range == SourceRange(4, 1, 4, 3))
    }

    @Test func missingFinalNewlineAndTabsAndNoBreakSpaces() throws {
        let document = MarkdownDocument.parse("|\tName\t|\u{00A0}Type\u{00A0}|\n|---|---|\n|id|String|", path: "x.md")
        guard case .table(let table) = document.blocks.first else { throw Failure("no table") }
        #expect(table.header.cells.map(\.text) == ["Name", "Type"])
        #expect(table.header.cells[1].range == SourceRange(1, 11, 1, 14))
        #expect(table.rows[0].range == SourceRange(3, 1, 3, 11))
    }

    @Test func frontMatterLinesAreBlankedNotRemoved() throws {
        let text =
            "---\ntitle: \"A page\"\nkeywords:\n  - one\n  - two\ndoc_type: apiPageType\n---\n# Heading on line 8\n"
        let document = MarkdownDocument.parse(text, path: "fm.md")
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.range == SourceRange(1, 1, 7, 3))
        #expect(frontMatter.string("title") == "A page")
        #expect(frontMatter["keywords"]?.value == .list(["one", "two"]))
        #expect(frontMatter["doc_type"]?.keyRange == SourceRange(6, 1, 6, 8))
        #expect(document.blocks.map(\.range) == [SourceRange(8, 1, 8, 19)])
        #expect(document.problems.isEmpty)
    }

    /// Yams counts columns in Unicode scalars; findings count bytes (`ï`, `é` and `ü` are two bytes each).
    @Test func frontMatterColumnsAreBytesAfterMultiByteCharacters() throws {
        let document = MarkdownDocument.parse("---\ntïtle: 🙂 x\n---\n", path: "fm.md")
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter["tïtle"]?.keyRange == SourceRange(2, 1, 2, 6))
        #expect(frontMatter["tïtle"]?.valueRange == SourceRange(2, 9, 2, 14))
        let nested = MarkdownDocument.parse("---\nk:\n  é: ü\n---\n", path: "fm.md")
        guard case .mapping(let entries)? = nested.frontMatter?["k"]?.value else { throw Failure("no mapping") }
        #expect(entries.first?.keyRange == SourceRange(3, 3, 3, 4))
        #expect(entries.first?.valueRange == SourceRange(3, 7, 3, 8))
    }

    @Test func invalidYAMLIsReportedAtTheOffendingLine() {
        let text = "---\ntitle: ok\nbad: [unclosed\nauthor: someone\n---\n\n# Heading\n"
        let document = MarkdownDocument.parse(text, path: "fm.md")
        let problem = document.problems.first { $0.kind == .frontMatterInvalid }
        #expect(problem != nil)
        // libyaml stops where `author:` cannot continue the flow sequence; the note points where it opened.
        #expect(problem?.range == SourceRange(4, 7, 4, 7))
        #expect(
            problem?.message
                == "front matter is not valid YAML: while parsing a flow sequence: did not find expected ',' or ']'")
        #expect(problem?.notes == [MarkdownProblem.Note("a flow sequence starts here", at: SourceRange(3, 6, 3, 6))])
        #expect(document.blocks.map(\.range) == [SourceRange(7, 1, 7, 9)])
    }

    @Test func duplicateFrontMatterKeysAreReported() {
        let document = MarkdownDocument.parse("---\ntitle: a\ntitle: b\n---\n", path: "fm.md")
        #expect(document.problems.map(\.kind) == [.frontMatterDuplicateKey])
        #expect(document.problems.first?.range == SourceRange(3, 1, 3, 5))
    }

    /// A repeated key is reported where it repeats, nested keys included, and the rest of the front matter is read
    /// with each key's first value.
    @Test func repeatedKeysAreReportedWhereTheyAreAndTheRestIsStillRead() throws {
        let text =
            "---\ntitle: Get widget\nms.custom:\n  team: a\n  team:\n    - b\nauthor: someone\ntitle: Again\n---\n"
        let document = MarkdownDocument.parse(text, path: "fm.md")
        #expect(document.problems.map(\.range) == [SourceRange(5, 3, 5, 6), SourceRange(8, 1, 8, 5)])
        #expect(
            document.problems.map(\.message) == [
                "front matter key 'team' appears more than once", "front matter key 'title' appears more than once",
            ])
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.string("title") == "Get widget")
        #expect(frontMatter.string("author") == "someone")
    }

    /// The same key in two mappings at one depth is two keys; only the one repeated in its mapping is reported, and
    /// the first occurrence in each mapping keeps its value.
    @Test func aKeyRepeatedInOneMappingIsNotConfusedWithItsNamesakeInAnother() throws {
        let text = "---\ntitle: Widgets\na:\n  name: x\nb:\n  name: y\n  name: z\n---\n"
        let document = MarkdownDocument.parse(text, path: "fm.md")
        #expect(document.problems.map(\.range) == [SourceRange(7, 3, 7, 6)])
        let frontMatter = try #require(document.frontMatter)
        guard case .mapping(let b)? = frontMatter["b"]?.value else { throw Failure("b is not a mapping") }
        #expect(b.first?.value == .string("y"))
        guard case .mapping(let a)? = frontMatter["a"]?.value else { throw Failure("a is not a mapping") }
        #expect(a.first?.value == .string("x"))
    }

    @Test func unclosedFenceIsReportedAtTheOpeningFence() {
        let document = MarkdownDocument.parse("text\n\n  ````json\n{ }\n", path: "x.md")
        #expect(document.problems.map(\.kind) == [.unclosedFence])
        #expect(document.problems.first?.range == SourceRange(3, 3, 3, 6))
    }

    @Test func shorterClosingFenceDoesNotCloseTheBlock() {
        let document = MarkdownDocument.parse("````\ncode\n```\n", path: "x.md")
        guard case .code(let code) = document.blocks.first else {
            Issue.record("expected code")
            return
        }
        #expect(!code.isClosed)
        #expect(code.fence == "````")
    }

    @Test func deepNestingIsBoundedAndReported() {
        let text = String(repeating: "> ", count: 5_000) + "deep\n"
        let document = MarkdownDocument.parse(text, path: "deep.md")
        #expect(document.problems.contains { $0.kind == .nestingTooDeep })
    }

    @Test func largeFileParses() {
        var text = "---\ntitle: big\n---\n"
        let chunk =
            "## Section\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```http\nGET /x\n```\n\nSome [link](a.md) text.\n\n"
        let copies = 20_000_000 / chunk.utf8.count
        text.reserveCapacity(copies * chunk.utf8.count + 32)
        for _ in 0..<copies { text.append(chunk) }
        let document = MarkdownDocument.parse(text, path: "big.md")
        #expect(document.blocks.count == copies * 4)
        #expect(document.problems.isEmpty)
        #expect(document.blocks.last?.range.start.line == 3 + copies * 12 - 1)
    }

    /// The destination as written, where an author fixes a broken link: after rendered text of another length,
    /// inside angle brackets, before a title, in a table cell; none for a reference link.
    @Test func linksRecordWhereTheirDestinationIsWritten() throws {
        let text = """
            # Links

            See [**bold** text](missing.md) here, ![a *chart*](img/c.png "Chart") and [spaced](<a b.md>).
            Also [a reference][ref] and [split
            text](two-lines.md).

            | Name | Type |
            |:-----|:-----|
            | id | [widget](../resources/widget.md) |

            [ref]: target.md
            """
        let document = MarkdownDocument.parse(text, path: "x.md")
        guard case .paragraph(let paragraph) = document.blocks[1], case .table(let table) = document.blocks[2] else {
            throw Failure("expected a paragraph and a table")
        }
        #expect(
            paragraph.links.map(\.destinationRange) == [
                SourceRange(3, 21, 3, 30), SourceRange(3, 52, 3, 60), SourceRange(3, 85, 3, 90), nil,
                SourceRange(5, 7, 5, 18),
            ])
        #expect(table.rows[0].cells[1].links.map(\.destinationRange) == [SourceRange(9, 17, 9, 38)])
    }

    /// A table cell's links (read by Specmark, not cmark) give the destination and title cmark gives the same
    /// link in a paragraph: escapes removed, angle brackets and quotes dropped, balanced parentheses kept.
    @Test func tableCellLinksReadDestinationsAndTitlesAsCmarkDoes() throws {
        let links = [
            #"[x](a\(b\).md "T")"#, "[y](<c d.md> 'U')", "[z](e(f).md)", "[w](plain.md (P))", #"[v](a\_b.md)"#,
        ]
        let table = "| Name | Link |\n| --- | --- |\n" + links.map { "| n | \($0) |\n" }.joined()
        let document = MarkdownDocument.parse(table + "\n" + links.joined(separator: "\n\n") + "\n", path: "x.md")
        guard case .table(let parsed) = document.blocks.first else { throw Failure("no table") }
        let paragraphs = document.blocks.dropFirst().compactMap { block -> Link? in
            if case .paragraph(let paragraph) = block { return paragraph.links.first }
            return nil
        }
        let cells = parsed.rows.compactMap { $0.cells[1].links.first }
        #expect(cells.map(\.destination) == ["a(b).md", "c d.md", "e(f).md", "plain.md", "a_b.md"])
        #expect(cells.map(\.title) == ["T", "U", "", "P", ""])
        #expect(cells.map(\.destination) == paragraphs.map(\.destination))
        #expect(cells.map(\.title) == paragraphs.map(\.title))
    }

    /// A link around an image with the same destination points at its own destination, not the image's.
    @Test func aLinkAroundAnImagePointsAtItsOwnDestination() throws {
        let document = MarkdownDocument.parse("See [![a chart](img/a.png)](img/a.png) here.\n", path: "x.md")
        guard case .paragraph(let paragraph) = document.blocks.first else { throw Failure("no paragraph") }
        let ranges = paragraph.links.sorted { $0.range.start < $1.range.start }.map {
            ($0.isImage, $0.destinationRange)
        }
        #expect(ranges.map(\.0) == [false, true])
        #expect(ranges.map(\.1) == [SourceRange(1, 29, 1, 37), SourceRange(1, 17, 1, 25)])
    }

    @Test func linkRangesSurviveHardLineBreaks() throws {
        let document = MarkdownDocument.parse("first\\\nthen [x](y.md) and `z`\n", path: "x.md")
        guard case .paragraph(let paragraph) = document.blocks.first else { throw Failure("no paragraph") }
        #expect(paragraph.links.map(\.range) == [SourceRange(2, 6, 2, 14)])
        #expect(paragraph.codeSpans.map(\.range) == [SourceRange(2, 21, 2, 21)])
    }

    @Test func sectionsIgnoreTabMarkersAndNestByLevel() throws {
        let text = """
            # Page
            intro
            ## Permissions
            | a | b |
            |---|---|
            ## Examples
            ### Request
            # [HTTP](#tab/http)
            ```http
            GET /x
            ```
            # [C#](#tab/csharp)
            text

            ---
            ### Response
            """
        let outline = MarkdownDocument.parse(text, path: "x.md").outline
        #expect(outline.subsections.map(\.title) == ["Page"])
        let page = outline.subsections[0]
        #expect(page.subsections.map(\.title) == ["Permissions", "Examples"])
        let permissions = try #require(outline.section(titled: "permissions"))
        #expect(permissions.blocks.count == 1)
        let request = try #require(outline.section(titled: "Request"))
        #expect(request.blocks.count == 5)
        #expect(outline.section(titled: "HTTP") == nil)
        #expect(outline.section(titled: "Examples")?.allBlocks.count == 7)
    }

    @Test func walkerVisitsNestedBlocks() {
        struct CodeCounter: MarkdownWalker {
            var languages: [String] = []
            mutating func visitCode(_ code: CodeBlock) { languages.append(code.language) }
        }
        let text = "- item\n\n  ```http\n  GET /\n  ```\n\n> ```JSON\n> {}\n> ```\n"
        var counter = CodeCounter()
        counter.walk(MarkdownDocument.parse(text, path: "x.md").blocks)
        #expect(counter.languages == ["http", "json"])
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
