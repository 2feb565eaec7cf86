import Foundation
import Testing

/// Shards, the result cache, --changed-since and the progress line, run through the built binary on a copy of
/// docs-samples.
@Suite struct IncrementalTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    /// docs-samples' pages, configuration and service metadata, by path relative to docs-samples/ (under `docs/`
    /// in the runner).
    static func sampleFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: samples.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") || path.hasSuffix(".yml") || path.hasSuffix(".xml") else { continue }
            files["docs/" + path] = try String(contentsOf: samples.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    /// `file:line:column rule` of every finding in a JSON report.
    static func findings(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        return diagnostics.map { entry in
            "\(entry["file"] ?? ""):\(entry["startLine"] ?? ""):\(entry["startColumn"] ?? "") \(entry["rule"] ?? "")"
        }
    }

    @Test func shardsTogetherReportExactlyWhatOneRunReports() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let full = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        let all = try Self.findings(full.standardOutput)
        #expect(all.count >= 13)
        var union: [String] = []
        for index in 1...3 {
            let shard = try await runner.run("lint", "--no-cache", "--format", "json", "--shard", "\(index)/3", "docs")
            #expect(shard.status <= 1)
            let found = try Self.findings(shard.standardOutput)
            #expect(!found.isEmpty)
            union += found
        }
        #expect(union.sorted() == all.sorted())
        let bad = try await runner.run("lint", "--shard", "4/3", "docs")
        #expect(bad.status == 2)
    }

    /// Files that are not pages (a binary file named .md) are reported by folder runs and by exactly one shard.
    @Test func filesThatAreNotPagesAreReportedByFolderRunsAndOneShard() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let binary = [UInt8](repeating: 0x01, count: 4096)
        try Data(binary).write(to: runner.directory.appendingPathComponent("docs/defects/diagram.md"))
        let unreadable = "docs/defects/diagram.md:1:1 file-unreadable"
        let full = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        #expect(try Self.findings(full.standardOutput).contains(unreadable))
        for path in ["docs/defects", "docs/defects/", "docs/defects/diagram.md"] {
            let folder = try await runner.run("lint", "--no-cache", "--format", "json", path)
            #expect(try Self.findings(folder.standardOutput).contains(unreadable), "\(path)")
        }
        var union: [String] = []
        for index in 1...3 {
            let shard = try await runner.run("lint", "--no-cache", "--format", "json", "--shard", "\(index)/3", "docs")
            union += try Self.findings(shard.standardOutput)
        }
        #expect(union.sorted() == (try Self.findings(full.standardOutput)).sorted())
        #expect(union.filter { $0 == unreadable }.count == 1)
    }

    /// The configuration's folder with a trailing slash is the whole doc set, not a folder named inside it.
    @Test func theConfigurationFolderWithATrailingSlashIsAFullRun() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let plain = try await runner.run("lint", "--format", "json", "docs")
        let slash = try await runner.run("lint", "--format", "json", "--verbose", "docs/")
        #expect(try Self.findings(slash.standardOutput) == Self.findings(plain.standardOutput))
        #expect(slash.standardOutput.contains("\"filesChecked\" : 25"))
        // The same run, so the same result-cache key: a folder run inside the doc set would key on its pages.
        #expect(slash.standardError.contains("result cache hit"), "\(slash.standardError)")
    }

    @Test func aWarmCacheGivesTheSameFindingsAndNeverGoesStale() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let first = try await runner.run("lint", "--format", "json", "docs")
        let cacheFile = runner.directory.appendingPathComponent(".specmark-cache/lint-results.bin")
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let second = try await runner.run("lint", "--format", "json", "--verbose", "docs")
        #expect(second.standardOutput == first.standardOutput)
        #expect(second.standardError.contains("result cache hit"))

        // An edited page misses: its new finding is reported.
        let page = "docs/v1.0/api/sensordevice-get.md"
        let text = try String(contentsOf: runner.directory.appendingPathComponent(page), encoding: .utf8)
        try runner.write(page, text.replacingOccurrences(of: "HTTP/1.1 200 OK", with: "HTTP/1.1 201 Created"))
        let edited = try await runner.run("lint", "--format", "json", "--verbose", "docs")
        #expect(!edited.standardError.contains("result cache hit"))
        #expect(try Self.findings(edited.standardOutput).contains { $0.hasPrefix(page) })

        // A linked file outside the pages read (an image) disappears: the cached result is not reused.
        try runner.write("docs/v1.0/images/sensor.png", "png")
        try runner.write(
            "docs/v1.0/api/sensordevice-get.md",
            text + "\n![A sensor](../images/sensor.png)\n")
        let withImage = try await runner.run("lint", "--format", "json", "docs")
        let withImageAgain = try await runner.run("lint", "--format", "json", "--verbose", "docs")
        #expect(withImageAgain.standardError.contains("result cache hit"))
        try FileManager.default.removeItem(at: runner.directory.appendingPathComponent("docs/v1.0/images/sensor.png"))
        let gone = try await runner.run("lint", "--format", "json", "--verbose", "docs")
        #expect(!gone.standardError.contains("result cache hit"))
        #expect(try Self.findings(gone.standardOutput).count == Self.findings(withImage.standardOutput).count + 1)
        #expect(gone.standardOutput.contains("link target '../images/sensor.png' does not exist"))

        // A damaged cache is ignored with a warning, and rewritten.
        try "{ not json".write(to: cacheFile, atomically: true, encoding: .utf8)
        let damaged = try await runner.run("lint", "--format", "json", "docs")
        #expect(damaged.standardError.contains("ignoring the result cache"))
        #expect(damaged.standardOutput == gone.standardOutput)
        let repaired = try await runner.run("lint", "--format", "json", "--verbose", "docs")
        #expect(repaired.standardError.contains("result cache hit"))

        // --no-cache neither reads nor writes it.
        try FileManager.default.removeItem(at: cacheFile)
        _ = try await runner.run("lint", "--no-cache", "docs")
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path))
    }

    @Test func changedSinceChecksTheChangedPagesAndTheirDependents() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", runner.directory.path] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".")
        try git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "pages")
        let nothing = try await runner.run("lint", "--no-cache", "--changed-since", "HEAD", "--format", "json", "docs")
        #expect(try Self.findings(nothing.standardOutput).isEmpty)
        #expect(nothing.standardOutput.contains("\"filesChecked\" : 0"))
        // A full run leaves the context cache the cached --changed-since run below reads.
        _ = try await runner.run("lint", "--format", "json", "docs")

        // A resource page changes: it, the resource whose property has its type, and the pages linking to it
        // are checked; the rest are context.
        let resource = "docs/v1.0/resources/sensorlocation.md"
        let text = try String(contentsOf: runner.directory.appendingPathComponent(resource), encoding: .utf8)
        try runner.write(resource, text + "\nSee [the missing page](missing.md).\n")
        let changed = try await runner.run("lint", "--no-cache", "--changed-since", "HEAD", "--format", "json", "docs")
        #expect(changed.status == 1, "\(changed.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(changed.standardOutput.utf8)) as? [String: Any]
        let checked = object?["filesChecked"] as? Int ?? 0
        let full = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        let total =
            (try JSONSerialization.jsonObject(with: Data(full.standardOutput.utf8)) as? [String: Any])?["filesChecked"]
            as? Int ?? 0
        #expect(checked >= 2)
        #expect(checked < total)
        let found = try Self.findings(changed.standardOutput)
        let cached = try await runner.run("lint", "--changed-since", "HEAD", "--format", "json", "--verbose", "docs")
        #expect(try Self.findings(cached.standardOutput) == found)
        #expect(cached.standardOutput.contains("\"filesChecked\" : \(checked)"))
        #expect(cached.standardError.contains("pages from the context cache"))
        #expect(found.contains { $0.hasPrefix(resource) && $0.hasSuffix("link-broken") })
        // Pages that neither name sensorLocation nor link to it are not checked.
        #expect(
            !found.contains {
                $0.hasPrefix("docs/defects/broken-link.md") || $0.hasPrefix("docs/defects/outline-misspelt.md")
            })
        #expect(found.contains { $0.hasPrefix("docs/defects/status-mismatch.md") })

        let unknown = try await runner.run("lint", "--changed-since", "no-such-ref", "docs")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("--changed-since"))
    }

    /// An author checks one page: the rest of the doc set its .specmark.yml covers is read as context, so the
    /// page's type references resolve and only its own finding is reported.
    @Test func aPageNamedAloneIsCheckedInTheContextOfItsDocSet() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run("lint", "--no-cache", "--format", "json", "docs/defects/status-mismatch.md")
        #expect(output.status == 1)
        #expect(
            try Self.findings(output.standardOutput) == [
                "docs/defects/status-mismatch.md:92:1 response-status-mismatch"
            ])
        #expect(output.standardOutput.contains("\"filesChecked\" : 1"))
        // Without a configuration there is no doc set to speak of: the page is read alone.
        try FileManager.default.removeItem(at: runner.directory.appendingPathComponent("docs/.specmark.yml"))
        let alone = try await runner.run("lint", "--no-cache", "--format", "json", "docs/defects/status-mismatch.md")
        #expect(
            try Self.findings(alone.standardOutput).contains("docs/defects/status-mismatch.md:88:18 odata-type-unknown")
        )
    }

    /// A folder named alone is checked the same way: exactly what a run over the whole doc set reports for it.
    @Test func aFolderNamedAloneReportsWhatTheFullRunReportsForIt() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let full = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        let folder = try await runner.run("lint", "--no-cache", "--format", "json", "docs/defects")
        #expect(folder.status == 1)
        let expected = try Self.findings(full.standardOutput).filter { $0.hasPrefix("docs/defects/") }
        #expect(expected.count == 15)
        #expect(try Self.findings(folder.standardOutput) == expected)
        #expect(folder.standardOutput.contains("\"filesChecked\" : 15"))
        // A folder and a page of it together, and the configuration's own folder (the whole doc set).
        let both = try await runner.run(
            "lint", "--no-cache", "--format", "json", "docs/defects", "docs/v1.0/api/sensordevice-get.md")
        #expect(try Self.findings(both.standardOutput) == expected)
        #expect(both.standardOutput.contains("\"filesChecked\" : 16"))
        let whole = try await runner.run("lint", "--no-cache", "--format", "json", "docs")
        #expect(try Self.findings(whole.standardOutput) == Self.findings(full.standardOutput))
    }

    /// After one full run, a run that checks a few pages reads only those and takes the rest from the context
    /// cache, and reports exactly what a run without the cache reports.
    @Test func theContextCacheServesRunsOverAFewPages() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let page = "docs/defects/status-mismatch.md"
        let cold = try await runner.run("lint", "--format", "json", "docs")
        #expect(cold.status == 1)
        let contexts = runner.directory.appendingPathComponent(".specmark-cache/page-contexts.bin")
        #expect(FileManager.default.fileExists(atPath: contexts.path))

        let named = try await runner.run("lint", "--format", "json", "--verbose", page)
        let uncached = try await runner.run("lint", "--no-cache", "--format", "json", page)
        #expect(
            try Self.findings(named.standardOutput) == ["docs/defects/status-mismatch.md:92:1 response-status-mismatch"]
        )
        #expect(try Self.findings(named.standardOutput) == Self.findings(uncached.standardOutput))
        let count = Self.pagesFromContext(named.standardError)
        #expect((count ?? 0) >= 18, "\(named.standardError)")

        // The page changes: it is read again (its bytes have no context), the rest still come from the cache.
        let text = try String(contentsOf: runner.directory.appendingPathComponent(page), encoding: .utf8)
        try runner.write(page, text.replacingOccurrences(of: "HTTP/1.1 200 OK", with: "HTTP/1.1 201 Created"))
        let edited = try await runner.run("lint", "--format", "json", "--verbose", page)
        let editedUncached = try await runner.run("lint", "--no-cache", "--format", "json", page)
        #expect(try Self.findings(edited.standardOutput) == Self.findings(editedUncached.standardOutput))
        #expect(try Self.findings(edited.standardOutput) != Self.findings(named.standardOutput))
        #expect(Self.pagesFromContext(edited.standardError) == count, "\(edited.standardError)")
        #expect(!edited.standardError.contains("every page already has an entry"))

        // That run added the edited page's context: checking another page parses that other page alone.
        let other = try await runner.run("lint", "--format", "json", "--verbose", "docs/defects/broken-link.md")
        #expect(Self.pagesFromContext(other.standardError) == count, "\(other.standardError)")
        #expect(other.standardError.contains("every page already has an entry"), "\(other.standardError)")

        // A damaged context cache is ignored with a warning; the findings are the same.
        try runner.write(".specmark-cache/page-contexts.bin", "SPECMARK-CONTEXT damaged")
        try runner.write(page, text + "\nEdited.\n")
        let damaged = try await runner.run("lint", "--format", "json", page)
        #expect(damaged.standardError.contains("ignoring the context cache"))
        #expect(try Self.findings(damaged.standardOutput) == Self.findings(uncached.standardOutput))
    }

    /// A build that is not the one that wrote the caches ignores them, with a warning, and rewrites them.
    @Test func cachesWrittenByAnotherBuildAreIgnored() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let page = "docs/defects/status-mismatch.md"
        _ = try await runner.run("lint", "--format", "json", "docs")
        for file in ["lint-results.bin", "page-contexts.bin"] {
            let url = runner.directory.appendingPathComponent(".specmark-cache/\(file)")
            var bytes = try Data(contentsOf: url)
            // The build is written after the format number: "0.1.0+<size>.<seconds>.<nanoseconds>".
            let build = try #require(bytes.range(of: Data("0.1.0+".utf8)))
            bytes[build.upperBound] =
                bytes[build.upperBound] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            try bytes.write(to: url)
        }
        let named = try await runner.run("lint", "--format", "json", "--verbose", page)
        #expect(named.standardError.contains("ignoring the result cache"), "\(named.standardError)")
        #expect(named.standardError.contains("written by another build of Specmark (0.1.0+"))
        #expect(named.standardError.contains("ignoring the context cache"))
        #expect(Self.pagesFromContext(named.standardError) == 0)
        #expect(
            try Self.findings(named.standardOutput) == ["docs/defects/status-mismatch.md:92:1 response-status-mismatch"]
        )
        // Rewritten by that run: the next one (over another page, so the result cache cannot answer) trusts them.
        let next = try await runner.run("lint", "--format", "json", "--verbose", "docs/defects/broken-link.md")
        #expect(!next.standardError.contains("ignoring"), "\(next.standardError)")
        #expect((Self.pagesFromContext(next.standardError) ?? 0) >= 18)
    }

    /// The count in the verbose line "pages from the context cache".
    static func pagesFromContext(_ standardError: String) -> Int? {
        let line = standardError.split(separator: "\n").first { $0.contains("pages from the context cache") }
        return line.flatMap { $0.split(separator: "count=").last?.split(separator: " ").first }.flatMap { Int($0) }
    }

    @Test func noProgressLineOffATerminal() async throws {
        let runner = try CLIRunner(files: try Self.sampleFiles())
        defer { runner.remove() }
        let output = try await runner.run("lint", "docs")
        #expect(output.standardError.isEmpty)
    }
}
