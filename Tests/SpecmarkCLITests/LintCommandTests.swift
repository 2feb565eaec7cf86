import Foundation
import Testing

@Suite struct LintCommandTests {
    static let frontMatter = """
        ---
        title: "Get a widget"
        description: "Reads a widget."
        author: "specmark"
        localization_priority: Normal
        ms.prod: "widgets"
        doc_type: conceptualPageType
        ---
        """

    static let clean =
        frontMatter + """

            # Get a widget

            Reads a widget.
            """

    @Test func cleanPagesExitZero() async throws {
        let runner = try CLIRunner(files: ["docs/a.md": Self.clean, "docs/sub/b.md": Self.clean])
        defer { runner.remove() }
        let output = try await runner.run("lint", "docs")
        #expect(output.status == 0)
        #expect(output.standardOutput == "0 errors, 0 warnings in 0 of 2 files\n")
    }

    @Test func findingsArePrintedWithRelativePathsAndExitOne() async throws {
        let runner = try CLIRunner(files: [
            "docs/open.md": Self.frontMatter + "\n# Open\n\n```json\n{}\n",
            "docs/front.md": "---\ntitle: [unclosed\n---\n# Front\n",
            "docs/fine.md": Self.clean,
        ])
        defer { runner.remove() }
        let output = try await runner.run("lint", "docs")
        #expect(output.status == 1)
        let lines = output.standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix("docs/") }
        #expect(
            lines == [
                "docs/front.md:2:8: error: front matter is not valid YAML: while parsing a flow sequence: did not find expected ',' or ']' [front-matter-invalid]",
                "docs/open.md:11:1: error: code block opened with '```' is never closed; it runs to the end of its container [code-fence-unclosed]",
            ])
        #expect(output.standardOutput.hasSuffix("\n2 errors, 0 warnings in 2 of 3 files\n"))
        // Each finding shows its source line with a caret under the column.
        #expect(output.standardOutput.contains("[code-fence-unclosed]\n    ```json\n    ^~~\n"))
    }

    @Test func absolutePathsBelowTheWorkingDirectoryAreShownRelative() async throws {
        let runner = try CLIRunner(files: ["open.md": "```\nx\n"])
        defer { runner.remove() }
        let output = try await runner.run("lint", runner.directory.appendingPathComponent("open.md").path)
        #expect(output.standardOutput.hasPrefix("open.md:1:1: error:"))
    }

    @Test func missingPathIsAUsageErrorWithExitTwo() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("lint", "does-not-exist")
        #expect(output.status == 2)
        #expect(output.standardError == "error: does-not-exist: no such file or directory\n")
    }

    @Test func unknownOptionIsAUsageErrorWithExitTwo() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("lint", "--no-such-flag")
        #expect(output.status == 2)
        #expect(output.standardError.contains("Unknown option '--no-such-flag'"))
    }

    @Test func symlinkLoopsAreReportedAndTheRunContinues() async throws {
        let runner = try CLIRunner(files: ["docs/a.md": "```\nopen\n"])
        defer { runner.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: runner.directory.appendingPathComponent("docs/loop").path, withDestinationPath: ".")
        let output = try await runner.run("lint", "docs")
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains(
                "docs/loop:1:1: warning: 'docs/loop' links back to a directory above it; skipped [file-symlink-loop]"))
        #expect(output.standardOutput.contains("docs/a.md:1:1: error: code block opened"))
    }

    @Test func directoryNamedLikeAPageIsWalkedNotRead() async throws {
        let runner = try CLIRunner(files: ["docs/x.md/inner.md": "```\nopen\n"])
        defer { runner.remove() }
        let output = try await runner.run("lint", "docs")
        #expect(output.status == 1)
        #expect(output.standardOutput.hasPrefix("docs/x.md/inner.md:1:1: error:"))
    }
}

