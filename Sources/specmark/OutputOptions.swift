import ArgumentParser
import Foundation
import SpecmarkReport

/// Where and how a run's report goes: one format on stdout, and any number of files.
struct OutputOptions: ParsableArguments {
    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(
        help:
            "The format printed on stdout: text, json, sarif, junit, github, markdown, html or summary (the closing line only)."
    )
    var format: ReportFormat = .text

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write FORMAT to PATH (repeatable), for example --report sarif=specmark.sarif.",
            valueName: "FORMAT=PATH"))
    var reports: [String] = []

    @Option(help: "Colour the text format: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Option(
        help: "Markdown and HTML links: a URL file paths are appended to (default from GitHub Actions' environment).")
    var linkBase: String?

    @Option(help: "How many findings the markdown format lists.")
    var markdownFindings = 50

    func validate() throws {
        for report in reports {
            guard let (format, path) = Self.split(report) else {
                throw ValidationError(
                    "--report takes FORMAT=PATH (formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))), not '\(report)'"
                )
            }
            _ = (format, path)
        }
    }

    static func split(_ report: String) -> (ReportFormat, String)? {
        guard let equals = report.firstIndex(of: "="), let format = ReportFormat(rawValue: String(report[..<equals]))
        else {
            return nil
        }
        let path = String(report[report.index(after: equals)...])
        return path.isEmpty ? nil : (format, path)
    }

    /// Whether any format written (stdout or a --report file) quotes source lines.
    var quotesSourceLines: Bool {
        format.quotesSourceLines || reports.contains { Self.split($0)?.0.quotesSourceLines == true }
    }

    /// Whether any format written is the HTML report.
    var writesHTML: Bool {
        format == .html || reports.contains { Self.split($0)?.0 == .html }
    }

    /// Whether the text format on stdout gets colours.
    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return environment["NO_COLOR"].map(\.isEmpty) ?? true && Terminal.standardOutput.isTTY
                && environment["TERM"] != "dumb"
        }
    }

    /// The markdown link base: the option, or GitHub Actions' blob URL for the commit being checked.
    var resolvedLinkBase: String? {
        if let linkBase { return linkBase }
        let environment = ProcessInfo.processInfo.environment
        guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
            let sha = environment["GITHUB_SHA"]
        else { return nil }
        return "\(server)/\(repository)/blob/\(sha)"
    }

    /// Prints the stdout format and writes every --report file; `ruleDocumentation` links the HTML report's rules.
    func emit(_ input: ReportInput, quiet: Bool, title: String, ruleDocumentation: String?) throws {
        let markdown = MarkdownReporter.Options(maximumFindings: markdownFindings, linkBase: resolvedLinkBase)
        let html = HTMLReporter.Options(title: title, linkBase: resolvedLinkBase, ruleDocumentation: ruleDocumentation)
        for report in reports {
            guard let (format, path) = Self.split(report) else { continue }
            try write(format.render(input, text: .init(useColor: false), markdown: markdown, html: html), to: path)
        }
        let text = TextReporter.Options(useColor: useColor, includeSummary: !quiet)
        Terminal.standardOutput.write(format.render(input, text: text, markdown: markdown, html: html))
    }

    /// Writes `contents` to `path` atomically (a temporary file renamed over it), making its folder if need be
    /// (`--report html=artifacts/specmark.html` in a fresh CI checkout).
    func write(_ contents: String, to path: String) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .atomic)
        } catch {
            Terminal.standardError.write("error: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
