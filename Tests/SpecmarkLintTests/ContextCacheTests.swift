import Foundation
import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// A page checked among pages taken from the context cache gets exactly the findings a full run gives it: the
/// context keeps everything other pages' checks read, and survives the cache's encoding.
@Suite struct ContextCacheTests {
    static let logger = Logger(label: "test")

    /// The context of `page` after a trip through the cache's encoding.
    static func roundTripped(_ page: PageContract) throws -> PageContext {
        var writer = BinaryWriter()
        PageContext(page).encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let decoded = try PageContext(from: &reader)
        #expect(reader.isAtEnd)
        return decoded
    }

    static func samples() async throws -> DocSet {
        try await DocSet.load(
            [SamplesTests.samples.path], logger: logger, display: { $0 }, select: { !$0.hasSuffix("README.md") })
    }

    /// Every page of `docs` but `checked` replaced by its round-tripped context.
    static func withContext(_ docs: DocSet, checking checked: Int) throws -> DocSet {
        let pages = try docs.pages.indices.map { index in
            index == checked ? docs.pages[index] : try roundTripped(docs.pages[index]).page
        }
        // The merge's own findings are made again from the pages; only discovery's would be passed on.
        return DocSet(pages: pages, configuration: docs.configuration)
    }

    @Test func contextsRoundTripAndDamageThrows() async throws {
        let docs = try await Self.samples()
        #expect(docs.pages.count >= 19)
        for page in docs.pages {
            let context = PageContext(page)
            #expect(try Self.roundTripped(page) == context, "\(page.file)")
        }
        // A resource page: annotation JSON, properties, base type; every truncation is an error, not a trap.
        let resource = try #require(docs.pages.first { !$0.resources.isEmpty })
        var writer = BinaryWriter()
        PageContext(resource).encode(into: &writer)
        #expect(writer.bytes.count > 500)
        for cut in 0..<writer.bytes.count {
            var reader = BinaryReader(Array(writer.bytes[..<cut]))
            #expect(throws: (any Error).self) { try PageContext(from: &reader) }
        }
    }

    @Test func aContextKeepsWhatOtherPagesReadAndNothingElse() async throws {
        let docs = try await Self.samples()
        let page = try #require(docs.pages.first { $0.file.hasSuffix("v1.0/api/sensordevice-get.md") })
        let context = PageContext(page).page
        #expect(context.headings.map(\.text) == page.headings.map(\.text))
        #expect(context.requests.flatMap(\.names) == page.requests.filter { $0.annotation != nil }.flatMap(\.names))
        #expect(context.method?.permissions.allNames == page.method?.permissions.allNames)
        #expect(context.links.isEmpty && context.responses.isEmpty && context.issues.isEmpty)
        #expect(context.method?.declaredPaths.isEmpty == true)
        let dependencies = PageContext(page).dependencies
        #expect(dependencies.referencedTypes.contains("microsoft.graph.sensordevice"))
    }

    @Test func eachSamplePageAmongContextPagesGetsTheFullRunsFindings() async throws {
        let docs = try await Self.samples()
        let linter = Linter()
        let full = await linter.lint(docs, logger: Self.logger)
        for index in docs.pages.indices {
            let file = docs.pages[index].file
            let expected = full.filter { $0.location.file == file }
            let actual = await linter.lint(
                try Self.withContext(docs, checking: index), pages: [index], logger: Self.logger)
            #expect(actual == expected, "\(file)")
        }
    }

    /// The rules' own cross-page examples (links to other pages' anchors, example names, permissions, types
    /// defined elsewhere) give the same findings with the other pages as context.
    @Test func crossPageRuleExamplesAgreeWithContextPages() async throws {
        let extractor = PageExtractor()
        var compared = 0
        for rule in BuiltInRules.all {
            let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
            for example in examples where !example.otherPages.isEmpty {
                let marked = MarkedText(example.markdown)
                var pages = example.otherPages.sorted { $0.key < $1.key }.map { path, text in
                    extractor.extract(bytes: Array(text.utf8), file: path)
                }
                pages.append(extractor.extract(bytes: marked.bytes, file: example.file))
                let docs = DocSet(pages: pages)
                let checked = pages.count - 1
                let linter = Linter()
                let expected = await linter.lint(docs, pages: [checked], logger: Self.logger)
                let actual = await linter.lint(
                    try Self.withContext(docs, checking: checked), pages: [checked], logger: Self.logger)
                #expect(actual == expected, "\(rule.description.id): \(example.file)")
                compared += 1
            }
        }
        #expect(compared >= 10)
    }

