import ArgumentParser
import Foundation
import SpecmarkContract
import SpecmarkLint
import SpecmarkOpenAPI

extension Specmark {
    /// `specmark openapi PATH...`: the pages as an OpenAPI 3.1 document.
    struct OpenAPI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Export the pages as an OpenAPI 3.1 document.",
            discussion: """
                Paths and operations come from the declared METHOD /path lines, parameters from the path, query \
                and header tables, request bodies and responses from the documented examples and the Response \
                section, schemas from the resource pages (with --metadata, from the metadata, described by the \
                pages) and security from the Permissions tables. Every operation, schema and property carries \
                x-specmark-source: "file:line". The document is validated with OpenAPIKit before it is written. \
                Declared paths OpenAPI cannot express are reported on stderr and left out; the export goes on.

                Exit codes: 0 written; 2 usage, configuration or I/O error, or a document that does not validate.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, yaml
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var metadata: MetadataOptions

        @Option(
            name: .shortAndLong, help: "Write the document to FILE (.json, or .yaml/.yml for YAML) instead of stdout.")
        var output: String?

        @Option(help: "Output format when writing to stdout, or to a file whose extension says neither: json or yaml.")
        var format: Format?

        @Option(help: "Export only the pages of this API version (its folder name, such as v1.0).")
        var version: String?

        @Option(help: "The document's title (info.title).")
        var title = "API reference"

        @Option(help: "URL prefix for each page's externalDocs link (https://github.com/org/docs/blob/main/).")
        var linkBase: String?

        @Argument(help: "Files or directories to export.")
        var paths: [String] = ["."]

        func validate() throws {
            if let version, version.isEmpty || version.contains("/") {
                throw ValidationError("--version takes a version folder name, such as v1.0")
            }
        }

        /// The format the output's extension asks for, else `--format`, else JSON.
        var resolvedFormat: OpenAPIExport.Format {
            if let output {
                let lower = output.lowercased()
                if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
                if lower.hasSuffix(".json") { return .json }
            }
            return format.flatMap { OpenAPIExport.Format(rawValue: $0.rawValue) } ?? .json
        }

        func run() async throws {
            let logger = global.makeLogger(label: "specmark.openapi")
            let (docs, _) = try await metadata.loadDocSet(paths, logger: logger)
            let started = ContinuousClock.now
            let export = OpenAPIExport(
                docs: docs, options: OpenAPIExportOptions(apiVersion: version, title: title, linkBase: linkBase),
                logger: logger)
            for diagnostic in export.diagnostics where !global.quiet || diagnostic.severity != .note {
                Terminal.standardError.write(Self.line(diagnostic))
            }
            let problems = export.validationErrors()
            guard problems.isEmpty else {
                Terminal.standardError.write(
                    "error: the exported document does not validate (OpenAPIKit):\n"
                        + problems.map { "  \($0)\n" }.joined())
                throw ExitCode(ExitStatus.usage)
            }
            let text: String
            do {
                text = try export.encoded(as: resolvedFormat)
            } catch {
                Terminal.standardError.write("error: cannot encode the document: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            if let output {
                do {
                    let url = URL(fileURLWithPath: output)
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url, options: .atomic)
                } catch {
                    Terminal.standardError.write("error: cannot write \(output): \(error.localizedDescription)\n")
                    throw ExitCode(ExitStatus.usage)
                }
            } else {
                Terminal.standardOutput.write(text)
            }
            if !global.quiet {
                let elapsed = ContinuousClock.now - started
                Terminal.standardError.write(Self.summary(export.statistics, elapsed: elapsed))
            }
        }

        /// `file:line:column: warning: message [rule]`, then its notes.
        static func line(_ diagnostic: Diagnostic) -> String {
            let start = diagnostic.location.range.start
            var text =
                "\(diagnostic.location.file):\(start.line):\(start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]\n"
            for note in diagnostic.notes {
                let place = note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " } ?? ""
                text += "    \(place)note: \(note.message)\n"
            }
            return text
        }

        /// What was exported and what was left out.
        static func summary(_ statistics: OpenAPIExportStatistics, elapsed: Duration) -> String {
            let share = (statistics.exportedShare * 1000).rounded() / 10
            var text =
                "exported \(statistics.paths) paths, \(statistics.operations) operations and \(statistics.schemas) schemas "
                + "from \(statistics.methodPages) method pages; \(statistics.exportedDeclaredPaths) of "
                + "\(statistics.declaredPaths) declared paths (\(share)%; \(statistics.duplicateDeclarations) of them "
                + "declared by another page too), \(statistics.requestsMatched) request examples matched, "
                + "\(statistics.requestExamples) request and \(statistics.responseExamples) response examples written"
            let leftOut = statistics.leftOut.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            if !leftOut.isEmpty { text += "; left out: " + leftOut.joined(separator: ", ") }
            let milliseconds =
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            return text + " (\(milliseconds) ms)\n"
        }
    }
}
