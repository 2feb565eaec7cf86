import Foundation
import Testing

@testable import SpecmarkMarkdown

/// Front matter of one `key: value` scalar per line is read from its lines, the common shape from libyaml's
/// events, and everything else is composed by Yams. All three must give the same entries, ranges and problems
/// for every text.
@Suite struct FrontMatterEventsTests {
    static let samples: [String] = [
        "---\ntitle: A page\ndescription: \"Quoted: with a colon\"\nauthor: 'single'\n---\n",
        "---\nkeywords:\n  - one\n  - \"two\"\nflow: [a, b, 'c d']\ndoc_type: apiPageType\n---\n",
        "---\nempty:\ntilde: ~\nnull: null\nNull: Null\nquotedNull: \"null\"\nblank: ''\n---\n",
        "---\ntïtle: 🙂 x\nübersicht: é\n---\n",
        "---\r\ntitle: crlf\r\nauthor: me\r\n---\r\n",
        "---\n# a comment\ntitle: x # trailing comment\n\n---\n",
        "---\nblock: |\n  line one\n  line two\nfolded: >\n  one\n  two\n---\n",
        "---\n   \n---\n",
        "---\n# only a comment\n---\n",
        "---\ntitle:   spaced   \n---\n",
        "---\nlong: a value\n  continued on the next line\n---\n",
        // The shapes the event reader leaves to Yams.
        "---\nk:\n  é: ü\n---\n",
        "---\ntitle: a\ntitle: b\n---\n",
        "---\nbase: &anchor v\nother: *anchor\n---\n",
        "---\ntagged: !!str 12\n---\n",
        "---\nlist:\n  - a\n  - k: v\n---\n",
        "---\n? complex\n: key\n---\n",
        "---\ntitle: ok\nbad: [unclosed\nauthor: someone\n---\n",
        "---\njust a scalar\n---\n",
        "---\n- a\n- b\n---\n",
        "---\ntitle: x\n--- y\n---\n",
        "---\n\ttab: indented\n---\n",
        "---\nnul: \"a\\0b\"\n---\n",
        // Past the keys found by scanning: a repeat of an early key, of the key that starts the index, and none.
        "---\n" + (1...20).map { "k\($0): v\n" }.joined() + "k2: again\n---\n",
        "---\n" + (1...17).map { "k\($0): v\n" }.joined() + "k17: again\n---\n",
        "---\n" + (1...40).map { "k\($0): v\n" }.joined() + "---\n",
        // The edges of the one-line shape.
        "---\ntitle: \"user: get\"\nms.prod: users\ndoc_type: apiPageType\nlocalization_priority: Normal\n---\n",
        "---\nkey:value\n---\n",
        "---\nkey : value\n---\n",
        "---\nk: a: b\n---\n",
        "---\nk: a:\n---\n",
        "---\nk: a:b http://host/x\n---\n",
        "---\nk: a #c\n---\n",
        "---\nk: a#c\n---\n",
        "---\nk: 'it''s'\n---\n",
        "---\nk: \"a\\\"b\"\n---\n",
        "---\nk: \"a\\\\b\"\n---\n",
        "---\nk: 'a\\b'\n---\n",
        "---\nk: \"\"\nj: ''\n---\n",
        "---\nk: \"x\" y\n---\n",
        "---\nk: \"unclosed\n---\n",
        "---\nk: -x\nj: - y\n---\n",
        "---\nk: null\nj: ~\nl: NULL\nm: nULL\n---\n",
        "---\nempty:\nspaced:   \nlast: x\n---\n",
        "---\na: 1\n   \n\nb: 2   \n---\n",
        "---\n1: one\ndoc-type: x\n_k.a-b: y\n---\n",
        "---\nk:\n- a\n- b\n---\n",
        "---\nk: a\n  b\n---\n",
        "---\nk: a\n# comment\n---\n",
        "---\nk: {a: b}\nj: [x]\n---\n",
        "---\nk: a [b] {c} d, e\n---\n",
        "---\nk: x\tz\n---\n",
        "---\nk: \u{7F}\n---\n",
        "---\n-k: x\n---\n",
        "---\n" + String(repeating: "k", count: 200) + ": long key\n---\n",
    ]

    @Test(arguments: samples)
    func everyReaderReadsWhatYamsComposes(_ text: String) {
        let source = SourceText(bytes: Array(text.utf8))
        let yams = FrontMatterReader.read(source, reader: .yams)
        for reader in [FrontMatterReader.Reader.lines, .events] {
            let read = FrontMatterReader.read(source, reader: reader)
            #expect(read.frontMatter == yams.frontMatter, "\(reader)")
            #expect(read.problems == yams.problems, "\(reader)")
            #expect(read.blankedLines == yams.blankedLines, "\(reader)")
        }
    }

