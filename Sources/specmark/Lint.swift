import ArgumentParser
import Logging
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown

extension Specmark {
    /// `specmark lint PATH...`: checks pages and reports findings with file:line:column.
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pages and report every finding with file:line:column.",
            discussion: "Directories are searched recursively for *.md files. 'specmark rules' lists the rules.")

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .customLong("unannotated-examples"),
            help: "Where example-unannotated reports: mixed-pages (pages that annotate some examples) or all.")
        var unannotatedExamples: RuleOptions.UnannotatedExamples = .mixedPages

        @Argument(help: "Files or directories to check.")
        var paths: [String] = ["."]

        func run() async throws {
            let logger = global.makeLogger()
            let docs: DocSet
            do {
                docs = try await DocSet.load(paths, logger: logger)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            var configuration = LintConfiguration.default
            configuration.options.unannotatedExamples = unannotatedExamples
            let diagnostics = await Linter(configuration: configuration).lint(docs, logger: logger)
            var output = ""
            for diagnostic in diagnostics {
                let start = diagnostic.location.range.start
                output +=
                    "\(diagnostic.location.file):\(start.line):\(start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]\n"
                for note in diagnostic.notes {
                    let place =
                        note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " } ?? ""
                    output += "    \(place)note: \(note.message)\n"
                }
            }
            Terminal.standardOutput.write(output)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            let files = Set(diagnostics.map(\.location.file)).count
            if !global.quiet {
                Terminal.standardError.write(
                    "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings") in \(files) of \(docs.pages.count) files\n"
                )
            }
            if errors > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}

extension RuleOptions.UnannotatedExamples: ExpressibleByArgument {}
