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
            commandName: "lint",
            abstract: "Check pages and report every finding with file:line:column.",
            discussion: """
                Directories are searched recursively for *.md files. Configuration comes from the nearest \
                .specmark.yml at or above the first path (or --config). 'specmark rules' lists the rules.

                Exit status: 0 nothing at or above --fail-on; 1 findings at or above it (or more warnings than \
                --max-warnings); 2 usage, configuration or I/O error.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var metadata: MetadataOptions
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

        @Flag(help: "Apply every safe fix in place, print what changed, then report what is left.")
        var fix = false

        @Flag(help: "Print the safe fixes as a unified diff instead of applying them; exit 1 when there are any.")
        var fixDryRun = false

        @Argument(help: "Files or directories to check.")
        var paths: [String] = ["."]

        func validate() throws {
            try output.validate()
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
            if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
            if fix && fixDryRun { throw ValidationError("--fix and --fix-dry-run exclude each other") }
        }

        func run() async throws {
            let logger = global.makeLogger()
            var configuration = try ConfigurationLoader.loadOrExit(
                paths: paths, explicit: config, disabled: noConfig, logger: logger)
            metadata.apply(to: &configuration)
            if let failOn { configuration.failOn = failOn }
            if let maxWarnings { configuration.maxWarnings = maxWarnings }
            if let unannotatedExamples { configuration.lint.options.unannotatedExamples = unannotatedExamples }
            let progress = ProgressLine(enabled: !global.quiet && Terminal.standardError.isTTY)
            let request = LintRun.Request(
                paths: paths, configuration: configuration, changedSince: changedSince, shard: shard,
                // Fixes and the HTML report's metadata coverage need the pages read (a cached result has the
                // findings only).
                cacheDirectory: noCache || fix || fixDryRun || (output.writesHTML && !configuration.metadata.isEmpty)
                    ? nil : cacheDir,
                progress: { done, total in
                    progress.update(done, of: total)
                    // Reading is what the line measures; it goes before the checks start.
                    if done == total { progress.finish() }
                })
            let outcome: LintRun.Outcome
            do {
                outcome = try await LintRun(request, logger: logger).run()
            } catch {
                progress.finish()
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            progress.finish()
            var diagnostics = outcome.diagnostics
            if fix || fixDryRun, let docs = outcome.docs {
                let fixed = await Fixing(outcome: outcome, docs: docs, configuration: configuration, logger: logger)
                    .run(dryRun: fixDryRun, quiet: global.quiet)
                if fixDryRun { throw ExitCode(fixed.changes.isEmpty ? ExitStatus.clean : ExitStatus.findings) }
                diagnostics = fixed.diagnostics
                KeptUntilExit.keep(fixed.docs)
            }
            // The findings and the files go with the model: freeing thousands of diagnostics is the last thing a
            // run would do before the process ends anyway.
            KeptUntilExit.keep(outcome)
            let started = ContinuousClock.now
            let coverage =
                output.writesHTML
                ? (outcome.docs.map { docs in
                    docs.metadata.entries.map { MetadataCoverage($0.metadata, version: $0.version, docs: docs) }
                } ?? []) : []
            let input = try await report(
                diagnostics, files: outcome.files, coverage: coverage, configuration: configuration, logger: logger)
            logger.debug("reports written", metadata: ["elapsed": "\(ContinuousClock.now - started)"])
            KeptUntilExit.keep(input)
            throw ExitCode(Self.exitStatus(input, configuration: configuration))
        }

        /// Applies the baseline options and writes the reports; returns what was reported.
        private func report(
            _ diagnostics: [Diagnostic], files: [String], coverage: [MetadataCoverage],
            configuration: SpecmarkConfiguration, logger: Logger
        ) async throws -> ReportInput {
            var diagnostics = diagnostics
            var fixed: [Baseline.Entry]?
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
                rules: BuiltInRules.all.map { ReportRule($0.description) },
                sourceLines: output.quotesSourceLines ? await SourceLines.read(for: diagnostics) : [:],
                fixedBaselineEntries: fixed?.count,
                fixedBaselineEntriesByRule: fixed.map { Dictionary($0.map { ($0.rule, 1) }, uniquingKeysWith: +) }
                    ?? [:],
                coverage: coverage)
            try output.emit(
                input, quiet: global.quiet, title: "Specmark lint report",
                ruleDocumentation: configuration.ruleDocumentation)
            return input
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

extension Shard: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension RuleOptions.UnannotatedExamples: ExpressibleByArgument {}
extension SpecmarkConfiguration.FailOn: ExpressibleByArgument {}

extension ConfigurationLoader {
    /// The configuration, or exit status 2 with the error on stderr.
    static func loadOrExit(
        paths: [String], explicit: String? = nil, disabled: Bool = false, logger: Logger? = nil
    ) throws -> SpecmarkConfiguration {
        do {
            return try load(paths: paths, explicit: explicit, disabled: disabled, logger: logger)
        } catch {
            Terminal.standardError.write("\(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