@Suite struct RootCommandTests {
    @Test func versionIsPrinted() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("--version")
        #expect(output.status == 0)
        #expect(output.standardOutput == "0.1.0\n")
    }

    @Test func helpListsEverySubcommandAndFlag() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let root = try await runner.run("--help")
        #expect(root.status == 0)
        let golden = try String(contentsOf: CLIRunner.fixtures.appendingPathComponent("help.txt"), encoding: .utf8)
        #expect(root.standardOutput == golden)
        let lint = try await runner.run("lint", "--help")
        for flag in ["--quiet", "--verbose", "<paths>"] {
            #expect(lint.standardOutput.contains(flag), "lint --help lacks \(flag)")
        }
    }

    @Test func dumpPrintsTheTree() async throws {
        let runner = try CLIRunner(files: ["page.md": "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"])
        defer { runner.remove() }
        let output = try await runner.run("dump", "page.md")
        #expect(output.status == 0)
        #expect(
            output.standardOutput.hasPrefix(
                "Document \"page.md\" lines: 5\nHeading @1:1-1:7 level: 1 \"Title\"\nTable @3:1-5:9 columns: 2"))
    }
}

@Suite struct RulesCommandTests {
    @Test func rulesListsEveryRuleWithSeverity() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("rules")
        #expect(output.status == 0)
        #expect(
            output.standardOutput.contains(
                "  response-status-mismatch            error    a response example's status is not one the Response section states\n"
            ))
        #expect(output.standardOutput.hasPrefix("annotations\n"))
        #expect(
            output.standardOutput.contains(
                "  http-reason-phrase                  warning  a status line's reason phrase is not the standard one for its code [fixable]\n"
            ))
        #expect(
            output.standardOutput.hasSuffix(
                "8 rules are [fixable]: 'specmark lint --fix' repairs their findings, and an editor offers the same fixes.\n"
            ))
    }

    @Test func explainShowsAFixableRulesExamplesAfterTheFix() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("explain", "http-reason-phrase")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("Fixable: 'specmark lint --fix' repairs its findings"))
        #expect(
            output.standardOutput.contains(
                "  after 'specmark lint --fix':\n    <!-- { \"blockType\": \"response\" } -->\n    ```http\n    HTTP/1.1 204 No Content\n"
            ))
    }

    @Test func explainPrintsRationaleAndExamples() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("explain", "response-204-has-content")
        #expect(output.status == 0)
        #expect(output.standardOutput.hasPrefix("response-204-has-content (status, error)\n"))
        #expect(output.standardOutput.contains("Reports (1️⃣ marks where; the same marker again, where it ends):"))
        #expect(output.standardOutput.contains("      1️⃣\"@odata.type\"1️⃣: \"microsoft.graph.widget\""))
        #expect(
            output.standardOutput.contains(
                "  1️⃣ 204 No Content response 'HTTP/1.1 204 No Content' declares type 'microsoft.graph.widget'\n"))
    }

    @Test func explainUnknownRuleSuggestsTheClosest() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("explain", "response-status-mismatc")
        #expect(output.status == 2)
        #expect(
            output.standardError.contains(
                "unknown rule 'response-status-mismatc'; did you mean 'response-status-mismatch'?"))
    }
}

@Suite struct ExitPolicyAndReportsTests {
    static let warningOnly = """
        ---
        title: "Delete widget"
        description: "Deletes a widget."
        author: "specmark"
        localization_priority: Normal
        ms.prod: "widgets"
        doc_type: apiPageType
        ---
        <!-- { "blockType": "request", "name": "delete_widget" } -->
        ```http
        DELETE https://graph.microsoft.com/v1.0/widgets/1
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 204 NoContent
        ```
        """

    @Test func failOnDecidesTheExitStatus() async throws {
        let runner = try CLIRunner(files: ["page.md": Self.warningOnly])
        defer { runner.remove() }
        #expect(try await runner.run("lint", "page.md").status == 0)
        #expect(try await runner.run("lint", "page.md", "--fail-on", "warning").status == 1)
        #expect(try await runner.run("lint", "page.md", "--fail-on", "never").status == 0)
        #expect(try await runner.run("lint", "page.md", "--max-warnings", "0").status == 1)
        #expect(try await runner.run("lint", "page.md", "--max-warnings", "1").status == 0)
        #expect(try await runner.run("lint", "page.md", "--fail-on", "sometimes").status == 2)
    }

