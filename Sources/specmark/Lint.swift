import ArgumentParser
import Foundation
import Logging
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import SpecmarkReport

extension Specmark {
    /// `specmark lint PATH...`: checks pages and reports findings with file:line:column.
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pages and report every finding with file:line:column.",
            discussion: """
                Directories are searched recursively for *.md files. Configuration comes from the nearest \
                .specmark.yml at or above the first path (or --config). 'specmark rules' lists the rules.

                Exit status: 0 nothing at or above --fail-on; 1 findings at or above it (or more warnings than \
                --max-warnings); 2 usage, configuration or I/O error.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Read configuration from this file instead of the nearest .specmark.yml.")
        var config: String?

        @Flag(help: "Ignore any .specmark.yml and use the defaults.")
        var noConfig = false

        @Option(help: "The severity that fails the run: error, warning or never (overrides the configuration).")
        var failOn: SpecmarkConfiguration.FailOn?

        @Option(help: "Fail when there are more than this many warnings.")
        var maxWarnings: Int?

        @Option(help: "Fail only on findings not in this baseline file; report how many of its entries are fixed.")
        var baseline: String?

        @Option(help: "Record today's findings in this baseline file.")
        var writeBaseline: String?

        @Option(
            name: .customLong("unannotated-examples"),
            help: "Where example-unannotated reports: mixed-pages (pages that annotate some examples) or all.")
        var unannotatedExamples: RuleOptions.UnannotatedExamples?

        @Flag(help: "Lint from scratch: neither read nor write the result cache.")
        var noCache = false

        @Option(help: "Where the result cache lives.")
        var cacheDir = ".specmark-cache"

        @Option(
            help: ArgumentHelp(
                "Check only pages changed since this git ref (and pages that depend on changed resource pages); the rest are context.",
                valueName: "REF"))
        var changedSince: String?

        @Option(
            help: ArgumentHelp(
                "Check a deterministic share I of N of the pages (1/4 … 4/4); the rest are context.", valueName: "I/N"))
        var shard: Shard?

        @Argument(help: "Files or directories to check.")
        var paths: [String] = ["."]

        func validate() throws {
            try output.validate()
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
            if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
        }

        func run() async throws {
            let logger = global.makeLogger()
            // With --verbose, where the time goes: each phase's end, timed from the start of the run.
            let clock = ContinuousClock()
            let started = clock.now
            func phase(_ name: String) {
                logger.debug("\(name)", metadata: ["elapsed": "\(clock.now - started)"])
            }
            var configuration = try loadConfiguration(logger: logger)
            if let failOn { configuration.failOn = failOn }
            if let maxWarnings { configuration.maxWarnings = maxWarnings }
            if let unannotatedExamples { configuration.lint.options.unannotatedExamples = unannotatedExamples }

            var discovery: FileDiscovery.Result
            do {
                discovery = try FileDiscovery().discover(paths)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            let display = DisplayPath()
            let selection = configuration
            // Pages named one by one are checked against the whole doc set their .specmark.yml covers, so
            // cross-page checks (types, links, example names) see the rest: an author checks one page and gets
            // what the full run would say about it.
            var named: Set<String>?
            if configuration.path != nil, paths.allSatisfy(Self.isFile) {
                named = Set(paths.map { display($0) })
                if let context = try? FileDiscovery().discover([configuration.directory]) {
                    discovery = context
                }
            }
            discovery.files = discovery.files.filter { selection.selects(display($0)) }
            let changed = try changedSince.map { try ChangedFiles.since($0, paths: paths, display: display) }

            // The result cache: keyed by every page's path and bytes and the settings that shape findings.
            let cache = noCache ? nil : ResultCache(directory: cacheDir)
            let previous = cache?.previous(logger: logger)
            var stamps: [ResultCache.PageStamp] = []
            var cacheKey: String?
            if cache != nil {
                stamps = await concurrentMap(discovery.files) { path in
                    ResultCache.stamp(file: path, display: display(path), previous: previous)
                }
                var settings = CanonicalDescription.of(configuration)
                if let shard { settings += "\nshard \(shard)" }
                if let changed { settings += "\nchanged \(changed.sorted())" }
                if let named { settings += "\nnamed \(named.sorted())" }
                cacheKey = ResultCache.key(stamps: stamps, settings: settings)
            }
            var files: [String]
            var diagnostics: [Diagnostic]
            if let cache, let cacheKey, let hit = cache.lookup(cacheKey, in: previous, logger: logger) {
                logger.debug("result cache hit")
                (files, diagnostics) = (hit.files, hit.diagnostics)
            } else {
                let contextCache = cache.map { ContextCache(directory: $0.directory) }
                let contextSettings = CanonicalDescription.of(configuration.extraction)
                let (docs, selected, stored) = await loadPages(
                    discovery, stamps: stamps, changed: changed, named: named,
                    context: contextCache.map { ($0, contextSettings) }, configuration: configuration, logger: logger,
                    display: display)
                phase("pages read")
                let result = await Linter(configuration: configuration.lint).lintReportingDependencies(
                    docs, pages: selected, logger: logger)
                phase("pages checked")
                files = selected.map { $0.map { docs.pages[$0].file } } ?? docs.pages.map(\.file)
                diagnostics = result.diagnostics
                if let contextCache {
                    // What others read from each page is stored for runs over a few: all of it after a full run,
                    // and the pages this run had to parse after a run over a few.
                    await contextCache.store(
                        docs, stamps: stamps, reusing: stored, settings: contextSettings, logger: logger)
                }
                if let cache, let cacheKey {
                    cache.store(
                        cacheKey, stamps: stamps, files: files, diagnostics: diagnostics,
                        consulted: result.consultedFiles, logger: logger)
                }
                KeptUntilExit.keep(docs)
            }

            let reported: Result<ReportInput, any Error>
            do {
                reported = .success(try await report(diagnostics, files: files, logger: logger))
            } catch {
                reported = .failure(error)
            }
            phase("reports written")
            throw ExitCode(Self.exitStatus(try reported.get(), configuration: configuration))
        }

        /// Applies the baseline options and writes the reports; returns what was reported.
        private func report(_ diagnostics: [Diagnostic], files: [String], logger: Logger) async throws -> ReportInput {
            var diagnostics = diagnostics
            var fixed: Int?
            if let baseline {
                do {
                    fixed = try Baseline.load(baseline).apply(to: &diagnostics)
                } catch {
                    Terminal.standardError.write("error: baseline \(error)\n")
                    throw ExitCode(ExitStatus.usage)
                }
            }
            if let writeBaseline {
                try output.write(Baseline(diagnostics).json, to: writeBaseline)
                logger.info(
                    "wrote baseline", metadata: ["path": "\(writeBaseline)", "entries": "\(diagnostics.count)"])
            }
            let input = ReportInput(
                root: FileManager.default.currentDirectoryPath, files: files, diagnostics: diagnostics,
                rules: BuiltInRules.all.map(\.description.reportRule),
                sourceLines: output.quotesSourceLines ? await SourceLines.read(for: diagnostics) : [:],
                fixedBaselineEntries: fixed)
            try output.emit(input, quiet: global.quiet)
            return input
        }

        static func isFile(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }

        /// The doc set and the pages to check. A run that checks a few pages takes every other page whose bytes
        /// are unchanged from the context cache the last full run wrote; the pages it checks, changed pages and
        /// their dependents are read in full. Returns the contexts the cache held, if it was read.
        private func loadPages(
            _ discovery: FileDiscovery.Result, stamps: [ResultCache.PageStamp], changed: Set<String>?,
            named: Set<String>?, context: (cache: ContextCache, settings: String)?,
            configuration: SpecmarkConfiguration, logger: Logger, display: DisplayPath
        ) async -> (DocSet, [Int]?, ContextCache.Contexts?) {
            let progress = ProgressLine(enabled: !global.quiet && Terminal.standardError.isTTY)
            defer { progress.finish() }
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
                    for index in contexts.indices {
                        if let pageDependencies = contexts[index]?.dependencies {
                            dependencies[pageDependencies.file] = pageDependencies
                        }
                    }
                }
            }
            func load() async -> DocSet {
                await DocSet.load(
                    discovery, configuration: configuration.extraction, logger: logger, display: { display($0) },
                    context: contexts, progress: { done, total in progress.update(done, of: total) })
            }
            var docs = await load()
            var selected = selectPages(docs, changed: changed, named: named, dependencies: dependencies)
            // Pages that depend on a changed page are checked, so they are read in full too.
            let checkedFromContext = Set(
                (selected ?? []).map { docs.pages[$0].file }.filter { dependencies[$0] != nil })
            if !checkedFromContext.isEmpty {
                for (index, stamp) in stamps.enumerated() where checkedFromContext.contains(stamp.path) {
                    contexts[index] = nil
                }
                dependencies = dependencies.filter { !checkedFromContext.contains($0.key) }
                docs = await load()
                selected = selectPages(docs, changed: changed, named: named, dependencies: dependencies)
            }
            let fromContext = contexts.count { $0 != nil }
            logger.debug("pages from the context cache", metadata: ["count": "\(fromContext)"])
            return (docs, selected, stored)
        }

        /// The pages to check: those named, the changed pages and their dependents, a shard of those, or all (nil).
        private func selectPages(
            _ docs: DocSet, changed: Set<String>?, named: Set<String>?, dependencies: [String: PageDependencies]
        ) -> [Int]? {
            var selected: [Int]?
            if let named {
                selected = docs.pages.indices.filter { named.contains(docs.pages[$0].file) }
            }
            if let changed {
                let pages = docs.pages.map { dependencies[$0.file] ?? PageDependencies($0) }
                let dependents = Set(DependentPages.including(changed, among: pages))
                selected = (selected ?? Array(docs.pages.indices)).filter { dependents.contains($0) }
            }
            if let shard {
                // By sorted path, every n-th: balanced, and the same on every machine.
                let order = docs.pages.indices.sorted { docs.pages[$0].file < docs.pages[$1].file }
                let share = Set(order.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element))
                selected = (selected ?? Array(docs.pages.indices)).filter { share.contains($0) }
            }
            return selected
        }

        private func loadConfiguration(logger: Logger) throws -> SpecmarkConfiguration {
            try ConfigurationLoader.load(paths: paths, explicit: config, disabled: noConfig, logger: logger)
        }

        /// 0, or 1 when findings reach the failing severity or warnings exceed the maximum.
        static func exitStatus(_ input: ReportInput, configuration: SpecmarkConfiguration) -> Int32 {
            let (errors, warnings, _) = input.counts
            switch configuration.failOn {
            case .error where errors > 0: return ExitStatus.findings
            case .warning where errors + warnings > 0: return ExitStatus.findings
            default: break
            }
            if let maximum = configuration.maxWarnings, warnings > maximum, configuration.failOn != .never {
                return ExitStatus.findings
            }
            return ExitStatus.clean
        }
    }
}

/// `--shard I/N`.
struct Shard: ExpressibleByArgument, CustomStringConvertible {
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    var description: String { "\(index)/\(count)" }
}

extension RuleOptions.UnannotatedExamples: ExpressibleByArgument {}
extension SpecmarkConfiguration.FailOn: ExpressibleByArgument {}

extension RuleDescription {
    /// What reporters need of a rule.
    var reportRule: ReportRule {
        ReportRule(
            id: id, family: family.rawValue, summary: summary, rationale: rationale, defaultSeverity: defaultSeverity)
    }
}

/// Reads the lines findings point at, once per file (files concurrently), for carets and column conversion.
enum SourceLines {
    static func read(for diagnostics: [Diagnostic]) async -> [String: [Int: String]] {
        var wanted: [String: Set<Int>] = [:]
        // A file that could not be read, or was skipped as too large or binary, has no line to show.
        for diagnostic in diagnostics where diagnostic.ruleID != "file-unreadable" {
            wanted[diagnostic.location.file, default: []].formUnion([
                diagnostic.location.range.start.line, diagnostic.location.range.end.line,
            ])
            for note in diagnostic.notes {
                if let location = note.location { wanted[location.file, default: []].insert(location.range.start.line) }
            }
        }
        let files = await concurrentMap(Array(wanted)) { file, lines -> (String, [Int: String])? in
            guard case .success(let bytes) = FileReader.read(file) else { return nil }
            let text = SourceText(bytes: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
            var found: [Int: String] = [:]
            for line in lines where line >= 1 && line <= text.lineCount {
                found[line] = text.line(line)
            }
            return (file, found)
        }
        return Dictionary(files.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }
}

/// Finds and reads the configuration the way every command does, turning its errors into exit status 2.
enum ConfigurationLoader {
    /// The pages under `paths` that the configuration selects, read with its extraction settings.
    static func docs(paths: [String], explicit: String? = nil, logger: Logger) async throws -> DocSet {
        do {
            let configuration = try load(paths: paths, explicit: explicit, disabled: false)
            return try await DocSet.load(
                paths, configuration: configuration.extraction, logger: logger, select: { configuration.selects($0) })
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }

    static func load(
        paths: [String], explicit: String?, disabled: Bool, logger: Logger? = nil
    ) throws -> SpecmarkConfiguration {
        let ids = BuiltInRules.all.map(\.description.id)
        let path = disabled ? nil : (explicit ?? SpecmarkConfiguration.locate(startingAt: paths.first ?? "."))
        guard let path else { return SpecmarkConfiguration(directory: FileManager.default.currentDirectoryPath) }
        do {
            let configuration = try SpecmarkConfiguration.load(DisplayPath()(path), knownRules: ids)
            logger?.debug("configuration", metadata: ["path": "\(path)"])
            return configuration
        } catch {
            Terminal.standardError.write("\(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
