import Foundation
import Testing

/// Inputs built to break a docs tool. Each must end in a diagnostic (or a skip with one), in bounded time and
/// memory, with the rest of the run completing and the documented exit code.
@Suite struct AdversarialTests {
    static let head =
        "---\ntitle: \"t\"\ndescription: \"d\"\nauthor: \"a\"\nlocalization_priority: Normal\nms.prod: \"p\"\ndoc_type: conceptualPageType\n---\n# T\n\n"
    /// A clean page beside each bad one: the run must still read it.
    static let clean = head + "Text.\n"

    struct Finding: Hashable {
        let location: String
        let rule: String
    }

    /// Runs lint over `files` plus a clean page; returns the exit status, the findings and the summary line.
    static func lint(_ files: [String: [UInt8]], arguments: [String] = []) async throws -> (Int32, [Finding], String) {
        let runner = try CLIRunner(files: ["docs/clean.md": clean])
        defer { runner.remove() }
        for (path, bytes) in files {
            let url = runner.directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let json = try await runner.run(arguments: ["lint", "--no-cache", "--format", "json"] + arguments + ["docs"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let findings = (object?["diagnostics"] as? [[String: Any]] ?? []).map { entry in
            Finding(
                location: "\(entry["file"] ?? ""):\(entry["startLine"] ?? ""):\(entry["startColumn"] ?? "")",
                rule: entry["rule"] as? String ?? "")
        }
        let summary = try await runner.run(
            arguments: ["lint", "--no-cache", "--format", "summary"] + arguments + ["docs"])
        #expect(summary.status == json.status)
        return (json.status, findings, summary.standardOutput)
    }

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }

    @Test func jsonNestedAHundredThousandDeepIsOneDiagnostic() async throws {
        let depth = 100_000
        let page =
            Self.head + "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n"
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n```\n"
        let (status, findings, summary) = try await Self.lint(["docs/deep.md": Self.text(page)])
        #expect(status == 1)
        #expect(findings.contains(Finding(location: "docs/deep.md:15:257", rule: "body-invalid-json")))
        #expect(summary.hasSuffix("in 1 of 2 files\n"))
    }

    @Test func aPageOverTheSizeLimitIsSkippedWithADiagnostic() async throws {
        var page = Self.text(Self.head)
        let row = Self.text("| p | String | text text text text text text text text text text text text text |\n")
        while page.count <= 17 << 20 { page += row }
        let (status, findings, summary) = try await Self.lint(["docs/huge.md": page])
        #expect(status == 1)
        #expect(findings == [Finding(location: "docs/huge.md:1:1", rule: "file-unreadable")])
        #expect(summary == "1 error, 0 warnings in 1 of 2 files\n")
    }

    @Test func aTenMegabyteLineIsReadAndShownAsAWindow() async throws {
        let page = Self.head + String(repeating: "x", count: 10 << 20) + " [broken](missing.md)\n"
        let runner = try CLIRunner(files: ["docs/clean.md": Self.clean])
        defer { runner.remove() }
        try runner.write("docs/long.md", page)
        let output = try await runner.run("lint", "--no-cache", "docs")
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains("docs/long.md:11:10485771: error: link target 'missing.md' does not exist"))
        // The source line is shown around the column, not ten megabytes of it.
        #expect(output.standardOutput.utf8.count < 2_000)
        #expect(output.standardOutput.hasSuffix("1 error, 0 warnings in 1 of 2 files\n"))
    }

    @Test func aBinaryFileNamedMarkdownIsSkippedWithADiagnostic() async throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (status, findings, _) = try await Self.lint(["docs/image.md": bytes])
        #expect(status == 1)
        #expect(findings == [Finding(location: "docs/image.md:1:1", rule: "file-unreadable")])
    }

    @Test func invalidUTF8InATableIsReportedAndTheTableStillRead() async throws {
        let page =
            Self.text(Self.head + "## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|ok|\n")
            + [0x7C, 0x62, 0xFF, 0xFE, 0x7C] + Self.text("String|bad|\n|c|Int32|fine|\n")
        let (status, findings, _) = try await Self.lint(["docs/utf8.md": page])
        #expect(status == 1)
        #expect(findings.contains(Finding(location: "docs/utf8.md:15:3", rule: "encoding-invalid-utf8")))
    }

    @Test func anAnnotationWithTenThousandKeysGivesABoundedReport() async throws {
        let keys = (0..<10_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let page =
            Self.head
            + "<!-- { \"blockType\": \"request\", \"name\": \"x\", \(keys) } -->\n```http\nGET /widgets\n```\n"
        let (status, findings, _) = try await Self.lint(["docs/keys.md": Self.text(page)])
        #expect(status == 0)
        let unknown = findings.filter { $0.rule == "annotation-unknown-key" }
        #expect(unknown.count == 21)  // twenty one by one, then one counting the rest
    }

    @Test func aTableWithTenThousandColumnsIsRead() async throws {
        let columns = 10_000
        let page =
            Self.head + "|" + (0..<columns).map { "c\($0)" }.joined(separator: "|") + "|\n|"
            + Array(repeating: "---", count: columns).joined(separator: "|") + "|\n|"
            + (0..<(columns - 1)).map { "v\($0)" }.joined(separator: "|") + "|\n"
        let (status, findings, _) = try await Self.lint(["docs/wide.md": Self.text(page)])
        #expect(status == 0)
        #expect(findings.contains(Finding(location: "docs/wide.md:13:1", rule: "table-cell-count")))
    }

    @Test func linksLoopsUnreadableFilesDirectoriesAndSelfIncludes() async throws {
        let runner = try CLIRunner(files: [
            "docs/clean.md": Self.clean,
            "docs/self.md": Self.head + "[!INCLUDE [me](self.md)]\n",
            "docs/folder.md/inner.md": Self.clean,
        ])
        defer { runner.remove() }
        let docs = runner.directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(
            at: docs.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: docs.appendingPathComponent("loop/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: docs.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
        let locked = docs.appendingPathComponent("locked.md")
        try Self.clean.write(to: locked, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        let output = try await runner.run("lint", "--no-cache", "docs")
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains(
                "docs/loop/up:1:1: warning: 'docs/loop/up' links back to a directory above it; skipped [file-symlink-loop]"
            ))
        #expect(
            output.standardOutput.contains(
                "docs/dangling.md:1:1: error: file cannot be read: no such file or directory [file-unreadable]"))
        if geteuid() != 0 {  // root reads anything
            #expect(
                output.standardOutput.contains(
                    "docs/locked.md:1:1: error: file cannot be read: permission denied [file-unreadable]"))
        }
        // A folder named like a page is walked; a page including itself is just a link to an existing file.
        #expect(!output.standardOutput.contains("folder.md:"))
        #expect(!output.standardOutput.contains("self.md"))
    }
}
