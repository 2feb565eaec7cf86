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
            // Through the copy's storage: an array subscript checks the buffer's uniqueness on every write.
            cmarkBytes.withUnsafeMutableBufferPointer { cmarkBytes in
                for index in from..<to where cmarkBytes[index] != 0x0A && cmarkBytes[index] != 0x0D {
                    cmarkBytes[index] = 0x20
                }
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

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode's table 3-7: no
    /// overlong forms, surrogates or code points past U+10FFFF), or nil when all of `bytes` is valid.
    ///
    /// Validated in place: `String(validating:)` copied every page into a new string only to throw it away.
    /// ASCII, nearly all of a page, is passed over eight bytes at a time.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // The length the lead byte announces, and the range its second byte must fall in.
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: (length, low) = (3, 0xA0)
                case 0xED: (length, high) = (3, 0x9F)
                case 0xE1...0xEF: length = 3
                case 0xF0: (length, low) = (4, 0x90)
                case 0xF4: (length, high) = (4, 0x8F)
                case 0xF1...0xF3: length = 4
                default: return index
                }
                guard index + length <= count, (low...high).contains(buffer[index + 1]) else { return index }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
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
