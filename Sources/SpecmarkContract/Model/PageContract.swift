public import SpecmarkMarkdown

/// The kind of a reference page, from `doc_type` front matter or inferred from its content.
public enum PageKind: String, Hashable, Sendable, Codable, CaseIterable {
    case method = "apiPageType"
    case resource = "resourcePageType"
    case enumeration = "enumPageType"
    case conceptual = "conceptualPageType"
    case unknown
}

/// A `METHOD /path` line of the HTTP request section.
public struct DeclaredPath: Hashable, Sendable {
    public var method: String
    public var template: PathTemplate
    /// The whole line.
    public var range: SourceRange
    /// The path's range within the line.
    public var pathRange: SourceRange
}

/// What a method page declares about its API method.
public struct MethodContract: Hashable, Sendable {
    /// The HTTP request section's heading, if the page has one.
    public var httpRequestRange: SourceRange?
    /// The declared `METHOD /path` lines.
    public var declaredPaths: [DeclaredPath]
    /// The Permissions tables.
    public var permissions: PermissionSet
    /// Request header, query, path and body parameter tables.
    public var parameterTables: [ParameterTable]
    /// What the Response section states.
    public var response: ResponseSection?
    /// Names the query-parameter sections mention in prose or code spans (`$select`, `period`), lower-cased.
    public var queryMentions: [String] = []
    /// The query-parameter section headings, if any.
    public var querySectionRange: SourceRange?

    /// The tables of one kind.
    public func tables(_ kind: ParameterTableKind) -> [ParameterTable] {
        parameterTables.filter { $0.kind == kind }
    }
}

/// Everything Specmark extracted from one page; the Markdown tree is not kept.
public struct PageContract: Hashable, Sendable {
    /// The path the page was read from, as reports show it.
    public var file: String
    public var kind: PageKind
    /// Whether `kind` was inferred because `doc_type` was missing or unknown.
    public var kindIsInferred: Bool
    /// The API version from the page's folder (`v1.0`, `beta`), if it lies in one.
    public var apiVersion: String?
    /// The front matter title, or the first heading.
    public var title: String
    public var frontMatter: FrontMatter?
    public var pageAnnotation: PageAnnotation?
    /// Top-level headings in order (tab markers excluded).
    public var headings: [Heading]
    /// DocFX tab markers in order.
    public var tabMarkers: [TabMarker]
    /// Top-level thematic breaks (which close DocFX tab groups).
    public var thematicBreaks: [SourceRange]
    /// Every link and image on the page (include directives excluded).
    public var links: [Link]
    /// Every DocFX include directive on the page.
    public var includes: [IncludeDirective]
    /// What the page declares as a method page.
    public var method: MethodContract?
    /// Types defined on the page.
    public var resources: [ResourceDefinition]
    /// Enumerations defined on the page.
    public var enums: [EnumDefinition]
    /// Request examples, in page order.
    public var requests: [RequestExample]
    /// Response examples, in page order.
    public var responses: [ResponseExample]
    /// Requests paired with responses.
    public var pairs: [ExamplePair]
    /// Requests whose response is a block annotated `ignored` (accounted for, not paired).
    public var requestsAnsweredByIgnored: [Int]
    /// Responses that answer a request block annotated `ignored` (accounted for, not paired).
    public var responsesAnsweringIgnored: [Int]
    /// Inline `specmark-disable` comments, in page order.
    public var suppressionDirectives: [SuppressionDirective]
    /// What reading the page found wrong: encoding, front matter, annotations, HTTP blocks, JSON bodies.
    public var issues: [ExtractionIssue]
    /// The number of lines in the file.
    public var lineCount: Int
    /// The kinds of value the page's typed response examples give each property (see ``ExampleShape``); kept when
    /// the page is reduced to its context.
    public var exampleShapes: [ExampleShape] = []
    /// The response blocks annotated `ignored`: tools skip them, but they still show what the service sends (the
    /// CSV a report's redirect leads to).
    public var ignoredResponses: [IgnoredResponse] = []
    /// The paragraphs between the page title and its first section, in plain text, without the `Namespace:` line:
    /// what the page says it is about (an export's description).
    public var introduction: [String] = []

    /// The response paired with request `index` (its first answer, not an alternative), if any.
    public func response(pairedWith index: Int) -> ResponseExample? {
        pairs.first { $0.request == index && $0.pairedBy != .alternative }.map { responses[$0.response] }
    }

    /// Every response that answers request `index`: the paired one first, then alternatives.
    public func responses(answering index: Int) -> [Int] {
        pairs.filter { $0.request == index }.sorted {
            ($0.pairedBy == .alternative ? 1 : 0) < ($1.pairedBy == .alternative ? 1 : 0)
        }.map(\.response)
    }

    /// The request paired with response `index`, if any.
    public func request(pairedWith index: Int) -> RequestExample? {
        requestIndex(pairedWith: index).map { requests[$0] }
    }

    /// The index of the request that response `index` answers, if it is paired: for reading a field of the
    /// request in place instead of copying all of it.
    public func requestIndex(pairedWith index: Int) -> Int? {
        pairs.first { $0.response == index }?.request
    }
}
