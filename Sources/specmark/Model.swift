import ArgumentParser
import Foundation
import SpecmarkContract
import SpecmarkLint

extension Specmark {
    /// `specmark model PATH...`: prints the contract model Specmark extracts.
    struct Model: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Print the contract model extracted from pages: methods, examples, resources, diagnostics.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, summary
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var metadata: MetadataOptions

        @Option(help: "Output format: text, json (the shape is documented in the README) or summary (counts).")
        var format: Format = .text

        @Argument(help: "Files or directories to read.")
        var paths: [String] = ["."]

        func run() async throws {
            let logger = global.makeLogger()
            let (docs, configuration) = try await metadata.loadDocSet(paths, logger: logger)
            let severity = configuration.lint.severity(of:)
            switch format {
            case .text:
                Terminal.standardOutput.write(ModelReport(docs, severity: severity).text)
            case .summary:
                Terminal.standardOutput.write(ModelSummary(docs).text)
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(ModelReport(docs, severity: severity))
                Terminal.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }
}