    @Test func theCacheFileIsReadBackAndDamageOrOtherSettingsAreIgnored() async throws {
        let docs = try await Self.samples()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-context-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ContextCache(directory: directory.path)
        let stamps = docs.pages.enumerated().map { index, page in
            ResultCache.PageStamp(path: page.file, size: 1, modified: 0, digest: "digest-\(index)")
        }
        await cache.store(docs, stamps: stamps, settings: "graph", logger: Self.logger)
        let stored = try #require(cache.load(settings: "graph", logger: Self.logger))
        for (index, page) in docs.pages.enumerated() {
            #expect(stored["digest-\(index)"] == PageContext(page), "\(page.file)")
        }
        #expect(stored["no-such-digest"] == nil)
        #expect(cache.load(settings: "other", logger: Self.logger) == nil)
        // Damage: the cache is ignored, never trusted.
        let file = directory.appendingPathComponent("page-contexts.bin")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(cache.load(settings: "graph", logger: Self.logger) == nil)
    }

    /// Runs over a few pages add what they parsed to the small added file and never rewrite the main one; once the
    /// added file outgrows its share, one write folds both. A damaged added file costs only its own entries.
    @Test func pagesParsedByRunsOverAFewAreAddedWithoutRewritingTheCache() async throws {
        let docs = try await Self.samples()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-context-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ContextCache(directory: directory.path)
        func stamps(_ round: Int) -> [ResultCache.PageStamp] {
            docs.pages.enumerated().map { index, page in
                // Round r gives the first r pages new bytes (new digests); the rest keep round 0's.
                ResultCache.PageStamp(
                    path: page.file, size: 1, modified: 0, digest: "digest-\(index < round ? round : 0)-\(index)")
            }
        }
        await cache.store(docs, stamps: stamps(0), settings: "graph", logger: Self.logger)
        let main = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        #expect(!FileManager.default.fileExists(atPath: cache.addedPath))

        // Nothing new: nothing written.
        var stored = try #require(cache.load(settings: "graph", logger: Self.logger))
        await cache.store(docs, stamps: stamps(0), reusing: stored, settings: "graph", logger: Self.logger)
        #expect(!FileManager.default.fileExists(atPath: cache.addedPath))

        // Rounds 1 to 3 add 1 + 2 + 3 entries to the added file; the main file keeps its bytes.
        for round in 1...3 {
            await cache.store(docs, stamps: stamps(round), reusing: stored, settings: "graph", logger: Self.logger)
            stored = try #require(cache.load(settings: "graph", logger: Self.logger))
            #expect(stored.added.count == round * (round + 1) / 2)
            #expect(try Data(contentsOf: URL(fileURLWithPath: cache.path)) == main)
            for (index, page) in docs.pages.enumerated() {
                #expect(stored["digest-0-\(index)"] == PageContext(page))
                if index < round { #expect(stored["digest-\(round)-\(index)"] == PageContext(page)) }
            }
        }

        // A damaged added file is ignored with its entries; the main file still serves every page.
        let added = try Data(contentsOf: URL(fileURLWithPath: cache.addedPath))
        try added.prefix(added.count - 3).write(to: URL(fileURLWithPath: cache.addedPath))
        stored = try #require(cache.load(settings: "graph", logger: Self.logger))
        #expect(stored.added.isEmpty)
        #expect(stored["digest-3-0"] == nil)
        #expect(stored["digest-0-\(docs.pages.count - 1)"] == PageContext(docs.pages[docs.pages.count - 1]))

        // More new entries than the added file may hold (64 for a small doc set): one write folds everything.
        let rounds = 64 / docs.pages.count + 2
        var round = 3
        repeat {
            round += 1
            let all = docs.pages.indices.map { index in
                ResultCache.PageStamp(path: docs.pages[index].file, size: 1, modified: 0, digest: "r\(round)-\(index)")
            }
            await cache.store(docs, stamps: all, reusing: stored, settings: "graph", logger: Self.logger)
            stored = try #require(cache.load(settings: "graph", logger: Self.logger))
        } while FileManager.default.fileExists(atPath: cache.addedPath) && round < 4 + rounds
        #expect(round < 4 + rounds, "the added file was never folded")
        #expect(!FileManager.default.fileExists(atPath: cache.addedPath))
        #expect(stored.added.isEmpty)
        #expect(stored.entries.count == docs.pages.count)
        #expect(stored["r\(round)-0"] == PageContext(docs.pages[0]))
    }
}
