import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

@Suite struct SuppressionTests {
    static func lint(_ text: String, file: String = "page.md") async -> [Diagnostic] {
        let docs = DocSet(pages: [PageExtractor().extract(bytes: Array(text.utf8), file: file)])
        return await Linter().lint(docs, logger: Logger(label: "t"))
    }

    static let response204 = "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 NoContent\n```\n"

    @Test func nextBlockCommentSuppressesWithItsReason() async {
        let diagnostics = await Self.lint(
            "<!-- specmark-disable-next-block http-reason-phrase: the service says so -->\n" + Self.response204)
        let reason = diagnostics.first { $0.ruleID == "http-reason-phrase" }
        #expect(reason?.suppression?.kind == .inlineComment)
        #expect(reason?.suppression?.justification == "the service says so")
        #expect(reason?.suppression?.location?.range.start == SourcePosition(line: 1, column: 1))
        #expect(!diagnostics.contains { $0.ruleID == "suppression-unused" })
        // The next-block scope ends with that block: the same problem later is reported.
        let twice = await Self.lint(
            "<!-- specmark-disable-next-block http-reason-phrase -->\n" + Self.response204 + "\n" + Self.response204)
        #expect(twice.filter { $0.ruleID == "http-reason-phrase" }.map { $0.suppression == nil } == [false, true])
    }

    @Test func disableAndEnableBracketARegion() async {
        let text =
            "<!-- specmark-disable http-reason-phrase -->\n\n" + Self.response204
            + "\n<!-- specmark-enable http-reason-phrase -->\n\n" + Self.response204
        let reasons = await Self.lint(text).filter { $0.ruleID == "http-reason-phrase" }
        #expect(reasons.map(\.location.range.start.line) == [5, 12])
        #expect(reasons.map { $0.suppression != nil } == [true, false])
    }

    @Test func pageAnnotationSuppressesOnItsPageOnly() async {
        let annotation = "\n<!-- { \"type\": \"#page.annotation\", \"suppressions\": [\"http-reason-phrase\"] } -->\n"
        let pages = [
            PageExtractor().extract(bytes: Array((Self.response204 + annotation).utf8), file: "a.md"),
            PageExtractor().extract(bytes: Array(Self.response204.utf8), file: "b.md"),
        ]
        let diagnostics = await Linter().lint(DocSet(pages: pages), logger: Logger(label: "t"))
        let reasons = diagnostics.filter { $0.ruleID == "http-reason-phrase" }
        #expect(reasons.map(\.location.file) == ["a.md", "b.md"])
        #expect(reasons.map { $0.suppression?.kind } == [.pageAnnotation, nil])
    }

    @Test func apiDoctorTextEntriesMatchMessages() async {
        let annotation =
            "\n<!-- { \"type\": \"#page.annotation\", \"suppressions\": [\"Warning: has reason phrase 'NoContent'\", \"Error: something ApiDoctor said\"] } -->\n"
        let diagnostics = await Self.lint(Self.response204 + annotation)
        #expect(diagnostics.first { $0.ruleID == "http-reason-phrase" }?.suppression?.kind == .pageAnnotation)
        // The ApiDoctor entry that matches nothing is not reported as unused.
        #expect(!diagnostics.contains { $0.ruleID == "suppression-unused" })
    }

    @Test func unusedSuppressionsAreReported() async {
        let annotation =
            "\n<!-- { \"type\": \"#page.annotation\", \"suppressions\": [\"response-status-mismatch\"] } -->\n"
        let text = "<!-- specmark-disable-next-block example-path-undeclared -->\n" + Self.response204 + annotation
        let unused = await Self.lint(text).filter { $0.ruleID == "suppression-unused" }
        #expect(
            unused.map(\.message) == [
                "specmark-disable-next-block for example-path-undeclared suppresses nothing",
                "page annotation suppression 'response-status-mismatch' suppresses nothing",
            ])
        #expect(
            unused.map(\.location.range.start) == [
                SourcePosition(line: 1, column: 1), SourcePosition(line: 7, column: 53),
            ])
    }
}
