import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

@Suite struct BaselineTests {
    static let page = """
        # Update widget

        ## Response
        If successful, this method returns a `204 No Content` response code.

        <!-- { "blockType": "request", "name": "update_widget" } -->
        ```http
        PATCH https://graph.microsoft.com/v1.0/widgets/1
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """

    static func lint(_ text: String) async -> [Diagnostic] {
        let docs = DocSet(pages: [PageExtractor().extract(bytes: Array(text.utf8), file: "widget-update.md")])
        // The page is a fragment without front matter; only the example rules matter here.
        return await Linter(configuration: LintConfiguration(settings: ["front-matter-required": .off]))
            .lint(docs, logger: Logger(label: "t"))
    }

    @Test func editingAboveAFindingKeepsItsBaselineEntry() async throws {
        let before = await Self.lint(Self.page)
        let baseline = Baseline(before)
        #expect(baseline.entries.map(\.rule) == ["response-status-mismatch"])
        // Three paragraphs added above the finding move it down six lines.
        let edited = Self.page.replacingFirst(
            "## Response", with: "Intro one.\n\nIntro two.\n\nIntro three.\n\n## Response")
        var after = await Self.lint(edited)
        #expect(after.first?.location.range.start.line == (before.first?.location.range.start.line ?? 0) + 6)
        let fixed = baseline.apply(to: &after)
        #expect(fixed == 0)
        #expect(after.map(\.baselineState) == [.unchanged])
    }

    @Test func newFindingsAreNewAndFixedOnesAreCounted() async throws {
        let baseline = Baseline(await Self.lint(Self.page))
        var fixedPage = await Self.lint(Self.page.replacingFirst("HTTP/1.1 200 OK", with: "HTTP/1.1 204 No Content"))
        #expect(baseline.apply(to: &fixedPage) == 1)
        var worse = await Self.lint(Self.page.replacingFirst("HTTP/1.1 200 OK", with: "HTTP/1.1 200 Fine"))
        _ = baseline.apply(to: &worse)
        #expect(
            worse.map { "\($0.ruleID):\($0.baselineState?.rawValue ?? "-")" } == [
                "response-status-mismatch:unchanged", "http-reason-phrase:new",
            ])
    }

    @Test func baselineRoundTripsThroughJSON() async throws {
        let baseline = Baseline(await Self.lint(Self.page))
        let decoded = try JSONDecoderShim.decode(baseline.json)
        #expect(decoded == baseline)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = self.range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
