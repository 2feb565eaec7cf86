import Mustache

/// A docs set's health at a glance, as one self-contained HTML file: totals, findings by rule and by area, the
/// worst pages, the change since a baseline, metadata coverage, replay results, and every finding with its source
/// line, filterable in the browser.
///
/// The page is drawn by Mustache templates (``HTMLTemplate``), which escape everything the docs contribute; charts
/// are inline SVG whose geometry the reporter computes (``HTMLCharts``). Styles and the small filter script are
/// inline, and the page's Content-Security-Policy forbids every request, so it opens from disk and from a CI
/// artifact alike.
public enum HTMLReporter {
    public struct Options: Sendable {
        /// The page's title and heading.
        public var title: String
        /// A URL file paths are appended to for links to their lines (`https://github.com/o/r/blob/SHA`).
        public var linkBase: String?
        /// A rule's documentation, as a URL with `{rule}` for its id (the configuration's `rule-documentation`).
        public var ruleDocumentation: String?

        public init(title: String = "Specmark report", linkBase: String? = nil, ruleDocumentation: String? = nil) {
            self.title = title
            self.linkBase = linkBase
            self.ruleDocumentation = ruleDocumentation
        }
    }

    public static func render(_ input: ReportInput, options: Options = Options()) -> String {
        switch library {
        case .success(let library):
            return library.render(HTMLReport(input, options: options), withTemplate: "page") ?? ""
        case .failure(let error):
            // The templates are constants that the tests parse; this is for a broken build only.
            return "<!DOCTYPE html><title>Specmark report</title><p>The report template does not parse: \(error)</p>\n"
        }
    }

    /// The page and its partials, parsed once.
    static let library: Result<MustacheLibrary, any Error> = Result {
        // Before parsing: each template selects the escaping by name, and a partial starts from the stock one.
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
        var library = MustacheLibrary()
        try library.register(pragma + HTMLTemplate.page, named: "page")
        for (name, text) in HTMLTemplate.partials { try library.register(pragma + text, named: name) }
        return library
    }
}
