import SpecmarkMarkdown

/// What extraction needs to know about a doc set's conventions.
public struct ExtractionConfiguration: Hashable, Sendable {
    /// Service roots stripped from example URLs (`https://graph.microsoft.com/v1.0`).
    public var serviceRoots: [String]
    /// Path prefixes that stand for others (`/me` ≡ `/users/{id}`).
    public var pathAliases: [PathAlias]
    /// Section titles that introduce each kind of table.
    public var tableHeadings: TableHeadings { didSet { titles = TitlePatterns(tableHeadings) } }
    /// The section titles of `tableHeadings` read for matching, kept in step with them.
    package private(set) var titles: TitlePatterns

    public init(
        serviceRoots: [String] = ExampleURL.graphServiceRoots, pathAliases: [PathAlias] = PathAlias.graphDefaults,
        tableHeadings: TableHeadings = .graphDefaults
    ) {
        self.serviceRoots = serviceRoots
        self.pathAliases = pathAliases
        self.tableHeadings = tableHeadings
        self.titles = TitlePatterns(tableHeadings)
    }

    /// The Microsoft Graph conventions.
    public static let graph = ExtractionConfiguration()
}

/// The section titles of ``TableHeadings``, each list read once for matching (``TableHeadings/title(_:matches:)``).
package struct TitlePatterns: Hashable, Sendable {
    package var permissions: TitleMatcher.Patterns
    package var requestHeaders: TitleMatcher.Patterns
    package var responseHeaders: TitleMatcher.Patterns
    package var queryParameters: TitleMatcher.Patterns
    package var pathParameters: TitleMatcher.Patterns
    package var requestBody: TitleMatcher.Patterns
    package var properties: TitleMatcher.Patterns
    package var relationships: TitleMatcher.Patterns
    package var enumValues: TitleMatcher.Patterns

    init(_ headings: TableHeadings) {
        permissions = TableHeadings.patterns(headings.permissions)
        requestHeaders = TableHeadings.patterns(headings.requestHeaders)
        responseHeaders = TableHeadings.patterns(headings.responseHeaders)
        queryParameters = TableHeadings.patterns(headings.queryParameters)
        pathParameters = TableHeadings.patterns(headings.pathParameters)
        requestBody = TableHeadings.patterns(headings.requestBody)
        properties = TableHeadings.patterns(headings.properties)
        relationships = TableHeadings.patterns(headings.relationships)
        enumValues = TableHeadings.patterns(headings.enumValues)
    }

    /// The titles of the sections every method page has.
    package static let httpRequest = TableHeadings.patterns(["HTTP request"])
    package static let response = TableHeadings.patterns(["Response"])
}

/// Section titles and column names, matched the way the Graph corpus writes them (its ApiDoctor
/// `table-header-config.json` lists the variants); a title pattern `{x} values` matches any text for `{x}`.
public struct TableHeadings: Hashable, Sendable {
    public var permissions: [String]
    public var requestHeaders: [String]
    public var responseHeaders: [String]
    public var queryParameters: [String]
    public var pathParameters: [String]
    public var requestBody: [String]
    public var properties: [String]
    public var relationships: [String]
    public var enumValues: [String]
    /// Column titles that hold a parameter's name.
    public var nameColumns: [String]
    /// Column titles that hold a parameter's type.
    public var typeColumns: [String]
    /// Column titles that hold a description.
    public var descriptionColumns: [String]
    /// Column titles that say whether a parameter is required.
    public var requiredColumns: [String]
    /// Column titles of enum members.
    public var memberColumns: [String]
    public var valueColumns: [String]

    public init(
        permissions: [String], requestHeaders: [String], responseHeaders: [String], queryParameters: [String],
        pathParameters: [String], requestBody: [String], properties: [String], relationships: [String],
        enumValues: [String], nameColumns: [String], typeColumns: [String], descriptionColumns: [String],
        requiredColumns: [String], memberColumns: [String], valueColumns: [String]
    ) {
        self.permissions = permissions
        self.requestHeaders = requestHeaders
        self.responseHeaders = responseHeaders
        self.queryParameters = queryParameters
        self.pathParameters = pathParameters
        self.requestBody = requestBody
        self.properties = properties
        self.relationships = relationships
        self.enumValues = enumValues
        self.nameColumns = nameColumns
        self.typeColumns = typeColumns
        self.descriptionColumns = descriptionColumns
        self.requiredColumns = requiredColumns
        self.memberColumns = memberColumns
        self.valueColumns = valueColumns
    }

    /// The Graph docs' titles, from their `table-header-config.json` plus the variants the corpus uses.
    public static let graphDefaults = TableHeadings(
        permissions: ["Permissions", "Permissions {x}", "Prerequisites"],
        requestHeaders: ["Request headers", "Optional request headers", "Request header"],
        responseHeaders: ["Response headers"],
        queryParameters: ["Query parameters", "Optional query parameters", "OData query parameters"],
        pathParameters: ["Path parameters", "Function parameters", "Parameters"],
        requestBody: ["Request body"],
        properties: ["Properties", "Instance attributes"],
        relationships: ["Relationships"],
        enumValues: [
            "Enumerated values", "{x} enumeration", "{x} enumeration values", "{x} members", "{x} values", "{x} flags",
            "Members",
        ],
        nameColumns: [
            "Parameter name", "Parameter", "Property name", "Property", "Name", "Relationship name", "Relationship",
            "Header", "Query parameter", "Header name", "Request header", "Key",
        ],
        typeColumns: ["Type", "Value", "Data type"],
        descriptionColumns: ["Description", "Value", "Notes", "Details"],
        requiredColumns: ["Required", "Required?", "Is required"],
        memberColumns: ["Member", "Name", "Value"],
        valueColumns: ["Value", "Numeric value"]
    )

    /// Whether `title` matches one of `patterns` (case-insensitive; `{x}` matches any non-empty text).
    public static func title(_ title: String, matches patterns: [String]) -> Bool {
        TitleMatcher.matchesAny(title, patterns: patterns, wildcard: titleWildcard, ignoringCase: true)
    }

    /// The leading bytes of titles that may match `patterns` by ``title(_:matches:)``.
    public static func leadingBytes(of patterns: [String]) -> TitleMatcher.LeadingBytes {
        TitleMatcher.LeadingBytes(patterns: patterns, wildcard: titleWildcard, ignoringCase: true)
    }

    /// `patterns` read once, to match many titles as ``title(_:matches:)`` does.
    package static func patterns(_ patterns: [String]) -> TitleMatcher.Patterns {
        TitleMatcher.Patterns(patterns, wildcard: titleWildcard, ignoringCase: true)
    }

    private static let titleWildcard = "{x}"
}
