import Foundation
import Testing

@Suite struct LintCommandTests {
    static let clean = """
        ---
        title: "Get a widget"
        ---

        # Get a widget

        Reads a widget.
        """

    @Test func cleanPagesExitZero() throws {
        let runner = try CLIRunner(files: ["docs/a.md": Self.clean, "docs/sub/b.md": Self.clean])
        defer { runner.remove() }
        let output = try runner.run("lint", "docs")
        #expect(output.status == 0)
        #expect(output.standardOutput == "")
        #expect(output.standardError == "0 errors, 0 warnings in 0 of 2 files\n")
    }

    @Test func findingsArePrintedWithRelativePathsAndExitOne() throws {
        let runner = try CLIRunner(files: [
            "docs/open.md": "# Open\n\n```json\n{}\n",
            "docs/front.md": "---\ntitle: [unclosed\n---\n# Front\n",
            "docs/fine.md": Self.clean,
        ])
        defer { runner.remove() }
        let output = try runner.run("lint", "docs")
        #expect(output.status == 1)
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "docs/front.md:2:8: error: front matter is not valid YAML: while parsing a flow sequence: did not find expected ',' or ']' [front-matter-invalid]",
                "docs/open.md:3:1: error: code block opened with '```' is never closed; it runs to the end of its container [code-fence-unclosed]",
            ])
        #expect(output.standardError == "2 errors, 0 warnings in 2 of 3 files\n")
    }

    @Test func absolutePathsBelowTheWorkingDirectoryAreShownRelative() throws {
        let runner = try CLIRunner(files: ["open.md": "```\nx\n"])
        defer { runner.remove() }
        let output = try runner.run("lint", runner.directory.appendingPathComponent("open.md").path)
        #expect(output.standardOutput.hasPrefix("open.md:1:1: error:"))
    }

    @Test func missingPathIsAUsageErrorWithExitTwo() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("lint", "does-not-exist")
        #expect(output.status == 2)
        #expect(output.standardError == "error: does-not-exist: no such file or directory\n")
    }

    @Test func unknownOptionIsAUsageErrorWithExitTwo() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("lint", "--no-such-flag")
        #expect(output.status == 2)
        #expect(output.standardError.contains("Unknown option '--no-such-flag'"))
    }

    @Test func symlinkLoopsAreReportedAndTheRunContinues() throws {
        let runner = try CLIRunner(files: ["docs/a.md": "```\nopen\n"])
        defer { runner.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: runner.directory.appendingPathComponent("docs/loop").path, withDestinationPath: ".")
        let output = try runner.run("lint", "docs")
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains(
                "docs/loop:1:1: warning: 'docs/loop' links back to a directory above it; skipped [file-symlink-loop]"))
        #expect(output.standardOutput.contains("docs/a.md:1:1: error: code block opened"))
    }

    @Test func directoryNamedLikeAPageIsWalkedNotRead() throws {
        let runner = try CLIRunner(files: ["docs/x.md/inner.md": "```\nopen\n"])
        defer { runner.remove() }
        let output = try runner.run("lint", "docs")
        #expect(output.status == 1)
        #expect(output.standardOutput.hasPrefix("docs/x.md/inner.md:1:1: error:"))
    }
}

@Suite struct RootCommandTests {
    @Test func versionIsPrinted() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("--version")
        #expect(output.status == 0)
        #expect(output.standardOutput == "0.1.0\n")
    }

    @Test func helpListsEverySubcommandAndFlag() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let root = try runner.run("--help")
        #expect(root.status == 0)
        let golden = try String(contentsOf: CLIRunner.fixtures.appendingPathComponent("help.txt"), encoding: .utf8)
        #expect(root.standardOutput == golden)
        let lint = try runner.run("lint", "--help")
        for flag in ["--quiet", "--verbose", "<paths>"] {
            #expect(lint.standardOutput.contains(flag), "lint --help lacks \(flag)")
        }
    }

    @Test func dumpPrintsTheTree() throws {
        let runner = try CLIRunner(files: ["page.md": "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"])
        defer { runner.remove() }
        let output = try runner.run("dump", "page.md")
        #expect(output.status == 0)
        #expect(
            output.standardOutput.hasPrefix(
                "Document \"page.md\" lines: 5\nHeading @1:1-1:7 level: 1 \"Title\"\nTable @3:1-5:9 columns: 2"))
    }
}

@Suite struct RulesCommandTests {
    @Test func rulesListsEveryRuleWithSeverity() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("rules")
        #expect(output.status == 0)
        #expect(
            output.standardOutput.contains(
                "  response-status-mismatch       error    a response example's status is not one the Response section states\n"
            ))
        #expect(output.standardOutput.hasPrefix("annotations\n"))
        #expect(output.standardOutput.hasSuffix("'specmark explain RULE' prints a rule's rationale and examples.\n"))
    }

    @Test func explainPrintsRationaleAndExamples() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("explain", "response-204-has-content")
        #expect(output.status == 0)
        #expect(output.standardOutput.hasPrefix("response-204-has-content (status, error)\n"))
        #expect(output.standardOutput.contains("Reports (1️⃣ marks where):"))
        #expect(output.standardOutput.contains("      1️⃣\"@odata.type\": \"microsoft.graph.widget\""))
    }

    @Test func explainUnknownRuleSuggestsTheClosest() throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try runner.run("explain", "response-status-mismatc")
        #expect(output.status == 2)
        #expect(
            output.standardError.contains(
                "unknown rule 'response-status-mismatc'; did you mean 'response-status-mismatch'?"))
    }
}
