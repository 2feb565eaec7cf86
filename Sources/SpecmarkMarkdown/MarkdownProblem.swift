/// Something wrong with a file that the Markdown layer noticed while reading it.
///
/// Problems are data: the parse always completes and keeps what it could read.
public struct MarkdownProblem: Hashable, Sendable {
    /// What kind of problem it is; the raw value is the stable rule id that reports it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case invalidUTF8 = "encoding-invalid-utf8"
        case nulByte = "encoding-nul-byte"
        case byteOrderMark = "encoding-bom"
        case frontMatterInvalid = "front-matter-invalid"
        case frontMatterUnclosed = "front-matter-unclosed"
        case frontMatterDuplicateKey = "front-matter-duplicate-key"
        case unclosedFence = "code-fence-unclosed"
        case unclosedComment = "html-comment-unclosed"
        case tableCellCount = "table-cell-count"
        case nestingTooDeep = "markdown-nesting-too-deep"
    }

    /// A related place ("the flow sequence opened here").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceRange

        public init(_ message: String, at range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    public var kind: Kind
    /// Lower-case, no final period, naming the thing.
    public var message: String
    public var range: SourceRange
    public var notes: [Note]

    public init(kind: Kind, message: String, range: SourceRange, notes: [Note] = []) {
        self.kind = kind
        self.message = message
        self.range = range
        self.notes = notes
    }
}
