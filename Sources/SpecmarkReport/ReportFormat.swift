/// The formats Specmark writes.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable {
    case text, json, sarif, junit, github, markdown, html
    /// Only the closing summary line.
    case summary

    /// Whether the format quotes the source lines of findings (``ReportInput/sourceLines``); the others never
    /// read them, so a run that writes only those need not read the files again.
    public var quotesSourceLines: Bool {
        switch self {
        case .text, .sarif, .html: true
        case .json, .junit, .github, .markdown, .summary: false
        }
    }

    /// Renders `input` in this format.
    public func render(
        _ input: ReportInput, text: TextReporter.Options = .init(), markdown: MarkdownReporter.Options = .init(),
        html: HTMLReporter.Options = .init()
    ) -> String {
        switch self {
        case .text: TextReporter.render(input, options: text)
        case .json: JSONReporter.render(input)
        case .sarif: SARIFReporter.render(input)
        case .junit: JUnitReporter.render(input)
        case .github: GitHubReporter.render(input)
        case .markdown: MarkdownReporter.render(input, options: markdown)
        case .html: HTMLReporter.render(input, options: html)
        case .summary: input.summaryLine + "\n"
        }
    }
}
