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
        #expect(context.links.isEmpty && context.responses.isEmpty && context.diagnostics.isEmpty)
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
}
