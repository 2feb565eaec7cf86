public import Logging
public import SpecmarkContract
import SpecmarkMetadata

/// A doc set kept in memory for an editor: read once (taking unchanged pages from the context cache), then kept
/// current page by page, each page linted with its latest text against the rest of the set.
public struct LintWorkspace: Sendable {
    public let configuration: SpecmarkConfiguration
    /// The doc set as it stands, pages by the file names reports show.
    public private(set) var docs: DocSet
    public let display: DisplayPath
    let linter: Linter
    let extractor: PageExtractor

    /// Reads the doc set `configuration` covers under `root`, and its metadata; with `cacheDirectory`, pages whose
    /// bytes the context cache knows are taken from it, and a full read stores the cache for the next start.
    public static func load(
        root: String, configuration: SpecmarkConfiguration, cacheDirectory: String?, logger: Logger
    ) async throws(LintRun.Failure) -> LintWorkspace {
        let display = DisplayPath()
        let scope: PageScope
        do {
            scope = try PageScope.resolve([root], configuration: configuration, display: display)
        } catch {
            throw LintRun.Failure(description: error.description)
        }
        let metadataFiles = try MetadataFiles.read(configuration.metadata)
        let cache = cacheDirectory.map { ContextCache(directory: $0) }
        let settings = CanonicalDescription.of(configuration.extraction)
        var stamps: [ResultCache.PageStamp] = []
        var stored: ContextCache.Contexts?
        var contexts: [PageContext?] = []
        if let cache {
            stamps = await concurrentMap(scope.discovery.files) { path in
                ResultCache.stamp(file: path, display: display(path), previous: nil)
            }
            stored = cache.load(settings: settings, logger: logger)
            if let stored { contexts = stamps.map { stored[$0.digest] } }
        }
        var docs = await DocSet.load(
            scope.discovery, configuration: configuration.extraction, logger: logger, display: { display($0) },
            context: contexts)
        if let cache {
            await cache.store(docs, stamps: stamps, reusing: stored, settings: settings, logger: logger)
        }
        if !metadataFiles.isEmpty {
            do {
                docs.apply(try metadataFiles.catalog(display: display))
            } catch {
                throw LintRun.Failure(description: error.description)
            }
        }
        logger.debug(
            "workspace read",
            metadata: ["pages": "\(docs.pages.count)", "from context cache": "\(contexts.count { $0 != nil })"])
        return LintWorkspace(
            configuration: configuration, docs: docs, display: display,
            linter: Linter(configuration: configuration.lint),
            extractor: PageExtractor(configuration: configuration.extraction))
    }

    /// The name reports give the file at `path`.
    public func file(_ path: String) -> String { display(path) }

    /// Whether the file at `path` is one of the doc set's pages, or would be one (a Markdown file the
    /// configuration selects under its directory).
    public func covers(_ path: String) -> Bool {
        let file = display(path)
        if docs.pageIndex[file] != nil { return true }
        let absolute = SpecmarkConfiguration.absolute(path)
        let root = SpecmarkConfiguration.absolute(configuration.directory)
        return absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/") && absolute.hasSuffix(".md")
            && configuration.selects(file)
    }

    /// Takes new text for pages (by path): a page read again, added when it is new; nil removes the page.
    public mutating func update(_ texts: [String: [UInt8]?]) {
        var replaced: [Int: PageContract] = [:]
        var added: [PageContract] = []
        var removed: Set<Int> = []
        for (path, text) in texts {
            let file = display(path)
            let index = docs.pageIndex[file]
            switch (text, index) {
            case (let text?, let index?): replaced[index] = extractor.extract(bytes: text, file: file)
            case (let text?, nil): if covers(path) { added.append(extractor.extract(bytes: text, file: file)) }
            case (nil, let index?): removed.insert(index)
            case (nil, nil): break
            }
        }
        guard !replaced.isEmpty || !added.isEmpty || !removed.isEmpty else { return }
        docs = docs.replacingPages(replaced, adding: added, removing: removed)
    }

    /// The findings on the page at `path` (suppressed ones marked), with the rest of the doc set as context.
    public func lint(_ path: String, logger: Logger) async -> [Diagnostic] {
        guard let index = docs.pageIndex[display(path)] else { return [] }
        return await linter.lint(docs, pages: [index], logger: logger)
    }
}
