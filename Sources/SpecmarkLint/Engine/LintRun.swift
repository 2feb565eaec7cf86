public import Logging
public import SpecmarkContract
import SpecmarkMetadata

/// One `specmark lint`: which pages to read and to check, the caches, the lint itself.
///
/// The pages named are checked against the doc set their configuration covers (``PageScope``). A run records its
/// findings in the result cache, keyed by Specmark's build, the settings and every page's path and bytes, and
/// answers from it while nothing changed. A run that checks only some pages (named pages, `--changed-since`)
/// takes what other pages' checks read from the pages it does not check from the context cache, instead of
/// parsing them. The findings are the same with and without either cache.
public struct LintRun: Sendable {
    /// What to lint and how.
    public struct Request: Sendable {
        public var paths: [String]
        public var configuration: SpecmarkConfiguration
        /// Check only the pages changed since this git ref, and the pages that depend on them.
        public var changedSince: String?
        /// Check one share of the pages.
        public var shard: Shard?
        /// Where the result and context caches live, or nil to lint from scratch.
        public var cacheDirectory: String?
        /// Hears of each page read (from any task), with the total.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

        public init(
            paths: [String], configuration: SpecmarkConfiguration, changedSince: String? = nil, shard: Shard? = nil,
            cacheDirectory: String? = nil, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
        ) {
            self.paths = paths
            self.configuration = configuration
            self.changedSince = changedSince
            self.shard = shard
            self.cacheDirectory = cacheDirectory
            self.progress = progress
        }
    }

    /// What a run found.
    public struct Outcome: Sendable {
        /// The pages checked, as reports show them.
        public var files: [String]
        /// Every finding, suppressed ones included (marked), in report order, fingerprinted.
        public var diagnostics: [Diagnostic]
        /// The doc set read, when the run read one (not when the result cache answered).
        public var docs: DocSet?
        /// The files the run found on disk, and how reports show their paths (for a run that read the doc set).
        var discoveredFiles: [String] = []
        var display: DisplayPath?

