import Foundation
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden files for every reporter, from one fixed input.
@Suite struct ReportersTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Two files, an error with a note, a warning on a line with multi-byte text, a suppressed finding.
    static let input: ReportInput = {
        var status = Diagnostic(
            ruleID: "response-status-mismatch", severity: .error,
            message: "response to 'create_widget' is 200 OK but the Response section states 201 Created",
            location: SourceLocation(file: "docs/widget-post.md", range: SourceRange(40, 1, 40, 15)),
            notes: [
                .init(
                    "stated here", at: SourceLocation(file: "docs/widget-post.md", range: SourceRange(20, 39, 20, 49)))
            ],
            anchor: "create_widget:response")
        var reason = Diagnostic(
            ruleID: "http-reason-phrase", severity: .warning,
            message: "status 204 has reason phrase 'NoContent'; the standard phrase is 'No Content'",
            location: SourceLocation(file: "docs/widget-delete.md", range: SourceRange(12, 21, 12, 29)),
            anchor: "delete_widget:response")
        var title = Diagnostic(
            ruleID: "table-cell-count", severity: .warning,
            message: "table row has 2 cells but the table has 3 columns",
            location: SourceLocation(file: "docs/widget-delete.md", range: SourceRange(7, 1, 7, 14)))
        title.suppression = Suppression(
            kind: .inlineComment, justification: "the third column is filled by an include",
            location: SourceLocation(file: "docs/widget-delete.md", range: SourceRange(6, 1, 6, 60)))
        var diagnostics = [reason, title, status]
        diagnostics.sort(by: Diagnostic.sourceOrder)
        Fingerprints.assign(&diagnostics)
        status = diagnostics[2]
        reason = diagnostics[1]
        return ReportInput(
            toolVersion: "0.1.0", root: "/repo",
            files: ["docs/widget-delete.md", "docs/widget-get.md", "docs/widget-post.md"],
            diagnostics: diagnostics,
            rules: [
                ReportRule(
                    id: "http-reason-phrase", family: "http",
                    summary: "a status line's reason phrase is not the standard one",
                    rationale: "Use RFC 9110's phrase.", defaultSeverity: .warning),
                ReportRule(
                    id: "response-status-mismatch", family: "status",
                    summary: "a response example's status is not one the Response section states",
                    rationale: "One of the two is wrong.", defaultSeverity: .error),
                ReportRule(
                    id: "table-cell-count", family: "markdown",
                    summary: "a table row has more or fewer cells than the table has columns",
                    rationale: "A ragged row loses a value.", defaultSeverity: .warning),
            ],
            sourceLines: [
                "docs/widget-post.md": [
                    40: "HTTP/1.1 200 OK", 20: "If successful, this method returns a `201 Created` response code.",
                ],
                "docs/widget-delete.md": [12: "HTTP/1.1 204 ▶︎ NoContent", 7: "|name|String|"],
            ])
    }()

    private func golden(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    private func check(
        _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try golden(name)), "\(name) differs", sourceLocation: sourceLocation)
    }

    /// JSON documents compared as values, not text.
    private func checkJSON(_ actual: String, _ name: String) throws {
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" { return try check(actual, name) }
        let decoded = try JSONSerialization.jsonObject(with: Data(actual.utf8)) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: Data(try golden(name).utf8)) as? NSDictionary
        #expect(decoded != nil && decoded == expected, "\(name) differs")
    }

    @Test func text() throws {
        try check(TextReporter.render(Self.input), "report.txt")
        try check(TextReporter.render(Self.input, options: .init(useColor: true)), "report-color.txt")
    }

    @Test func json() throws {
        try checkJSON(JSONReporter.render(Self.input), "report.json")
    }

    @Test func sarif() throws {
        let sarif = SARIFReporter.render(Self.input)
        try checkJSON(sarif, "report.sarif")
        // The warning starts after "▶︎ " (U+25B6 U+FE0E: 6 UTF-8 bytes, 2 UTF-16 units): byte column 21
        // is UTF-16 column 17, and the inclusive byte end 29 becomes the exclusive UTF-16 end 26.
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let results = try #require(run["results"] as? [[String: Any]])
        let reason = try #require(results.first { $0["ruleId"] as? String == "http-reason-phrase" })
        let region =
            ((reason["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
            as? [String: Int]
        #expect(region == ["startLine": 12, "startColumn": 17, "endLine": 12, "endColumn": 26])
        let suppressed = try #require(results.first { $0["ruleId"] as? String == "table-cell-count" })
        #expect((suppressed["suppressions"] as? [[String: String]])?.first?["kind"] == "inSource")
    }

    @Test func junit() throws {
        let xml = JUnitReporter.render(Self.input)
        try check(xml, "report.junit.xml")
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "JUnit output is not well-formed XML")
        #expect(counter.suites == 3)
        #expect(counter.cases == 4)
        #expect(counter.failures == 2)
        #expect(counter.skipped == 1)
        #expect(counter.rootAttributes["tests"] == "4" && counter.rootAttributes["failures"] == "2")
    }

    @Test func github() throws {
        try check(GitHubReporter.render(Self.input), "report.github")
        #expect(GitHubReporter.escapeData("50%\nnext") == "50%25%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }

    @Test func markdown() throws {
        try check(MarkdownReporter.render(Self.input), "report.md")
        try check(
            MarkdownReporter.render(
                Self.input, options: .init(maximumFindings: 1, linkBase: "https://github.com/o/r/blob/abc")),
            "report-links.md")
    }

    /// The files counted are those checked and those with findings but no page (an unreadable file), each once.
    @Test func theSummaryCountsFilesWithFindingsThatWereNotCheckedToo() {
        func finding(_ file: String, _ line: Int, severity: Severity = .error) -> Diagnostic {
            Diagnostic(
                ruleID: "r", severity: severity, message: "m",
                location: SourceLocation(file: file, range: SourceRange(line, 1, line, 1)))
        }
        let input = ReportInput(
            root: "/repo", files: ["a.md", "b.md", "c.md"],
            diagnostics: [finding("a.md", 1), finding("a.md", 2, severity: .warning), finding("x.md", 1)],
            rules: [])
        #expect(input.summaryLine == "2 errors, 1 warning in 2 of 4 files")
        let checkedOnly = ReportInput(
            root: "/repo", files: ["a.md", "b.md"], diagnostics: [finding("b.md", 3)], rules: [])
        #expect(checkedOnly.summaryLine == "1 error, 0 warnings in 1 of 2 files")
    }

    @Test func emptyRunsSayHowManyFiles() {
        let input = ReportInput(root: "/repo", files: ["a.md"], diagnostics: [], rules: [])
        #expect(TextReporter.render(input) == "0 errors, 0 warnings in 0 of 1 file\n")
        #expect(MarkdownReporter.render(input) == "## Specmark\n\n✅ No findings in 1 file.\n")
    }
}

/// Counts JUnit elements while parsing.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var suites = 0
    var cases = 0
    var failures = 0
    var skipped = 0
    var rootAttributes: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "testsuites": rootAttributes = attributes
        case "testsuite": suites += 1
        case "testcase": cases += 1
        case "failure": failures += 1
        case "skipped": skipped += 1
        default: break
        }
    }
}
