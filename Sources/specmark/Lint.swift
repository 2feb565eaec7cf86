import ArgumentParser
import Logging
import SpecmarkContract
import SpecmarkMarkdown

extension Specmark {
    /// `specmark lint PATH...`: checks pages and reports findings with file:line:column.
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pages and report every finding with file:line:column.",
            discussion: "Directories are searched recursively for *.md files.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Files or directories to check.")
        var paths: [String] = ["."]

        func run() async throws {
            let logger = global.makeLogger()
            let display = DisplayPath()
            let discovery: FileDiscovery.Result
            do {
                discovery = try FileDiscovery().discover(paths)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            logger.debug("found \(discovery.files.count) files")
            let perFile = await concurrentMap(discovery.files) { path -> [Diagnostic] in
                let shown = display(path)
                switch FileReader.read(path) {
                case .success(let bytes):
                    let document = MarkdownDocument.parse(bytes: bytes, path: shown)
                    return document.problems.map { Diagnostic($0, file: shown) }
                case .failure(let error):
                    var diagnostic = error.diagnostic
                    diagnostic.location.file = shown
                    return [diagnostic]
                }
            }
            var diagnostics = discovery.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.location.file = display(diagnostic.location.file)
                return diagnostic
            }
            for fileDiagnostics in perFile { diagnostics.append(contentsOf: fileDiagnostics) }
            var output = ""
            for diagnostic in diagnostics {
                let start = diagnostic.location.range.start
                output +=
                    "\(diagnostic.location.file):\(start.line):\(start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]\n"
            }
            Terminal.standardOutput.write(output)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            let files = Set(diagnostics.map(\.location.file)).count
            if !global.quiet {
                Terminal.standardError.write(
                    "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings") in \(files) of \(discovery.files.count) files\n"
                )
            }
            if errors > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
