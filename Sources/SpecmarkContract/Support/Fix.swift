public import SpecmarkMarkdown

/// A change that repairs one finding: edits to the finding's file, applied together or not at all.
///
/// Edits name what they expect to find, so a fix made for one version of a page is never applied to another: an
/// edit whose text is not there any more (the page changed, or another fix changed the same text) makes the fix
/// inapplicable instead of wrong.
public struct Fix: Hashable, Sendable, Codable {
    /// What the fix does, as an editor offers it ("Write 'No Content'").
    public var title: String
    public var edits: [FixEdit]

    public init(_ title: String, edits: [FixEdit]) {
        self.title = title
        self.edits = edits
    }

    /// A fix that replaces the text at `range`, which must read `expected`, with `replacement`.
    public static func replace(
        _ range: SourceRange, expected: String, with replacement: String, title: String
    ) -> Fix {
        Fix(title, edits: [FixEdit(range: range, change: .replace(expected: expected, with: replacement))])
    }
}

/// One edit of a ``Fix``, in the coordinates findings use (1-based lines, UTF-8 byte columns, inclusive ends).
public struct FixEdit: Hashable, Sendable, Codable {
    /// What the edit does at its range.
    public enum Change: Hashable, Sendable, Codable {
        /// The range's text, which must be `expected`, becomes `with`.
        case replace(expected: String, with: String)
        /// The one occurrence of `of` in the range's text becomes `with` (a heading's words inside its markup); no
        /// edit when it occurs there more or less than once.
        case replaceOccurrence(of: String, with: String)
        /// In the table row on the range's first line, the one cell whose plain text (markup and padding aside)
        /// is `expected` becomes `with`, its padding kept; no edit when no cell or several read so.
        case replaceCell(expected: String, with: String)
        /// A new line after the range's last line: the text of the range's first line before the range's start
        /// column (indentation, a block quote's `>`), then `text`, ended like that line.
        case insertLine(String)
        /// New table rows after the range's last line, shaped like that row (its indentation, outer pipes and
        /// padding), each with its cells in column order and the rest empty.
        case insertTableRows([[String]])
    }

    public var range: SourceRange
    public var change: Change

    public init(range: SourceRange, change: Change) {
        self.range = range
        self.change = change
    }
}
