import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

@Suite struct LinterTests {
    static let page = """
        <!-- { "blockType": "response", "truncated": "true" } -->
        ```http
        HTTP/1.1 204 NoContent
        ```
        """

    static func docs(_ pages: [(String, String)]) -> DocSet {
        DocSet(pages: pages.map { PageExtractor().extract(bytes: Array($0.1.utf8), file: $0.0) })
    }

    /// Found by the page fuzzer: `../d` from `api/` resolves to `d`, and Foundation's path splitting trapped on a
    /// one-character relative path while looking for a sibling to suggest.
    @Test func aLinkToAOneCharacterPathIsAFindingNotATrap() async {
        let docs = Self.docs([("api/fuzz.md", "See [x](../d) and [y](e).\n")])
        let found = await Linter().lint(docs, logger: Logger(label: "t")).filter { $0.ruleID == "link-broken" }
        #expect(
            found.map { "\($0.location.range.start) \($0.message)" } == [
                "1:9 link target '../d' does not exist", "1:23 link target 'e' does not exist",
            ])
    }

    @Test func configuredSeveritiesAndOffRulesApply() async {
        let docs = Self.docs([("a.md", Self.page)])
        let defaults = await Linter().lint(docs, logger: Logger(label: "t"))
        #expect(
            defaults.map { "\($0.ruleID):\($0.severity)" } == [
                "annotation-value-type:warning", "example-response-unpaired:warning", "http-reason-phrase:warning",
            ])
        let configured = LintConfiguration(settings: ["http-reason-phrase": .on(.error), "annotation-value-type": .off])
        let diagnostics = await Linter(configuration: configured).lint(docs, logger: Logger(label: "t"))
        #expect(
            diagnostics.map { "\($0.ruleID):\($0.severity)" } == [
                "example-response-unpaired:warning", "http-reason-phrase:error",
            ])
    }

    @Test func pageSubsetKeepsDocSetLookupsButReportsOnlyThosePages() async {
        let one = "<!-- { \"blockType\": \"request\", \"name\": \"same\" } -->\n```http\nGET /a\n```\n"
        let docs = Self.docs([("v1.0/a.md", one), ("v1.0/b.md", one)])
        let all = await Linter().lint(docs, logger: Logger(label: "t"))
        #expect(all.filter { $0.ruleID == "example-name-duplicate" }.map(\.location.file) == ["v1.0/b.md"])
        let onlyA = await Linter().lint(docs, pages: [0], logger: Logger(label: "t"))
        #expect(Set(onlyA.map(\.location.file)) == ["v1.0/a.md"])
        let onlyB = await Linter().lint(docs, pages: [1], logger: Logger(label: "t"))
        #expect(onlyB.contains { $0.ruleID == "example-name-duplicate" && $0.severity == .warning })
    }

    @Test func diagnosticsNoRuleClaimsAreKept() async {
        var page = PageExtractor().extract(bytes: Array("# x\n".utf8), file: "x.md")
        page.diagnostics.append(
            Diagnostic(
                ruleID: "from-the-future", severity: .error, message: "m",
                location: SourceLocation(file: "x.md", range: SourceRange(1, 1, 1, 1))))
        let diagnostics = await Linter().lint(DocSet(pages: [page]), logger: Logger(label: "t"))
        #expect(diagnostics.map(\.ruleID).contains("from-the-future"))
        #expect(diagnostics.first { $0.ruleID == "from-the-future" }?.severity == .error)
    }
}
