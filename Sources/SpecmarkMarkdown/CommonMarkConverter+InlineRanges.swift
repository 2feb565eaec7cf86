/// Inline ranges repaired against the source where libcmark 0.30.2 gets them wrong, and where link destinations
/// are written.
extension CommonMarkConverter {
    /// libcmark 0.30.2 does not advance inline line numbers past a hard line break (`\` or two spaces at
    /// the end of a line), so an inline range that does not fit its source is looked up again in the source.
    func verified(_ links: [Link], within paragraph: SourceRange) -> [Link] {
        var cursor = paragraph.start
        return links.map { link in
            var link = link
            if !fits(link) {
                let needle =
                    link.destination == link.text && !link.isImage ? "<\(link.destination)>" : "](\(link.destination)"
                if let found = search(needle, from: cursor, within: paragraph) {
                    let isAutolink = needle.hasPrefix("<")
                    let opener = isAutolink ? found.column : openingBracket(before: found, isImage: link.isImage)
                    let closer =
                        isAutolink
                        ? found.column + needle.utf8.count - 1
                        : closingParenthesis(after: found, skipping: needle.utf8.count)
                    link.range = SourceRange(found.line, opener, found.line, closer)
                }
            }
            if link.range.end > cursor { cursor = link.range.end }
            link.destinationRange = destinationRange(of: link)
            return link
        }
    }

    /// Where an inline link's destination is written: after the `](` (and `<`) that closes its text, when the
    /// destination reads there as cmark gives it; nil for reference links and destinations written with escapes.
    func destinationRange(of link: Link) -> SourceRange? {
        let length = link.destination.utf8.count
        guard length > 0, byte(at: link.range.start) != UInt8(ascii: "<") else { return nil }
        // `](` and the destination, then `](<` and the destination: one pattern, its `<` put in for the second.
        var pattern = Array("](".utf8)
        pattern.append(contentsOf: link.destination.utf8)
        for openerLength in [2, 3] {
            if openerLength == 3 { pattern.insert(UInt8(ascii: "<"), at: 2) }
            // The last occurrence inside the link: a link around an image (`[![alt](a.png)](a.png)`) has the image's
            // destination first.
            var last: SourcePosition?
            var from = link.range.start
            while let found = search(pattern, from: from, within: link.range), found <= link.range.end {
                last = found
                from = SourcePosition(line: found.line, column: found.column + 1)
            }
            if let last {
                let column = last.column + openerLength
                return SourceRange(last.line, column, last.line, column + length - 1)
            }
        }
        return nil
    }

    func verified(_ spans: [CodeSpan], within paragraph: SourceRange) -> [CodeSpan] {
        var cursor = paragraph.start
        return spans.map { span in
            var span = span
            if !span.text.contains(" "), text(at: span.range.start, length: span.text.utf8.count) != span.text,
                let found = search("`" + span.text, from: cursor, within: paragraph)
            {
                span.range = SourceRange(found.line, found.column + 1, found.line, found.column + span.text.utf8.count)
            }
            if span.range.end > cursor { cursor = span.range.end }
            return span
        }
    }

    func byte(at position: SourcePosition) -> UInt8? {
        let span = source.byteRange(ofLine: position.line)
        let offset = span.lowerBound + position.column - 1
        return position.column >= 1 && offset < span.upperBound ? source.bytes[offset] : nil
    }

    func text(at position: SourcePosition, length: Int) -> String {
        let span = source.byteRange(ofLine: position.line)
        let start = span.lowerBound + position.column - 1
        guard position.column >= 1, start + length <= span.upperBound else { return "" }
        return String(decoding: source.bytes[start..<(start + length)], as: UTF8.self)
    }

    func fits(_ link: Link) -> Bool {
        guard link.range.start.line >= 1, link.range.end.line <= source.lineCount else { return false }
        let first = byte(at: link.range.start)
        let last = byte(at: link.range.end)
        let opens = first == UInt8(ascii: "[") || first == UInt8(ascii: "!") || first == UInt8(ascii: "<")
        let closes = last == UInt8(ascii: ")") || last == UInt8(ascii: ">") || last == UInt8(ascii: "]")
        return opens && closes
    }

    /// The position of the first occurrence of `needle` at or after `start` within `paragraph`.
    func search(_ needle: String, from start: SourcePosition, within paragraph: SourceRange) -> SourcePosition? {
        search(Array(needle.utf8), from: start, within: paragraph)
    }

    /// `search(_:from:within:)` for a needle's bytes.
    func search(_ pattern: [UInt8], from start: SourcePosition, within paragraph: SourceRange) -> SourcePosition? {
        guard !pattern.isEmpty, start.line >= 1 else { return nil }
        for line in start.line...min(paragraph.end.line, source.lineCount) {
            let span = source.byteRange(ofLine: line)
            let from = line == start.line ? span.lowerBound + max(0, start.column - 1) : span.lowerBound
            if from <= span.upperBound,
                let found = ByteSearch.firstIndex(of: pattern, in: source.bytes, from: from, to: span.upperBound)
            {
                return SourcePosition(line: line, column: found - span.lowerBound + 1)
            }
        }
        return nil
    }

    /// The column of the `[` (or `![`) that opens the link whose `](` is at `closing`.
    func openingBracket(before closing: SourcePosition, isImage: Bool) -> Int {
        let span = source.byteRange(ofLine: closing.line)
        var index = span.lowerBound + closing.column - 1
        var depth = 0
        while index >= span.lowerBound {
            let byte = source.bytes[index]
            if byte == UInt8(ascii: "]") { depth += 1 }
            if byte == UInt8(ascii: "[") {
                depth -= 1
                if depth == 0 {
                    let hasBang = isImage && index > span.lowerBound && source.bytes[index - 1] == UInt8(ascii: "!")
                    return index - span.lowerBound + (hasBang ? 0 : 1)
                }
            }
            index -= 1
        }
        return closing.column
    }

    /// The column of the `)` that closes a link destination starting `skipping` bytes after `start`.
    func closingParenthesis(after start: SourcePosition, skipping: Int) -> Int {
        let span = source.byteRange(ofLine: start.line)
        var index = span.lowerBound + start.column - 1 + skipping
        while index < span.upperBound && source.bytes[index] != UInt8(ascii: ")") { index += 1 }
        return min(index, span.upperBound - 1) - span.lowerBound + 1
    }
}
