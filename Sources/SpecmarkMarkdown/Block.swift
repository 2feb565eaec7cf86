/// A block-level node of a Markdown document.
///
/// The tree is a plain value: it holds no pointer into cmark and can cross concurrency domains.
public enum Block: Hashable, Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    case html(HTMLBlock)
    case code(CodeBlock)
    case blockQuote(BlockQuote)
    case list(ListBlock)
    case thematicBreak(ThematicBreak)
    case include(IncludeDirective)
    case tabMarker(TabMarker)

    /// Where the block lies in its file.
    public var range: SourceRange {
        switch self {
        case .heading(let node): node.range
        case .paragraph(let node): node.range
        case .table(let node): node.range
        case .html(let node): node.range
        case .code(let node): node.range
        case .blockQuote(let node): node.range
        case .list(let node): node.range
        case .thematicBreak(let node): node.range
        case .include(let node): node.range
        case .tabMarker(let node): node.range
        }
    }
}

/// An inline link or image: `[text](destination "title")`, `<https://…>` or `![alt](src)`.
public struct Link: Hashable, Sendable {
    /// The destination as written (not resolved).
    public var destination: String
    /// The title, if any.
    public var title: String
    /// The link text (or image alt text) as plain text.
    public var text: String
    /// From the opening bracket to the closing parenthesis.
    public var range: SourceRange
    /// Whether this is an image (`![alt](src)`).
    public var isImage: Bool
    /// For a reference link in a table cell (`[text][label]`, `[text][]`), the label; its destination comes from
    /// the page's link reference definitions.
    public var referenceLabel: String?
    /// Where the destination is written inside `(…)`, when it is written there (not for reference links and
    /// autolinks): what an author edits to fix a broken link.
    public var destinationRange: SourceRange?

    public init(
        destination: String, title: String = "", text: String, range: SourceRange, isImage: Bool = false,
        referenceLabel: String? = nil, destinationRange: SourceRange? = nil
    ) {
        self.destination = destination
        self.title = title
        self.text = text
        self.range = range
        self.isImage = isImage
        self.referenceLabel = referenceLabel
        self.destinationRange = destinationRange
    }
}

/// An inline code span, such as `` `201 Created` ``.
public struct CodeSpan: Hashable, Sendable {
    /// The code span's content.
    public var text: String
    /// Where the span's content lies (cmark's range: the backticks are not included).
    public var range: SourceRange
}

/// A DocFX include directive, `[!INCLUDE [title](path)]`.
public struct IncludeDirective: Hashable, Sendable {
    /// The title inside the inner brackets.
    public var title: String
    /// The included file's path as written.
    public var path: String
    /// The whole directive.
    public var range: SourceRange
    /// The path's own range.
    public var pathRange: SourceRange
}

/// An ATX or setext heading.
public struct Heading: Hashable, Sendable {
    public var range: SourceRange
    /// 1 to 6.
    public var level: Int
    /// The heading's content as plain text.
    public var text: String
    /// Links in the heading.
    public var links: [Link]

    public init(range: SourceRange, level: Int, text: String, links: [Link] = []) {
        self.range = range
        self.level = level
        self.text = text
        self.links = links
    }
}

/// A DocFX tab marker, a heading such as `# [HTTP](#tab/http)`; it starts a tab, not a section.
public struct TabMarker: Hashable, Sendable {
    public var range: SourceRange
    /// The heading level the marker was written with.
    public var level: Int
    /// The tab's title (`HTTP`).
    public var title: String
    /// The tab id after `#tab/` (`http`, or `http/condition` for a dependent tab).
    public var tabID: String
}

/// A paragraph with its plain text and the links, images, code spans and inline includes inside it.
public struct Paragraph: Hashable, Sendable {
    public var range: SourceRange
    /// The paragraph as plain text: markup removed, code spans kept, soft line breaks as spaces, hard ones as `"\n"`.
    public var text: String
    /// Links and images, in source order.
    public var links: [Link]
    /// Inline code spans, in source order.
    public var codeSpans: [CodeSpan]
    /// Include directives that stand inside the text.
    public var includes: [IncludeDirective]
}

/// A raw HTML block, with the HTML comments found in it.
public struct HTMLBlock: Hashable, Sendable {
    /// The block's range; its end line is corrected from the source (libcmark 0.30.2 reports it one short).
    public var range: SourceRange
    /// The block's text as cmark reports it.
    public var literal: String
    /// The HTML comments inside the block.
    public var comments: [HTMLComment]
}

/// An HTML comment, `<!-- … -->`.
public struct HTMLComment: Hashable, Sendable {
    /// From `<!--` to `-->` inclusive.
    public var range: SourceRange
    /// The text between the markers, with file positions.
    public var body: PositionedText
    /// Whether the comment was closed with `-->` inside the block.
    public var isClosed: Bool
}

/// A fenced or indented code block.
public struct CodeBlock: Hashable, Sendable {
    public var range: SourceRange
    /// Whether the block is fenced (as opposed to indented).
    public var isFenced: Bool
    /// The opening fence (```` ``` ```` or `~~~`, as long as written); empty for indented blocks.
    public var fence: String
    /// The info string after the opening fence, trimmed.
    public var info: String
    /// The block's content, with the file position of each line.
    public var content: PositionedText
    /// The line where the content starts.
    public var contentStartLine: Int
    /// Whether a fenced block was closed by a matching fence (always true for indented blocks).
    public var isClosed: Bool

    /// The first word of the info string, lower-cased (`http`, `json`, `msgraph-interactive`).
    public var language: String {
        // Info strings are ASCII words (`http`, `json`): lower-cased byte by byte into a small string. The word
        // is cut at a space, tab or `{` read as a whole character, so a stop byte with a combining mark after it
        // (non-ASCII) goes the general way.
        var info = info
        let asciiWord: String? = info.withUTF8 { bytes in
            var end = 0
            while end < bytes.count, bytes[end] < 0x80, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x7B {
                end += 1
            }
            if end < bytes.count, bytes[end] >= 0x80 || end + 1 < bytes.count && bytes[end + 1] >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: end) { word in
                for offset in 0..<end { word[offset] = ByteSearch.lowered(bytes[offset]) }
                return end
            }
        }
        if let asciiWord { return asciiWord }
        let word = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        return word.lowercased()
    }
}

/// A block quote; DocFX alerts (`> [!NOTE]`) carry their kind.
public struct BlockQuote: Hashable, Sendable {
    public var range: SourceRange
    /// The DocFX alert kind (`NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING`), upper-cased, if the quote is one.
    public var alert: String?
    public var children: [Block]
}

/// A bullet or ordered list.
public struct ListBlock: Hashable, Sendable {
    public var range: SourceRange
    /// Whether the list is ordered.
    public var isOrdered: Bool
    /// The start number of an ordered list.
    public var start: Int
    /// Whether the list is tight.
    public var isTight: Bool
    public var items: [ListItem]
}

/// One item of a list.
public struct ListItem: Hashable, Sendable {
    public var range: SourceRange
    public var children: [Block]
}

/// A thematic break (`---`); in DocFX it also closes a tab group.
public struct ThematicBreak: Hashable, Sendable {
    public var range: SourceRange
}
