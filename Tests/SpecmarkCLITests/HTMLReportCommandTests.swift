import Foundation
import Testing

/// `--format html` and `--report html=PATH` through the built binary: the docs-samples report as a golden, a
/// hostile page, a baseline run and a replay.
@Suite struct HTMLReportCommandTests {
    private func check(_ actual: String, _ name: String) throws {
        let url = CLIRunner.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs")
    }

    /// The report with the runner's directory (the run's root, which differs every run) replaced.
    private func normalised(_ html: String, _ runner: CLIRunner) -> String {
        html.replacingOccurrences(of: runner.directory.path, with: "/ROOT")
    }

    @Test func theSamplesReportIsTheGolden() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run(
            "lint", "--no-cache", "--format", "html", "--link-base", "https://example.com/samples/blob/main", "docs")
        #expect(output.status == 1)
        try check(normalised(output.standardOutput, runner), "report-samples.html")
        // Its counts are the run's: one finding element per diagnostic of the JSON report, and the same totals.
        let json = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        let findings = try IncrementalTests.findings(json.standardOutput)
        #expect(output.standardOutput.components(separatedBy: "<article class=\"finding ").count - 1 == findings.count)
        let summary = try await runner.run("lint", "--no-cache", "--format", "summary", "docs")
        let line = summary.standardOutput.trimmingCharacters(in: .newlines)
        #expect(output.standardOutput.contains("<p class=\"summary\">\(line)</p>"))
        // The samples' metadata is read, so coverage is shown.
        #expect(output.standardOutput.contains("<h3>docs/metadata/sensors-v1.0.csdl.xml</h3>"))
    }

    @Test func aHostilePageIsShownAsText() async throws {
        let page = """
            # Get <script>alert("owned")</script> widget

            ## HTTP request

            ```http
            GET /widgets/{id}
            ```

            ## Reponse <img src=x onerror=alert(1)>

            See [the <script>alert(2)</script> page](missing-<b>page</b>.md).
            """
        let runner = try CLIRunner(files: ["docs/api/widget-get.md": page])
        defer { runner.remove() }
        let output = try await runner.run("lint", "--no-cache", "--format", "html", "docs")
        #expect(output.status == 1)
        let html = output.standardOutput
        #expect(html.components(separatedBy: "<script").count == 2, "only the report's own script")
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>page"))
        #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func aReportFileIsWrittenBesideTheStdoutFormat() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run(
            "lint", "--no-cache", "--format", "summary", "--report", "html=out/report.html", "docs")
        #expect(output.status == 1)
        #expect(output.standardOutput.hasSuffix("files\n"))
        let html = try String(
            contentsOf: runner.directory.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Specmark lint report</title>"))
    }

    @Test func aBaselineRunShowsWhatChanged() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        _ = try await runner.run("lint", "--no-cache", "--quiet", "--write-baseline", "baseline.json", "docs")
        // Repair one defect (the reason phrase) and add another.
        let status = runner.directory.appendingPathComponent("docs/defects/status-mismatch.md")
        let text = try String(contentsOf: status, encoding: .utf8)
        try runner.write("docs/defects/status-mismatch.md", text + "\nSee [nothing](nothing-here.md).\n")
        try FileManager.default.removeItem(at: runner.directory.appendingPathComponent("docs/defects/broken-link.md"))
        let output = try await runner.run(
            "lint", "--no-cache", "--format", "html", "--baseline", "baseline.json", "docs")
        let html = output.standardOutput
        #expect(html.contains(#"<section id="change">"#))
        #expect(html.contains(#"<div class="card error"><span class="count">1</span> new</div>"#))
        #expect(html.contains(#"<div class="card good"><span class="count">1</span> fixed</div>"#))
        #expect(
            html.contains(
                ##"<tr><td><a href="#rule-link-broken">link-broken</a></td><td>1</td><td>0</td><td>1</td></tr>"##))
    }

    @Test func aReplayReportShowsOutcomesByAreaAndTheFailure() async throws {
        let runner = try CLIRunner(files: try IncrementalTests.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run("replay", "--mock", "--format", "html", "docs")
        #expect(output.status == 1)
        let html = output.standardOutput
        #expect(html.contains("<title>Specmark replay report</title>"))
        #expect(html.contains(#"<section id="replay">"#))
        #expect(html.contains("<h3>Failures</h3>"))
        #expect(html.contains("<tr><td>defects</td>"))
        #expect(html.contains("<tr><td>sensordevice</td>"))
    }
}