        /// Each page's path on disk, by the file name reports show (for a run that read the doc set): made when
        /// asked (by `--fix`), not at the end of every run.
        public var paths: [String: String] {
            guard let display else { return [:] }
            return Dictionary(discoveredFiles.map { (display($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Why a run could not start: a named path that does not exist, or a git ref that cannot be compared with.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let request: Request
    public let logger: Logger

    public init(_ request: Request, logger: Logger) {
        self.request = request
        self.logger = logger
    }

    /// Runs the lint; with `--verbose`, logs when each phase ends, timed from the start.
    public func run() async throws(Failure) -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        func phase(_ name: String) {
            logger.debug("\(name)", metadata: ["elapsed": "\(clock.now - started)"])
        }
        let configuration = request.configuration
        let display = DisplayPath()
        // Without a result cache nothing can answer for the run, so its metadata will be needed: it is read and
        // parsed from the start, on the core that finding the pages (one thread walking folders) leaves idle.
        // The files are read again below, where a run with a cache reads them, so errors come as before.
        let cacheDirectory = request.cacheDirectory
        async let early: Result<MetadataCatalog, MetadataError>? = {
            guard cacheDirectory == nil, !configuration.metadata.isEmpty,
                let files = try? MetadataFiles.read(configuration.metadata)
            else { return nil }
            return Result { () throws(MetadataError) in try files.catalog(display: display) }
        }()
        let scope: PageScope
        do {
            scope = try PageScope.resolve(request.paths, configuration: configuration, display: display)
        } catch {
            throw Failure(description: error.description)
        }
        let changed: Set<String>?
        do {
            changed = try request.changedSince.map { ref throws(ChangedFiles.Failure) in
                try ChangedFiles.since(ref, paths: request.paths, display: display)
            }
        } catch {
            throw Failure(description: error.description)
        }

        // The metadata's bytes are read now (they key the result cache); they are parsed only when it misses.
        let metadataFiles = try MetadataFiles.read(configuration.metadata)

        // The result cache: keyed by every page's path and bytes and the settings that shape findings.
        let cache = request.cacheDirectory.map { ResultCache(directory: $0) }
        let previous = cache?.previous(logger: logger)
        var stamps: [ResultCache.PageStamp] = []
        var cacheKey: String?
        if cache != nil {
            // Each file is stat'ed by its name in its folder: by its whole path, the kernel walked every folder
            // of the path again for each of the corpus's 8,812 pages.
            let files = scope.discovery.files
            let folders = FileReader.Folders(files)
            stamps = await concurrentMap(Array(files.indices)) { index in
                ResultCache.stamp(
                    file: files[index], display: display(files[index]), previous: previous, in: folders[index])
            }
            folders.close()
            var settings = CanonicalDescription.of(configuration)
            if let shard = request.shard { settings += "\nshard \(shard)" }
            if let changed { settings += "\nchanged \(changed.sorted())" }
            if let named = scope.named { settings += "\nnamed \(named.sorted())" }
            settings += metadataFiles.digest
            cacheKey = ResultCache.key(stamps: stamps, settings: settings)
        }
        if let cache, let cacheKey, let hit = cache.lookup(cacheKey, in: previous, logger: logger) {
            logger.debug("result cache hit")
            return Outcome(files: hit.files, diagnostics: hit.diagnostics, docs: nil)
        }
        let contextCache = cache.map { ContextCache(directory: $0.directory) }
        // Described (by reflection, a few milliseconds) only when there is a cache to key.
        let contextSettings = contextCache == nil ? "" : CanonicalDescription.of(configuration.extraction)
        // With a cache, the metadata is parsed while the pages are read: neither needs the other until it is
        // applied.
        async let parsed = Result { () throws(MetadataError) -> MetadataCatalog? in
            metadataFiles.isEmpty || cache == nil ? nil : try metadataFiles.catalog(display: display)
        }
        var (docs, selected, stored) = await loadPages(
            scope, stamps: stamps, changed: changed, context: contextCache.map { ($0, contextSettings) },
            display: display)
        phase("pages read")
        let catalog: Result<MetadataCatalog?, MetadataError>
        if cache != nil {
            catalog = await parsed
        } else if let early = await early {
            catalog = early.map { $0 }
        } else {
            // The early read failed where this run's read did not (the file appeared meanwhile).
            catalog = Result { () throws(MetadataError) -> MetadataCatalog? in
                metadataFiles.isEmpty ? nil : try metadataFiles.catalog(display: display)
            }
        }
        switch catalog {
        case .success(let catalog?):
            docs.apply(catalog)
            phase("metadata applied")
        case .success(nil): break
        case .failure(let error): throw Failure(description: error.description)
        }
        let result = await Linter(configuration: configuration.lint).lintReportingDependencies(
            docs, pages: selected, alsoReporting: filesWithoutPages(docs, changed: changed, named: scope.named),
            logger: logger)
        phase("pages checked")
        let files = selected.map { $0.map { docs.pages[$0].file } } ?? docs.pages.map(\.file)
        if let contextCache {
            // What others read from each page is stored for runs over a few: all of it after a full run, and the
            // pages this run had to parse after a run over a few.
            await contextCache.store(docs, stamps: stamps, reusing: stored, settings: contextSettings, logger: logger)
        }
        if let cache, let cacheKey {
            cache.store(
                cacheKey, stamps: stamps, files: files, diagnostics: result.diagnostics,
                consulted: result.consultedFiles, logger: logger)
        }
        return Outcome(
            files: files, diagnostics: result.diagnostics, docs: docs, discoveredFiles: scope.discovery.files,
            display: display)
    }

    /// The doc set and the pages to check. A run that checks a few pages takes every other page whose bytes are
    /// unchanged from the context cache the last full run wrote; the pages it checks, changed pages and their
    /// dependents are read in full. Returns the contexts the cache held, if it was read.
    private func loadPages(
        _ scope: PageScope, stamps: [ResultCache.PageStamp], changed: Set<String>?,
        context: (cache: ContextCache, settings: String)?, display: DisplayPath
    ) async -> (DocSet, [Int]?, ContextCache.Contexts?) {
        let named = scope.named
        var contexts: [PageContext?] = []
        var dependencies: [String: PageDependencies] = [:]
        var stored: ContextCache.Contexts?
        if let context, changed != nil || named != nil {
            stored = context.cache.load(settings: context.settings, logger: logger)
        }
        if let stored {
            let checked = (named ?? []).union(changed ?? [])
            contexts = await concurrentMap(stamps) { stamp -> PageContext? in
                checked.contains(stamp.path) ? nil : stored[stamp.digest]
            }
            if changed != nil {
                // Through the buffer: `contexts[index]?.dependencies` copied each whole context (its page's every
                // string and array) to read its dependencies.
                contexts.withUnsafeBufferPointer { contexts in
                    for index in contexts.indices {
                        if let pageDependencies = contexts[index]?.dependencies {
                            dependencies[pageDependencies.file] = pageDependencies
                        }
                    }
                }
            }
        }
        let configuration = request.configuration.extraction
        let discovery = scope.discovery
        let show: @Sendable (String) -> String = { display($0) }
        let hasContext = contexts.count == discovery.files.count
        var reading =
            hasContext
            ? contexts.withUnsafeBufferPointer { contexts in contexts.indices.filter { contexts[$0] == nil } }
            : Array(discovery.files.indices)
        logger.debug(
            "discovered pages",
            metadata: ["count": "\(discovery.files.count)", "from context": "\(discovery.files.count - reading.count)"])
        let docs: DocSet
        // The changed pages and their dependents as indexes of the doc set, when known before it is made.
        var knownDependents: [Int]?
        var fromContext = 0
        if !hasContext {
            // Every page is read: each is extracted straight into the doc set.
            docs = DocSet.readAll(discovery, configuration: configuration, display: show, progress: request.progress)
        } else {
            var results = await DocSet.readPages(
                discovery, at: reading, configuration: configuration, display: show, progress: request.progress)
            if let changed {
                // Pages that depend on a changed page are checked, so they are read in full too. They are found
                // from the pages just read and the others' stored dependencies, before the doc set is made: it is
                // made once, not once with their contexts and again with them read.
                let (selected, dependents) = dependentsFromContext(
                    changed, contexts: contexts, reading: reading, results: results)
                knownDependents = selected
                if !dependents.isEmpty {
                    for index in dependents {
                        if let file = contexts.withUnsafeBufferPointer({ $0[index]?.dependencies.file }) {
                            dependencies[file] = nil
                        }
                        contexts[index] = nil
                    }
                    // Without progress: the line measured the reading of the pages asked for, and it is done.
                    let more = await DocSet.readPages(
                        discovery, at: dependents, configuration: configuration, display: show)
                    // A dependent that could not be read after all is not in the doc set: the indexes are found
                    // again.
                    if more.contains(where: { if case .failure = $0 { true } else { false } }) {
                        knownDependents = nil
                    }
                    (reading, results) = Self.merging((reading, results), (dependents, more))
                }
            }
            fromContext = discovery.files.count - reading.count
            // Handed over: a second reference to either array would make taking a page out of it copy the array.
            docs = DocSet.assemble(
                discovery, configuration: configuration, display: show, context: consume contexts, reading: reading,
                results: consume results)
        }
        logger.debug(
            "extracted pages",
            metadata: ["pages": "\(docs.pages.count)", "unreadable": "\(discovery.files.count - docs.pages.count)"])
        let selected = selectPages(
            docs, changed: changed, named: named, dependencies: dependencies, dependents: knownDependents)
        logger.debug("pages from the context cache", metadata: ["count": "\(fromContext)"])
        return (docs, selected, stored)
    }

    /// The changed pages and their dependents, judged as the doc set would judge them: over every page that will
    /// be in it, in order, from its stored dependencies or, for the pages at `reading`, from the page read (an
    /// unreadable page is not in the doc set). Returns them as indexes of that doc set, and those held by
    /// `contexts` (to be read in full) as indexes of the discovery's files.
    private func dependentsFromContext(
        _ changed: Set<String>, contexts: [PageContext?], reading: [Int],
        results: [Result<PageContract, FileReadError>]
    ) -> (selected: [Int], fromContext: [Int]) {
        var among: [PageDependencies] = []
        var indexes: [Int] = []
        among.reserveCapacity(contexts.count)
        indexes.reserveCapacity(contexts.count)
        var nextResult = 0
        for index in contexts.indices {
            if nextResult < reading.count, reading[nextResult] == index {
                if case .success(let page) = results[nextResult] {
                    among.append(PageDependencies(page))
                    indexes.append(index)
                }
                nextResult += 1
            } else if let stored = contexts.withUnsafeBufferPointer({ $0[index]?.dependencies }) {
                among.append(stored)
                indexes.append(index)
            }
        }
        let selected = DependentPages.including(changed, among: among)
        let fromContext = selected.map { indexes[$0] }.filter { index in
            contexts.withUnsafeBufferPointer { $0[index] != nil }
        }
        return (selected, fromContext)
    }

    /// Two runs of read pages, each in ascending index order, as one: their results moved, not copied.
    private static func merging(
        _ first: ([Int], [Result<PageContract, FileReadError>]),
        _ second: ([Int], [Result<PageContract, FileReadError>])
    ) -> ([Int], [Result<PageContract, FileReadError>]) {
        let (firstIndexes, secondIndexes) = (first.0, second.0)
        var (firstResults, secondResults) = (first.1, second.1)
        var indexes: [Int] = []
        var results: [Result<PageContract, FileReadError>] = []
        indexes.reserveCapacity(firstIndexes.count + secondIndexes.count)
        results.reserveCapacity(firstIndexes.count + secondIndexes.count)
        func take(
            _ results: inout [Result<PageContract, FileReadError>], at position: Int
        )
            -> Result<PageContract, FileReadError>
        {
            var result = Result<PageContract, FileReadError>.failure(FileReadError(path: "", reason: ""))
            swap(&result, &results[position])
            return result
        }
        var (i, j) = (0, 0)
        while i < firstIndexes.count || j < secondIndexes.count {
            if j == secondIndexes.count || (i < firstIndexes.count && firstIndexes[i] < secondIndexes[j]) {
                indexes.append(firstIndexes[i])
                results.append(take(&firstResults, at: i))
                i += 1
            } else {
                indexes.append(secondIndexes[j])
                results.append(take(&secondResults, at: j))
                j += 1
            }
        }
        return (indexes, results)
    }

    /// The files with findings that are not pages (unreadable files, folders the walk skipped) that this run
    /// reports, chosen like the pages: those named, those changed, every n-th by sorted path for a shard.
    private func filesWithoutPages(_ docs: DocSet, changed: Set<String>?, named: Set<String>?) -> Set<String> {
        // The doc set's own index answers which files are pages; a set of every page's file is not made for it.
        var files = Set(docs.issues.lazy.map(\.location.file).filter { docs.pageIndex[$0] == nil })
        // The metadata's own findings (types no page documents) are the doc set's, like an unreadable file's.
        files.formUnion(docs.metadata.entries.map(\.metadata.file))
        if let named { files.formIntersection(named) }
        if let changed { files.formIntersection(changed) }
        if let shard = request.shard { files = Set(shard.share(of: files.sorted())) }
        return files
    }

    /// The pages to check: those named, the changed pages and their dependents, a shard of those, or all (nil).
    /// `dependents`, when given, are the changed pages and their dependents, found already.
    private func selectPages(
        _ docs: DocSet, changed: Set<String>?, named: Set<String>?, dependencies: [String: PageDependencies],
        dependents known: [Int]? = nil
    ) -> [Int]? {
        var selected: [Int]?
        if let named {
            selected = docs.pages.indices.filter { named.contains(docs.pages[$0].file) }
        }
        if let known, changed != nil {
            let dependents = Set(known)
            selected = (selected ?? Array(docs.pages.indices)).filter { dependents.contains($0) }
        } else if let changed {
            // By index: the closure over `map` would take a copy of every page to read its file.
            let pages = docs.pages.indices.map { index in
                dependencies[docs.pages[index].file] ?? PageDependencies(docs.pages[index])
            }
            let dependents = Set(DependentPages.including(changed, among: pages))
            selected = (selected ?? Array(docs.pages.indices)).filter { dependents.contains($0) }
        }
        if let shard = request.shard {
            let share = Set(shard.share(of: docs.pages.indices.sorted { docs.pages[$0].file < docs.pages[$1].file }))
            selected = (selected ?? Array(docs.pages.indices)).filter { share.contains($0) }
        }
        return selected
    }
}

/// `--shard I/N`: share I of N of the pages, every N-th by sorted path.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// This shard's share of `items` in their order (sorted by path): every n-th, balanced, and the same on every
    /// machine.
    func share<Item>(of items: [Item]) -> [Item] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
