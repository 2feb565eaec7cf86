import ArgumentParser
import SpecmarkContract
import SpecmarkMarkdown

extension Specmark {
    /// `specmark dump FILE`: prints the Markdown tree Specmark reads from a page.
    struct Dump: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump",
            abstract: "Print the Markdown block tree of a page, with source ranges (for debugging).")

        @Argument(help: "The Markdown file to dump.")
        var file: String

        func run() async throws {
            switch FileReader.read(file) {
            case .success(let bytes):
                Terminal.standardOutput.write(MarkdownDocument.parse(bytes: bytes, path: DisplayPath()(file)).dump())
            case .failure(let error):
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
        }
    }
}
