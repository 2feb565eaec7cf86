public import SpecmarkMarkdown

/// Builds a ``PageContract`` from a parsed page: annotations bound to their code blocks, examples recognised
/// and paired, the method page's sections and tables read, resource and enum definitions collected.
///
/// Extraction never fails: whatever it cannot read becomes an ``ExtractionIssue`` with a location, and the rest
/// of the page is still extracted.
public struct PageExtractor: Sendable {
    /// The configuration, held once for every page: copying the value into each page's extraction would retain
    /// each of its strings and arrays (about forty) per page.
    private var settings: ExtractionSettings

    public var configuration: ExtractionConfiguration {
        get { settings.configuration }
        set { settings = ExtractionSettings(newValue) }
    }

    public init(configuration: ExtractionConfiguration = .graph) {
        settings = ExtractionSettings(configuration)
    }

    /// Parses and extracts a file's bytes.
    public func extract(bytes: [UInt8], file: String) -> PageContract {
        extract(MarkdownDocument.parse(bytes: bytes, path: file), file: file)
    }

    /// Extracts a parsed page; `file` is the path reports show.
    public func extract(_ document: MarkdownDocument, file: String) -> PageContract {
        var extraction = Extraction(document: document, file: file, settings: settings)
        return extraction.run()
    }
}

/// An extraction configuration shared by reference among the pages it extracts.
final class ExtractionSettings: Sendable {
    let configuration: ExtractionConfiguration

    init(_ configuration: ExtractionConfiguration) {
        self.configuration = configuration
    }
}
