import Foundation
import Testing

@Suite struct ReplayCommandTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    @Test func replayingTheSamplesAgainstTheMockPassesWithOneTestCasePerExample() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run(
            "replay", "--mock", Self.samples.appendingPathComponent("v1.0").path, "--format", "junit",
            "--report", "text=replay.txt")
        #expect(output.status == 0, "\(output.standardError)")
        let testCases = output.standardOutput.components(separatedBy: "<testcase ").count - 1
        #expect(testCases == 6)
        #expect(output.standardOutput.contains("classname=\"specmark.replay."))
        #expect(!output.standardOutput.contains("<failure"))
        let text = try String(contentsOf: runner.directory.appendingPathComponent("replay.txt"), encoding: .utf8)
        #expect(text.contains("PASS   get_sensordevice"))
        #expect(
            text.hasSuffix(
                "6 examples: 6 passed, 0 failed, 0 skipped, 0 errors; 0 errors, 0 warnings in 0 of 6 files\n"))
    }

    @Test func aContradictionInTheDocsFailsTheReplayWithExitOne() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("replay", "--mock", Self.samples.path, "--quiet")
        #expect(output.status == 1)
        #expect(output.standardOutput.hasPrefix("FAIL   body_type_mismatch_get_sensordevice"))
        #expect(
            output.standardOutput.contains(
                "/body-type-mismatch.md:77:3: error: the service's $.isOnline is the string \"yes\" but its type is Boolean [replay-property-type-mismatch]"
            ))
        #expect(!output.standardOutput.contains("PASS"))
    }

    /// A folder is replayed in the context of the doc set its .specmark.yml covers: the type its example
    /// contradicts is defined outside it, and the replay fails exactly as the full run does (the misspelt
    /// property the mock sends back is a warning).
    @Test func aFolderIsReplayedAgainstTheWholeDocSet() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run(
            "replay", "--mock", Self.samples.appendingPathComponent("defects").path, "--format", "summary")
        #expect(output.status == 1)
        #expect(
            output.standardOutput
                == "15 examples: 14 passed, 1 failed, 0 skipped, 0 errors; 1 error, 1 warning in 2 of 15 files\n")
    }

    /// `rules:` in .specmark.yml sets a replay rule's severity: at a warning the contradiction no longer fails.
    @Test func replayRulesAreConfiguredInTheConfigurationFile() async throws {
        var files = try IncrementalTests.sampleFiles()
        files["docs/.specmark.yml"] =
            "version: 1\nexclude: [README.md]\nmetadata: metadata/sensors-v1.0.csdl.xml\nrules: { replay-property-type-mismatch: warning }\n"
        let runner = try CLIRunner(files: files)
        defer { runner.remove() }
        let output = try await runner.run("replay", "--mock", "docs", "--format", "summary")
        #expect(output.status == 0, "\(output.standardError)")
        #expect(
            output.standardOutput
                == "21 examples: 21 passed, 0 failed, 0 skipped, 0 errors; 0 errors, 2 warnings in 2 of 21 files\n")
    }

    @Test func aTargetIsRequiredAndOnlyOne() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let none = try await runner.run("replay", Self.samples.path)
        #expect(none.status == 2)
        #expect(none.standardError.contains("give --base-url URL or --mock"))
        let both = try await runner.run("replay", "--mock", "--base-url", "http://127.0.0.1:1", Self.samples.path)
        #expect(both.status == 2)
        let bad = try await runner.run("replay", "--base-url", "graph.example.com", Self.samples.path)
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--base-url takes http(s) URLs"))
    }

    @Test func aMissingTokenVariableIsAUsageErrorThatNamesIt() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run(
            "replay", "--base-url", "http://127.0.0.1:1", "--token-env", "SPECMARK_TEST_NO_SUCH_TOKEN",
            Self.samples.path)
        #expect(output.status == 2)
        #expect(output.standardError.contains("the environment variable SPECMARK_TEST_NO_SUCH_TOKEN is not set"))
    }

    /// Nothing listens on the port: every GET errors with a clear message, every write is skipped, and the
    /// token never appears.
    @Test func anUnreachableServiceGivesOneOutcomePerExampleAndNoSecrets() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run(
            "replay", "--base-url", "v1.0=http://127.0.0.1:9/v1.0", "--token-env", "SPECMARK_TEST_TOKEN",
            "--attempts", "1", "--format", "json", Self.samples.appendingPathComponent("v1.0").path,
            environment: ["SPECMARK_TEST_TOKEN": "tok-CLI-SECRET-42"])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("\"errors\" : 2"))
        #expect(output.standardOutput.contains("\"skipped\" : 4"))
        #expect(output.standardOutput.contains("refused the connection"))
        #expect(!output.standardOutput.contains("tok-CLI-SECRET-42"))
        #expect(!output.standardError.contains("tok-CLI-SECRET-42"))
    }
}
