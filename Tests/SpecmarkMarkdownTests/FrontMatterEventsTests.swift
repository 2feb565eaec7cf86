import Foundation
import Testing

@testable import SpecmarkMarkdown

/// Front matter of the common shape is read from libyaml's events; everything else is composed by Yams. Both
/// must give the same entries, ranges and problems for every text.
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
    ]

    @Test(arguments: samples)
    func eventsReadWhatYamsComposes(_ text: String) {
        let source = SourceText(bytes: Array(text.utf8))
        let events = FrontMatterReader.read(source)
        let yams = FrontMatterReader.read(source, readingEvents: false)
        #expect(events.frontMatter == yams.frontMatter)
        #expect(events.problems == yams.problems)
        #expect(events.blankedLines == yams.blankedLines)
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
    func eventsReadWhatYamsComposesOnACorpus() throws {
        let root = try #require(ProcessInfo.processInfo.environment["SPECMARK_CORPUS"])
        let files =
            FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") } ?? []
        #expect(!files.isEmpty)
        for file in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            let source = SourceText(bytes: Array(data))
            let events = FrontMatterReader.read(source)
            let yams = FrontMatterReader.read(source, readingEvents: false)
            #expect(events.frontMatter == yams.frontMatter, "\(file)")
            #expect(events.problems == yams.problems, "\(file)")
        }
    }
}
