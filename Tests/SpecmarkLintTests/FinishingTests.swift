import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// The findings finished file by file on every core are the list a single pass over all of them gives.
@Suite struct FinishingTests {
    /// Three pages in discovery order that is not path order: `b.md` turns one rule off for the rest of the page,
    /// `a.md` lists another in its annotation, `c.md` suppresses nothing.
    static let docs = DocSet(pages: [
        PageExtractor().extract(bytes: Array("# B\n\n<!-- specmark-disable rule-x -->\n\ntext\n".utf8), file: "b.md"),
        PageExtractor().extract(
            bytes: Array("# A\n\n<!-- { \"type\": \"#page.annotation\", \"suppressions\": [\"rule-q\"] } -->\n".utf8),
            file: "a.md"),
        PageExtractor().extract(bytes: Array("# C\n\ntext\n".utf8), file: "c.md"),
    ])

    /// A finding without an anchor: its fingerprint is keyed by its message, so equal findings share a key.
    static func finding(_ rule: String, _ file: String, line: Int) -> Diagnostic {
        Diagnostic(
            ruleID: rule, severity: .warning, message: "\(rule) on line \(line)",
            location: SourceLocation(file: file, range: SourceRange(line, 1, line, 2)))
    }

    static let known: Set<String> = ["rule-x", "rule-y", "rule-z", "rule-d", "rule-q", SuppressionUnusedRule.id]

    /// The page rules' findings: two equal ones on `a.md` (told apart by their order) and one `b.md` turns off.
    static func perPage(inOwnFile: Bool = true) -> [PageFindings] {
        [
            PageFindings(
                diagnostics: [finding("rule-x", "b.md", line: 5), finding("rule-y", "b.md", line: 2)], suppresses: true,
                inOwnFile: true),
            PageFindings(
                diagnostics: [finding("rule-z", "a.md", line: 3), finding("rule-z", "a.md", line: 3)],
                suppresses: true, inOwnFile: inOwnFile),
            PageFindings(diagnostics: [], suppresses: false, inOwnFile: true),
        ]
    }

    /// The doc-set rules' findings: on two pages, on a file that is no page, and one tied with a page rule's.
    static let docSet: [[Diagnostic]] = [
        [
            finding("rule-d", "a.md", line: 1), finding("rule-d", "unread.md", line: 1),
            finding("rule-d", "c.md", line: 4),
        ],
        [finding("rule-x", "b.md", line: 5)],
    ]

    static func finish(_ perPage: [PageFindings]) async -> [Diagnostic] {
        await Linter.finish(
            perPage, docSet: docSet, pages: [0, 1, 2], of: docs, knownRules: known, reportUnused: { _ in .warning })
    }

    @Test func fileByFileEqualsOnePass() async {
        let byFile = await Self.finish(Self.perPage())
        // A page rule's finding in another file sends every finding through the one pass.
        let onePass = await Self.finish(Self.perPage(inOwnFile: false))
        #expect(byFile == onePass)
        #expect(
            byFile.map { "\($0.location.file):\($0.location.range.start.line) \($0.ruleID)" } == [
                "a.md:1 rule-d", "a.md:3 rule-z", "a.md:3 rule-z", "a.md:3 \(SuppressionUnusedRule.id)",
                "b.md:2 rule-y", "b.md:5 rule-x", "b.md:5 rule-x", "c.md:4 rule-d", "unread.md:1 rule-d",
            ])
        // `b.md`'s directive covers both `rule-x` findings at line 5, the page rule's and the doc-set rule's.
        #expect(byFile.filter { $0.suppression != nil }.map(\.location.file) == ["b.md", "b.md"])
        #expect(Set(byFile.map(\.fingerprint)).count == byFile.count)
        #expect(byFile.allSatisfy { $0.fingerprint.utf8.count == 16 })
    }
}