    /// Front matters put together from lines of and near the one-line shape, in a fixed pseudo-random order.
    @Test func everyReaderReadsWhatYamsComposesOnMixedLines() {
        let fragments = [
            "title: A page", "title: \"a: b\"", "author: 'me'", "k: a: b", "k: a #c", "k: x:", "k:", "k:   ",
            "k: null", "k: ~", "k: ''", "k: \"\"", "k: 'it''s'", "k: \"a\\\"b\"", "k: -x", "k: [a]", "k: a [b] c",
            "key:value", "  indented: x", "  - item", "- item", "# comment", "", "   ", "ms.date: 09/10/2020",
            "doc_type: apiPageType", "k: \"unclosed", "k: a, b", "k: *alias", "k: &anchor v", "k: !!str v",
            "description: Get the properties of a user.", "2: two", "x-y.z_: w",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var readByLines = 0
        for _ in 0..<600 {
            let lines = (0..<(1 + next(6))).map { _ in fragments[next(fragments.count)] }
            let text = "---\n" + lines.joined(separator: "\n") + "\n---\n"
            let source = SourceText(bytes: Array(text.utf8))
            let yams = FrontMatterReader.read(source, reader: .yams)
            let read = FrontMatterReader.read(source, reader: .lines)
            #expect(read.frontMatter == yams.frontMatter, "\(text)")
            #expect(read.problems == yams.problems, "\(text)")
            if FrontMatterLines.entries(lines: 2..<(lines.count + 2), source: source) != nil { readByLines += 1 }
        }
        // The mix must reach the line reader often, and leave it often.
        #expect(readByLines > 60 && readByLines < 540, "\(readByLines)")
    }

    @Test func linesReadTheOneLineShapeWithRanges() throws {
        let text = "---\ntitle: \"user: get\"\n  \nempty:\nauthor: 'me'\nms.prod: users  \nnothing: null\n---\n"
        let source = SourceText(bytes: Array(text.utf8))
        let entries = try #require(FrontMatterLines.entries(lines: 2..<8, source: source))
        #expect(entries.map(\.key) == ["title", "empty", "author", "ms.prod", "nothing"])
        #expect(entries[0].value == .string("user: get"))
        #expect(entries[0].keyRange == SourceRange(2, 1, 2, 5))
        #expect(entries[0].valueRange == SourceRange(2, 8, 2, 18))
        #expect(entries[1].value == .null)
        #expect(entries[1].valueRange == SourceRange(4, 7, 4, 7))
        #expect(entries[2].value == .string("me"))
        #expect(entries[2].valueRange == SourceRange(5, 9, 5, 12))
        #expect(entries[3].value == .string("users"))
        #expect(entries[3].valueRange == SourceRange(6, 10, 6, 14))
        #expect(entries[4].value == .null)
        #expect(entries[4].valueRange == SourceRange(7, 10, 7, 10))
    }

    @Test func linesLeaveEverythingElseToLibyaml() {
        for text in [
            "k: a\n  b\n", "k:\n- a\n", "# c\nk: v\n", "k: a: b\n", "k: a #c\n", "k: 'it''s'\n", "k: \"a\\nb\"\n",
            "k: x\tz\n", "tïtle: x\n", "k: v\nk: w\n", "key:value\n", "k: [a]\n", "k: &a v\n", "   \n",
        ] {
            let bytes = Array(("---\n" + text + "---\n").utf8)
            let source = SourceText(bytes: bytes)
            #expect(FrontMatterLines.entries(lines: 2..<source.lineCount, source: source) == nil, "\(text)")
        }
    }

    @Test func eventsKeepValuesRangesAndNulls() throws {
        let text = "---\ntitle: A page\nkeywords: [one, 'two']\nempty:\nquoted: \"null\"\ntïtle: é\n---\n"
        let source = SourceText(bytes: Array(text.utf8))
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let yaml = ArraySlice(lines[1..<6].joined(separator: [0x0A]) + [0x0A])
        let entries = try #require(FrontMatterEvents.entries(yaml, source: source))
        #expect(entries.map(\.key) == ["title", "keywords", "empty", "quoted", "tïtle"])
        #expect(entries[0].value == .string("A page"))
        #expect(entries[0].keyRange == SourceRange(2, 1, 2, 5))
        #expect(entries[0].valueRange == SourceRange(2, 8, 2, 13))
        #expect(entries[1].value == .list(["one", "two"]))
        #expect(entries[2].value == .null)
        #expect(entries[3].value == .string("null"))
        #expect(entries[3].valueRange == SourceRange(5, 9, 5, 14))
        #expect(entries[4].keyRange == SourceRange(6, 1, 6, 6))
        #expect(entries[4].valueRange == SourceRange(6, 9, 6, 10))
    }

    @Test func shapesOutsideTheCommonOneAreLeftToYams() {
        let long = (1...17).map { "k\($0): v\n" }.joined()
        for text in [
            long + "k17: w\n", long + "k1: w\n", "k:\n  a: b\n", "t: a\nt: b\n", "a: &x v\nb: *x\n", "t: !!str 1\n",
            "bad: [unclosed\n", "- a\n",
        ] {
            let bytes = Array(("---\n" + text + "---\n").utf8)
            let source = SourceText(bytes: bytes)
            let yaml = bytes[4..<(bytes.count - 4)]
            #expect(FrontMatterEvents.entries(yaml, source: source) == nil, "\(text)")
        }
    }

    /// Every page of a real corpus, when one is named: `SPECMARK_CORPUS=../shared/corpus/graph-docs swift test`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SPECMARK_CORPUS"] != nil))
    func everyReaderReadsWhatYamsComposesOnACorpus() throws {
        let root = try #require(ProcessInfo.processInfo.environment["SPECMARK_CORPUS"])
        let files =
            FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") } ?? []
        #expect(!files.isEmpty)
        for file in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            let source = SourceText(bytes: Array(data))
            let yams = FrontMatterReader.read(source, reader: .yams)
            for reader in [FrontMatterReader.Reader.lines, .events] {
                let read = FrontMatterReader.read(source, reader: reader)
                #expect(read.frontMatter == yams.frontMatter, "\(file) \(reader)")
                #expect(read.problems == yams.problems, "\(file) \(reader)")
            }
        }
    }
}
