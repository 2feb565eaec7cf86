/// A position in a document: a 0-based line and a 0-based character offset in the negotiated encoding.
public struct Position: Hashable, Sendable, Codable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A span of a document, its end exclusive.
public struct Range: Hashable, Sendable, Codable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// Whether the spans share a position (touching ends count, as an editor's cursor on a word's end does).
    public func touches(_ other: Range) -> Bool {
        !(end < other.start || other.end < start)
    }
}

/// A span of a document named by its URI.
public struct Location: Hashable, Sendable, Codable {
    public var uri: String
    public var range: Range
}

/// A replacement of a document's span.
public struct TextEdit: Hashable, Sendable, Codable {
    public var range: Range
    public var newText: String
}

/// Edits to documents, by URI.
public struct WorkspaceEdit: Hashable, Sendable, Codable {
    public var changes: [String: [TextEdit]]
}

/// A document named by its URI.
public struct TextDocumentIdentifier: Hashable, Sendable, Codable {
    public var uri: String
}
