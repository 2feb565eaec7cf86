public import SpecmarkMarkdown

/// Builds a ``PageContract`` from a parsed page: annotations bound to their code blocks, examples recognised
/// and paired, the method page's sections and tables read, resource and enum definitions collected.
///
/// Extraction never fails: whatever it cannot read becomes an ``ExtractionIssue`` with a location, and the rest
/// of the page is still extracted.
public struct PageExtractor: Sendable {
    public var configuration: ExtractionConfiguration

    public init(configuration: ExtractionConfiguration = .graph) {
        self.configuration = configuration
    }

    /// Parses and extracts a file's bytes.
    public func extract(bytes: [UInt8], file: String) -> PageContract {
        extract(MarkdownDocument.parse(bytes: bytes, path: file), file: file)
    }

    /// Extracts a parsed page; `file` is the path reports show.
    public func extract(_ document: MarkdownDocument, file: String) -> PageContract {
        var extraction = Extraction(document: document, file: file, configuration: configuration)
        return extraction.run()
    }
}
