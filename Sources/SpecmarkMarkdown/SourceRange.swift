/// A place in a source file: a 1-based line and a 1-based UTF-8 byte column, as cmark counts them.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Stored in 32 bits each: every block, cell, link and JSON value of a model carries a range, so this halves
    // the size of millions of values. A file is read only up to its size limit, far below 2^31 bytes; larger
    // numbers are clamped rather than trapped on.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// The 1-based column, counted in UTF-8 bytes from the start of the line.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position from a 1-based line and a 1-based UTF-8 byte column.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of source text from `start` to `end`, both inclusive, as cmark reports source positions.
///
/// An empty span (a blank cell, an empty line) has `end.column == start.column - 1`.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first byte of the span.
    public var start: SourcePosition
    /// The last byte of the span (inclusive).
    public var end: SourcePosition

    /// Creates a range from its first and last positions.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// Creates a range from line and column numbers.
    public init(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) {
        self.start = SourcePosition(line: startLine, column: startColumn)
        self.end = SourcePosition(line: endLine, column: endColumn)
    }

    /// A range that covers a single position.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = position
    }

    /// Whether `position` lies within this range.
    public func contains(_ position: SourcePosition) -> Bool {
        start <= position && position <= end
    }

    /// Whether `other` lies entirely within this range.
    public func contains(_ other: SourceRange) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The lines this range touches.
    public var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }

    public var description: String { "\(start.line):\(start.column)-\(end.line):\(end.column)" }
}
