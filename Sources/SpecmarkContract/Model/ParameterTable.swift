public import SpecmarkMarkdown

/// What a parameter table describes.
public enum ParameterTableKind: String, Hashable, Sendable, Codable, CaseIterable {
    case requestHeaders, queryParameters, pathParameters, requestBody, responseHeaders, properties, relationships
}

/// One row of a parameter table: request headers, query, path and body parameters, resource properties.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var nameRange: SourceRange
    /// The type column, when the table has one.
    public var type: TypeReference?
    /// The description (or value) column's plain text.
    public var description: String
    /// Whether the row says the parameter is required (`Required.`, a `Yes` in a Required column), optional
    /// (`Optional.`, `No`), or nil when it does not say.
    public var isRequired: Bool?
    /// The whole row.
    public var range: SourceRange
    /// The group row above it (`|**Auditing**|`), if the table groups its rows.
    public var group: String?
}

/// A parameter table under one of a page's sections.
public struct ParameterTable: Hashable, Sendable {
    public var kind: ParameterTableKind
    /// The heading above the table, as written.
    public var heading: String
    public var range: SourceRange
    /// The header cells' plain text.
    public var columns: [String]
    public var parameters: [Parameter]

    /// The row named `name` (case-insensitive).
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name.equalsIgnoringCase(name) }
    }
}
