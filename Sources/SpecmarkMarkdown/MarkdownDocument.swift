/// A parsed Markdown page: its front matter, its block tree and the problems found while reading it.
public struct MarkdownDocument: Hashable, Sendable {
    /// The path the page was read from, as given.
    public var path: String
    /// The page's text after decoding fixes, with a line index.
    public var source: SourceText
    /// The YAML front matter, if the page has one.
    public var frontMatter: FrontMatter?
    /// The top-level blocks, in source order.
    public var blocks: [Block]
    /// What was wrong with the file: encoding, front matter, unclosed fences, ragged tables.
    public var problems: [MarkdownProblem]

    /// Parses Markdown text.
    ///
    /// The text is never rejected: whatever is wrong with it becomes a ``MarkdownProblem``.
    public static func parse(_ text: String, path: String) -> MarkdownDocument {
        parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses the raw bytes of a file: invalid UTF-8 is replaced (with a problem), a BOM is removed and NUL
    /// bytes become spaces so every column stays a byte column of the file.
    public static func parse(bytes input: [UInt8], path: String) -> MarkdownDocument {
        var problems: [MarkdownProblem] = []
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            problems.append(.byteOrderMark(at: SourceRange(1, 1, 1, 1)))
        }
        if let invalid = Self.firstInvalidUTF8Offset(bytes) {
            let position = Self.position(ofOffset: invalid, in: bytes)
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            problems.append(.invalidUTF8(at: SourceRange(at: position)))
        }
        if let firstNUL = ByteSearch.firstIndex(of: [0], in: bytes) {
            let position = Self.position(ofOffset: firstNUL, in: bytes)
            var count = 0
            for index in bytes.indices where bytes[index] == 0 {
                bytes[index] = 0x20
                count += 1
            }
            problems.append(.nulBytes(count, at: SourceRange(at: position)))
        }
        let source = SourceText(bytes: bytes)
        let frontMatter = FrontMatterReader.read(source)
        problems.append(contentsOf: frontMatter.problems)
        let parsed: (blocks: [Block], problems: [MarkdownProblem])
        if let blanked = frontMatter.blankedLines {
            // cmark must not see the front matter, but every line number must stay true: blank the lines.
            var cmarkBytes = bytes
            let from = source.lineStarts[blanked.lowerBound - 1]
            let to = source.lineEnds[blanked.upperBound - 1]
            var index = from
            while index < to {
                if cmarkBytes[index] != 0x0A && cmarkBytes[index] != 0x0D { cmarkBytes[index] = 0x20 }
                index += 1
            }
            parsed = CommonMarkConverter.convert(SourceText(bytes: cmarkBytes, linesOf: source))
        } else {
            parsed = CommonMarkConverter.convert(source)
        }
        problems.append(contentsOf: parsed.problems)
        problems.sort { $0.range.start < $1.range.start }
        return MarkdownDocument(
            path: path, source: source, frontMatter: frontMatter.frontMatter, blocks: parsed.blocks, problems: problems)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        // Fast path: pure ASCII or valid UTF-8 is the overwhelmingly common case.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= count else { return index }
            if length > 1 {
                guard String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else { return index }
            }
            index += length
        }
        return nil
    }

    private static func position(ofOffset offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A))
            {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return SourcePosition(line: line, column: offset - lineStart + 1)
    }
}

extension MarkdownProblem {
    fileprivate static func byteOrderMark(at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .byteOrderMark,
            message: "file starts with a UTF-8 byte order mark; columns on its first line are counted after it",
            range: range)
    }

    fileprivate static func invalidUTF8(at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .invalidUTF8,
            message:
                "file is not valid UTF-8; invalid bytes were read as U+FFFD, so columns after them on this line may be off",
            range: range)
    }

    fileprivate static func nulBytes(_ count: Int, at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .nulByte, message: "file contains \(count) NUL \(count == 1 ? "byte" : "bytes"), read as spaces",
            range: range)
    }
}
