import ArgumentParser
import Foundation
import SpecmarkContract

extension Specmark {
    /// `specmark model PATH...`: prints the contract model Specmark extracts.
    struct Model: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the contract model extracted from pages: methods, examples, resources, diagnostics.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, summary
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "Output format: text, json (the shape is documented in the README) or summary (counts).")
        var format: Format = .text

        @Argument(help: "Files or directories to read.")
        var paths: [String] = ["."]

        func run() async throws {
            let docs = try await ConfigurationLoader.docs(paths: paths, logger: global.makeLogger())
            switch format {
            case .text:
                Terminal.standardOutput.write(ModelReport(docs).text)
            case .summary:
                Terminal.standardOutput.write(ModelSummary(docs).text)
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(ModelReport(docs))
                Terminal.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }
}
