import Foundation
import Testing

/// `specmark model` (its JSON shape is documented as stable, schema version 1), `specmark init` and
/// `specmark rules`, against golden files in Fixtures/ (`SPECMARK_UPDATE_GOLDEN=1` rewrites them).
@Suite struct ModelAndInitTests {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = CLIRunner.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard actual != expected else { return }
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            "\(name) differs at line \(first + 1):\n  expected: \(first < expectedLines.count ? expectedLines[first] : "<end>")\n  actual:   \(first < actualLines.count ? actualLines[first] : "<end>")",
            sourceLocation: sourceLocation)
    }

    @Test func modelJSONOfTheSamplesMatchesItsGoldenFile() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run("model", "--format", "json", "docs")
        #expect(output.status == 0, "\(output.standardError)")
        try Self.check(output.standardOutput, against: "model-samples.json")
        // The documented top-level shape.
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        #expect(
            Set(object?.keys.map { $0 } ?? []) == [
                "schemaVersion", "tool", "pages", "resources", "enums", "diagnostics", "metadata",
            ])
        #expect(object?["schemaVersion"] as? Int == 1)
    }

    @Test func modelTextAndSummaryOfTheSamplesMatchTheirGoldenFiles() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        let text = try await runner.run("model", "docs")
        #expect(text.status == 0)
        try Self.check(text.standardOutput, against: "model-samples.txt")
        let summary = try await runner.run("model", "--format", "summary", "docs")
        #expect(summary.status == 0)
        try Self.check(summary.standardOutput, against: "model-samples-summary.txt")
    }

    /// The severity a model reports for an issue is its rule's, as configured.
    @Test func modelSeveritiesFollowTheConfiguration() async throws {
        var files = try IncrementalTests.sampleFiles()
        files["docs/.specmark.yml"] =
            "version: 1\nexclude: [README.md]\nrules: { annotation-invalid-json: warning, body-invalid-json: off }\n"
        let runner = try CLIRunner(files: files)
        defer { runner.remove() }
        let output = try await runner.run("model", "--format", "json", "docs")
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(
            diagnostics.filter { $0["rule"] as? String == "annotation-invalid-json" }.map { $0["severity"] as? String }
                == ["warning"])
        #expect(!diagnostics.contains { $0["rule"] as? String == "body-invalid-json" })
    }

    @Test func initWritesTheStarterOnceAndItIsAValidConfiguration() async throws {
        let runner = try CLIRunner(files: ["docs/page.md": "# A page\n"])
        defer { runner.remove() }
        let output = try await runner.run("init")
        #expect(output.status == 0)
        #expect(output.standardOutput == "wrote .specmark.yml\n")
        let written = try String(contentsOf: runner.directory.appendingPathComponent(".specmark.yml"), encoding: .utf8)
        try Self.check(written, against: "init.specmark.yml")
        // Every key in it is one the configuration reader knows.
        let lint = try await runner.run("lint", "--no-cache", "--format", "summary", "docs")
        #expect(lint.status != 2, "\(lint.standardError)")
        let again = try await runner.run("init")
        #expect(again.status == 2)
        #expect(again.standardError == "error: .specmark.yml already exists; use --force to replace it\n")
        let forced = try await runner.run("init", "--force", "--path", "other.yml")
        #expect(forced.status == 0)
        #expect(forced.standardOutput == "wrote other.yml\n")
    }

    @Test func rulesListsLintAndReplayRules() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("rules")
        #expect(output.status == 0)
        try Self.check(output.standardOutput, against: "rules.txt")
    }
}
