import Foundation
import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

@Suite struct ResultCacheTests {
    static func location(_ file: String, _ line: Int) -> SpecmarkContract.SourceLocation {
        SpecmarkContract.SourceLocation(
            file: file,
            range: SourceRange(start: SourcePosition(line: line, column: 3), end: SourcePosition(line: line, column: 9))
        )
    }

    static var diagnostics: [Diagnostic] {
        var plain = Diagnostic(
            ruleID: "link-broken", severity: .error, message: "link target 'é.md' does not exist",
            location: location("api/a.md", 4),
            notes: [.init("first used here", at: location("api/b.md", 2)), .init("no place")],
            anchor: "link:é.md")
        plain.fingerprint = "0123456789abcdef"
        var suppressed = Diagnostic(
            ruleID: "outline-heading-case", severity: .warning, message: "m", location: location("api/c.md", 1))
        suppressed.suppression = Suppression(
            kind: .inlineComment, justification: "why", location: location("api/c.md", 0))
        suppressed.baselineState = .unchanged
        return [plain, suppressed]
    }

    @Test func entriesRoundTripAndDamageIsAnErrorNotATrap() throws {
        let entry = ResultCache.Entry(
            format: ResultCache.formatVersion, version: SpecmarkVersion.build, key: "k",
            pages: [.init(path: "api/a.md", size: 12, modified: 1_700_000_000.123456789, digest: "d")],
            files: ["api/a.md", "api/c.md"], diagnostics: Self.diagnostics,
            consulted: [.init(path: "images/x.png", exists: false, size: 0, modified: 0)])
        let bytes = entry.encoded()
        let decoded = try ResultCache.Entry(bytes)
        #expect(decoded.diagnostics == Self.diagnostics)
        #expect(decoded.files == entry.files)
        #expect(decoded.pages.first?.modified == 1_700_000_000.123456789)
        #expect(decoded.consulted == entry.consulted)
        for cut in 0..<bytes.count {
            #expect(throws: (any Error).self) { try ResultCache.Entry(Array(bytes[..<cut])) }
        }
        #expect(throws: (any Error).self) { try ResultCache.Entry(bytes + [0]) }
    }

    @Test func anotherVersionIsIgnoredWithAWarning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-results-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResultCache(directory: directory.path)
        let logger = Logger(label: "t")
        cache.store("k", stamps: [], files: ["a.md"], diagnostics: Self.diagnostics, consulted: [], logger: logger)
        let previous = try #require(cache.previous(logger: logger))
        #expect(cache.lookup("k", in: previous, logger: logger)?.diagnostics == Self.diagnostics)
        #expect(cache.lookup("other", in: previous, logger: logger) == nil)

        var old = ResultCache.Entry(
            format: ResultCache.formatVersion, version: "0.0.1", key: "k", pages: [], files: [], diagnostics: [],
            consulted: [])
        old.version = "0.0.1"
        try Data(old.encoded()).write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.previous(logger: logger) == nil)
    }

    /// Findings are decoded only when the key matches; damage there is found then, and the cache is not used.
    @Test func findingsAreReadOnlyOnAHitAndDamageThereIsAMiss() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-results-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResultCache(directory: directory.path)
        let logger = Logger(label: "t")
        let stamps = [ResultCache.PageStamp(path: "a.md", size: 3, modified: 1, digest: "d")]
        cache.store("k", stamps: stamps, files: ["a.md"], diagnostics: Self.diagnostics, consulted: [], logger: logger)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        try bytes.dropLast(5).write(to: URL(fileURLWithPath: cache.path))
        let previous = try #require(cache.previous(logger: logger))
        #expect(previous.stamps["a.md"]?.digest == "d")
        #expect(cache.lookup("k", in: previous, logger: logger) == nil)
    }

    @Test func canonicalDescriptionsDoNotDependOnHashSeeds() {
        var first: [String: Int] = [:]
        var second: [String: Int] = [:]
        for index in 0..<50 { first["key\(index)"] = index }
        for index in (0..<50).reversed() { second["key\(index)"] = index }
        #expect(CanonicalDescription.of(first) == CanonicalDescription.of(second))
        #expect(CanonicalDescription.of(Set(["b", "a", "c"])) == CanonicalDescription.of(Set(["c", "b", "a"])))
        #expect(CanonicalDescription.of(["a": 1]) != CanonicalDescription.of(["a": 2]))
    }
}
