public import SpecmarkMarkdown

/// The `blockType` values the Graph docs use in annotations.
public enum BlockType: String, Hashable, Sendable, CaseIterable, Codable {
    case request, response, resource, ignored, example, samples, simulatedResponse, testParams
    case `enum`, permissions
}

/// A JSON annotation in an HTML comment that describes the code block after it:
/// `<!-- { "blockType": "request", "name": "get_user" } -->`.
public struct BlockAnnotation: Hashable, Sendable {
    /// The HTML comment's range.
    public var range: SourceRange
    /// The annotation's JSON, every key with its range.
    public var json: JSONValue
    /// `blockType` as written; nil when absent.
    public var blockTypeName: String?
    /// `blockType` when it is one Specmark knows.
    public var blockType: BlockType?
    /// `name`, which may be written as a string or a list of strings.
    public var names: [String]
    /// `@odata.type` (or its alias `@type`) with any `Collection(…)` wrapper removed.
    public var odataType: String?
    /// Whether `@odata.type` was written as `Collection(x)`.
    public var odataTypeIsCollection: Bool
    public var truncated: Bool
    public var isCollection: Bool
    public var collectionProperty: String?
    public var isEmpty: Bool
    public var expectError: Bool
    public var optionalProperties: [String]
    public var nullableProperties: [String]
    public var keyProperty: String?
    public var baseType: String?
    public var abstract: Bool
    public var openType: Bool
    public var isComposable: Bool
    public var isMediaEntity: Bool
    public var idempotent: Bool
    public var opaqueURL: Bool
    public var target: String?
    public var sampleKeys: [String]
    public var scopes: [String]
    public var apiVersions: [String]
    public var tags: [String]
    /// `@odata.annotations`, kept as JSON.
    public var odataAnnotations: JSONValue?
    /// Keys Specmark does not know, kept as written.
    public var unknownKeys: [JSONMember]

    /// The first name, the one examples are usually called by.
    public var name: String? { names.first }

    /// Whether the annotation says the block is a collection (`isCollection` or `Collection(x)`).
    public var describesCollection: Bool { isCollection || odataTypeIsCollection }

    /// The range of the member `key`, or the whole comment's range.
    public func range(of key: String) -> SourceRange {
        json.member(key)?.keyRange ?? range
    }
}

/// The page annotation: `<!-- { "type": "#page.annotation", "title": …, "suppressions": [ … ] } -->`.
public struct PageAnnotation: Hashable, Sendable {
    public var range: SourceRange
    public var json: JSONValue
    public var title: String?
    public var description: String?
    public var keywords: String?
    public var section: String?
    public var tocPath: String?
    /// Suppression entries as written, each with its range.
    public var suppressions: [Suppression]
    public var unknownKeys: [JSONMember]

    /// One entry of the page annotation's `suppressions` list.
    public struct Suppression: Hashable, Sendable {
        public var text: String
        public var range: SourceRange
    }
}

/// The outcome of reading an HTML comment as an annotation.
public enum DecodedAnnotation: Hashable, Sendable {
    case block(BlockAnnotation)
    case page(PageAnnotation)
    /// The comment looked like an annotation (its text starts with `{`) but is not readable JSON.
    case invalid(range: SourceRange)
}
