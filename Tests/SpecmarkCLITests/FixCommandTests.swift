import Foundation
import Testing

/// `specmark lint --fix` and `--fix-dry-run` against golden before and after pages.
@Suite struct FixCommandTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: CLIRunner.fixtures.appendingPathComponent("fix/\(name)"), encoding: .utf8)
    }

    static let page = "v1.0/api/widget-create.md"

    @Test func fixRewritesThePageAsTheGoldenAfterPageAndSaysWhatItChanged() async throws {
        let runner = try CLIRunner(files: [Self.page: try Self.fixture("widget-create.md")])
        defer { runner.remove() }
        let output = try await runner.run("lint", "v1.0", "--fix")
        let fixed = try String(contentsOf: runner.directory.appendingPathComponent(Self.page), encoding: .utf8)
        #expect(fixed == (try Self.fixture("widget-create.fixed.md")))
        #expect(
            output.standardError.split(separator: "\n").filter { $0.contains("fixed") } == [
                "v1.0/api/widget-create.md:18:41: fixed permissions-not-supported-spelling: Write 'Not supported.'",
                "v1.0/api/widget-create.md:19:2: fixed permissions-label-unknown: Write 'Application'",
                "v1.0/api/widget-create.md:21:1: fixed outline-heading-case: Write 'HTTP request'",
                "v1.0/api/widget-create.md:42:1: fixed body-content-type-missing: Add 'Content-Type: application/json'",
                "v1.0/api/widget-create.md:51:14: fixed http-reason-phrase: Write 'Created'",
                "fixed 5 findings in 1 file",
            ])
        // What is left is reported as a lint would, on the fixed page; the suppressed phrase is not touched.
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains("v1.0/api/widget-create.md:62:1: error: response to 'create_widget' is 409"))
        #expect(!output.standardOutput.contains("http-reason-phrase"))
        #expect(fixed.contains("HTTP/1.1 409 Exists"))
        // A second --fix changes nothing.
        let again = try await runner.run("lint", "v1.0", "--fix")
        #expect(again.standardError.contains("fixed 0 findings in 0 files"))
        #expect(try String(contentsOf: runner.directory.appendingPathComponent(Self.page), encoding: .utf8) == fixed)
    }

    @Test func dryRunPrintsTheGoldenDiffAndWritesNothing() async throws {
        let before = try Self.fixture("widget-create.md")
        let runner = try CLIRunner(files: [Self.page: before])
        defer { runner.remove() }
        let output = try await runner.run("lint", "v1.0", "--fix-dry-run")
        #expect(output.status == 1)
        #expect(output.standardOutput == (try Self.fixture("widget-create.diff")))
        #expect(output.standardError.contains("5 fixes in 1 file would be applied (dry run: nothing written)"))
        #expect(try String(contentsOf: runner.directory.appendingPathComponent(Self.page), encoding: .utf8) == before)
        // With nothing to fix, a dry run passes.
        let clean = try CLIRunner(files: [Self.page: try Self.fixture("widget-create.fixed.md")])
        defer { clean.remove() }
        let none = try await clean.run("lint", "v1.0", "--fix-dry-run")
        #expect(none.status == 0)
        #expect(none.standardOutput.isEmpty)
    }

    @Test func fixKeepsWindowsLineEndingsByteForByte() async throws {
        let before = try Self.fixture("widget-create.md").replacingOccurrences(of: "\n", with: "\r\n")
        let runner = try CLIRunner(files: [Self.page: before])
        defer { runner.remove() }
        _ = try await runner.run("lint", "v1.0", "--fix", "--quiet")
        let fixed = try Data(contentsOf: runner.directory.appendingPathComponent(Self.page))
        let expected = try Self.fixture("widget-create.fixed.md").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(fixed == Data(expected.utf8))
    }

    @Test func fixAndDryRunExcludeEachOther() async throws {
        let runner = try CLIRunner(files: [Self.page: try Self.fixture("widget-create.md")])
        defer { runner.remove() }
        let output = try await runner.run("lint", "v1.0", "--fix", "--fix-dry-run")
        #expect(output.status == 2)
        #expect(output.standardError.contains("--fix and --fix-dry-run exclude each other"))
    }
}