    @Test func configurationDecidesTooAndItsErrorsExitTwo() async throws {
        let runner = try CLIRunner(files: [
            "docs/page.md": Self.warningOnly, "docs/.specmark.yml": "fail-on: warning\n",
        ])
        defer { runner.remove() }
        #expect(try await runner.run("lint", "docs").status == 1)
        try runner.write("docs/.specmark.yml", "fail-on: warning\nrules:\n  http-reason-phrase: off\n")
        #expect(try await runner.run("lint", "docs").status == 0)
        try runner.write("docs/.specmark.yml", "rules:\n  http-reason-phrase: loud\n")
        let broken = try await runner.run("lint", "docs")
        #expect(broken.status == 2)
        #expect(
            broken.standardError
                == "docs/.specmark.yml:2:23: error: 'http-reason-phrase' must be off, note, warning or error, not 'loud'\n"
        )
        #expect(try await runner.run("lint", "docs", "--no-config").status == 0)
    }

    @Test func reportsAreWrittenInEveryFormatInOneRun() async throws {
        let runner = try CLIRunner(files: ["page.md": Self.warningOnly])
        defer { runner.remove() }
        let output = try await runner.run(
            "lint", "page.md", "--format", "github", "--report", "sarif=out/r.sarif", "--report", "junit=out/r.xml",
            "--report", "json=out/r.json", "--report", "markdown=out/r.md", "--report", "text=out/r.txt")
        // The out/ folder does not exist yet: it is made. A path under a file cannot be, and is a usage error.
        #expect(output.status == 0)
        let blocked = try await runner.run("lint", "page.md", "--format", "summary", "--report", "json=page.md/r.json")
        #expect(blocked.status == 2)
        #expect(blocked.standardError.hasPrefix("error: cannot write page.md/r.json"))
        let again = try await runner.run(
            "lint", "page.md", "--format", "github", "--report", "sarif=out/r.sarif", "--report", "junit=out/r.xml",
            "--report", "json=out/r.json", "--report", "markdown=out/r.md", "--report", "text=out/r.txt")
        #expect(again.status == 0)
        #expect(
            again.standardOutput
                == "::warning file=page.md,line=15,col=14,endLine=15,endColumn=22,title=http-reason-phrase::status 204 has reason phrase 'NoContent'; the standard phrase is 'No Content'\n"
        )
        for name in ["r.sarif", "r.xml", "r.json", "r.md", "r.txt"] {
            let contents = try String(
                contentsOf: runner.directory.appendingPathComponent("out/\(name)"), encoding: .utf8)
            #expect(contents.contains("NoContent"), "\(name)")
        }
        let text = try String(contentsOf: runner.directory.appendingPathComponent("out/r.txt"), encoding: .utf8)
        #expect(!text.contains("\u{1B}["), "files never get colours")
        let bad = try await runner.run("lint", "page.md", "--report", "yaml=x")
        #expect(bad.status == 2)
    }

    @Test func colourFollowsTheFlagAndNOCOLOR() async throws {
        let runner = try CLIRunner(files: ["page.md": Self.warningOnly])
        defer { runner.remove() }
        #expect(
            try await runner.run("lint", "page.md", "--color", "always").standardOutput.contains("\u{1B}[1;33mwarning:")
        )
        #expect(!(try await runner.run("lint", "page.md", "--color", "auto").standardOutput.contains("\u{1B}[")))
    }

    @Test func baselineFailsOnlyOnNewFindings() async throws {
        let runner = try CLIRunner(files: ["page.md": Self.warningOnly])
        defer { runner.remove() }
        #expect(
            try await runner.run("lint", "page.md", "--fail-on", "warning", "--write-baseline", "baseline.json").status
                == 1)
        let quiet = try await runner.run("lint", "page.md", "--fail-on", "warning", "--baseline", "baseline.json")
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput == "0 errors, 0 warnings in 0 of 1 file (1 in the baseline)\n")
        try runner.write("page.md", Self.warningOnly.replacingOccurrences(of: "NoContent", with: "No Content"))
        let fixed = try await runner.run("lint", "page.md", "--baseline", "baseline.json")
        #expect(fixed.standardOutput == "0 errors, 0 warnings in 0 of 1 file (1 baseline entry fixed)\n")
    }
}
