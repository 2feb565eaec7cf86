import Foundation
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
        #expect(fixed.isEmpty)
        #expect(after.map(\.baselineState) == [.unchanged])
    }

    @Test func newFindingsAreNewAndFixedOnesAreCounted() async throws {
        let baseline = Baseline(await Self.lint(Self.page))
        var fixedPage = await Self.lint(Self.page.replacingFirst("HTTP/1.1 200 OK", with: "HTTP/1.1 204 No Content"))
        #expect(baseline.apply(to: &fixedPage).map(\.rule) == ["response-status-mismatch"])
        var worse = await Self.lint(Self.page.replacingFirst("HTTP/1.1 200 OK", with: "HTTP/1.1 200 Fine"))
        _ = baseline.apply(to: &worse)
        #expect(
            worse.map { "\($0.ruleID):\($0.baselineState?.rawValue ?? "-")" } == [
                "response-status-mismatch:unchanged", "http-reason-phrase:new",
            ])
    }

    /// Findings without an example name are anchored on something other than their line: an unreadable
    /// annotation on its text, an unnamed example on its place among the page's examples.
    @Test func findingsWithoutNamesKeepTheirFingerprintsWhenTextAboveMoves() async throws {
        let page = """
            # Get widget

            <!-- { "blockType": "request" "name": "get_widget" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/1
            Content-Type application/json
            ```

            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            { "id": "1", }
            ```
            """
        let before = await Self.lint(page)
        #expect(
            Set(before.map(\.ruleID)).isSuperset(of: [
                "annotation-invalid-json", "http-header-invalid", "body-tolerant-json",
            ]))
        let after = await Self.lint(page.replacingFirst("# Get widget", with: "# Get widget\n\nAn added paragraph.\n"))
        #expect(after.map(\.location.range.start.line) == before.map { $0.location.range.start.line + 3 })
        #expect(after.map(\.fingerprint) == before.map(\.fingerprint))
    }

    /// Over every sample page: blank lines and a paragraph added after the front matter move every finding,
    /// and every finding keeps its fingerprint.
    @Test func everySampleFindingKeepsItsFingerprintWhenTheTextAboveItMoves() async throws {
        let root = SamplesTests.samples.path
        let discovery = try FileDiscovery().discover([root])
        func lint(_ edit: (String) -> String) async throws -> [Diagnostic] {
            var pages: [PageContract] = []
            for file in discovery.files where !file.hasSuffix("README.md") {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                pages.append(PageExtractor().extract(bytes: Array(edit(text).utf8), file: file))
            }
            return await Linter().lint(DocSet(pages: pages), logger: Logger(label: "t"))
        }
        let before = try await lint { $0 }
        let after = try await lint { text in
            // After the front matter's closing line, or at the top of a page without one.
            guard text.hasPrefix("---\n"),
                let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
            else { return "An added paragraph.\n\n" + text }
            return text.replacingCharacters(in: close, with: "\n---\n\n\nAn added paragraph.\n")
        }
        #expect(before.count >= 13)
        #expect(Set(before.map(\.fingerprint)).isSubset(of: Set(after.map(\.fingerprint))))
        let moved = zip(before, after).filter { $0.location.range.start.line != $1.location.range.start.line }
        #expect(!moved.isEmpty)
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
