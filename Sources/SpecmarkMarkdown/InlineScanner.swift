/// Reads the inline Markdown of a single line (a table cell) into plain text, links and include directives.
///
/// cmark parses a pipe table's paragraph as one run of inlines that straddles the cells, so cells are read
/// with this small scanner instead: escapes, code spans, links, images, autolinks, DocFX includes,
/// HTML tags and entities, emphasis markers. It never fails; what it does not recognise stays as text.
struct InlineScanner {
    let bytes: [UInt8]
    let line: Int
    /// The byte offset in `bytes` at which `line` starts, so `column = offset - lineStart + 1`.
    let lineStart: Int

    /// Whether the scanner reads `byte` as anything but text: escapes, code spans, links, images (`![`
    /// starts with the `[`), includes, autolinks and tags, entities, emphasis. Text without these scans to itself.
    static func startsMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    struct Output {
        var text: [UInt8] = []
        var links: [Link] = []
        var includes: [IncludeDirective] = []
    }

    func scan(_ range: Range<Int>) -> Output {
        var output = Output()
        output.text.reserveCapacity(range.count)
        scan(range, into: &output)
        return output
    }

    private func range(_ from: Int, _ to: Int) -> SourceRange {
        SourceRange(line, from - lineStart + 1, line, to - lineStart)
    }

    /// The range of a link's written destination; nil when it is empty.
    private func destinationRange(_ link: ParsedLink) -> SourceRange? {
        link.destinationBytes.isEmpty ? nil : range(link.destinationBytes.lowerBound, link.destinationBytes.upperBound)
    }

    private func scan(_ range: Range<Int>, into output: inout Output) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < end, isASCIIPunctuation(bytes[index + 1]) {
                    output.text.append(bytes[index + 1])
                    index += 2
                } else {
                    output.text.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"):
                let run = runLength(of: byte, at: index, end: end)
                if let close = Self.closingBacktickRun(in: bytes, length: run, from: index + run, end: end) {
                    output.text.append(contentsOf: Self.codeSpanContent(bytes[(index + run)..<close]))
                    index = close + run
                } else {
                    output.text.append(contentsOf: bytes[index..<(index + run)])
                    index += run
                }
            case UInt8(ascii: "!") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
                if let parsed = parseLink(at: index + 1, end: end) {
                    var inner = Output()
                    scan(parsed.textRange, into: &inner)
                    output.text.append(contentsOf: inner.text)
                    output.links.append(
                        Link(
                            destination: parsed.destination, title: parsed.title,
                            text: String(decoding: inner.text, as: UTF8.self), range: self.range(index, parsed.end),
                            isImage: true, destinationRange: destinationRange(parsed)))
                    index = parsed.end
                } else {
                    output.text.append(byte)
                    index += 1
                }
            case UInt8(ascii: "["):
                if let include = Self.parseInclude(in: bytes, at: index, end: end, line: line, lineStart: lineStart) {
                    output.includes.append(include.directive)
                    index = include.end
                } else if let reference = parseReferenceLink(at: index, end: end) {
                    var inner = Output()
                    scan(reference.textRange, into: &inner)
                    output.text.append(contentsOf: inner.text)
                    output.links.append(
                        Link(
                            destination: "", text: String(decoding: inner.text, as: UTF8.self),
                            range: self.range(index, reference.end), referenceLabel: reference.label))
                    index = reference.end
                } else if let parsed = parseLink(at: index, end: end) {
                    var inner = Output()
                    scan(parsed.textRange, into: &inner)
                    output.text.append(contentsOf: inner.text)
                    output.links.append(contentsOf: inner.links)
                    output.includes.append(contentsOf: inner.includes)
                    output.links.append(
                        Link(
                            destination: parsed.destination, title: parsed.title,
                            text: String(decoding: inner.text, as: UTF8.self), range: self.range(index, parsed.end),
                            destinationRange: destinationRange(parsed)))
                    index = parsed.end
                } else {
                    output.text.append(byte)
                    index += 1
                }
            case UInt8(ascii: "<"):
                index = scanAngle(at: index, end: end, into: &output)
            case UInt8(ascii: "&"):
                index = scanEntity(at: index, end: end, into: &output)
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                let run = runLength(of: byte, at: index, end: end)
                let before = index > range.lowerBound ? bytes[index - 1] : 0x20
                let after = index + run < end ? bytes[index + run] : 0x20
                let flanking = !isSpace(before) || !isSpace(after)
                let wordBoundary = byte == UInt8(ascii: "*") || !isAlphanumeric(before) || !isAlphanumeric(after)
                if flanking && wordBoundary && !(isSpace(before) && isSpace(after)) {
                    index += run
                } else {
                    output.text.append(contentsOf: bytes[index..<(index + run)])
                    index += run
                }
            default:
                // Plain text up to the next byte that may start markup, appended as one run.
                var runEnd = index + 1
                while runEnd < end, !Self.startsMarkup(bytes[runEnd]), bytes[runEnd] != UInt8(ascii: "!") {
                    runEnd += 1
                }
                output.text.append(contentsOf: bytes[index..<runEnd])
                index = runEnd
            }
        }
    }

    private func runLength(of byte: UInt8, at index: Int, end: Int) -> Int {
        var cursor = index
        while cursor < end && bytes[cursor] == byte { cursor += 1 }
        return cursor - index
    }

    /// The start of a backtick run of exactly `length` at or after `from`, or nil.
    static func closingBacktickRun(in bytes: [UInt8], length: Int, from: Int, end: Int) -> Int? {
        var cursor = from
        while cursor < end {
            if bytes[cursor] == UInt8(ascii: "`") {
                var runEnd = cursor
                while runEnd < end && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                if runEnd - cursor == length { return cursor }
                cursor = runEnd
            } else {
                cursor += 1
            }
        }
        return nil
    }

    static func codeSpanContent(_ content: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            return content.dropFirst().dropLast()
        }
        return content
    }

    private struct ParsedLink {
        var textRange: Range<Int>
        var destination: String
        /// Where the destination is written (inside `<…>` for an angle-bracketed one).
        var destinationBytes: Range<Int>
        var title: String
        /// Just past the closing parenthesis.
        var end: Int
    }

    /// Parses `[text](destination "title")` starting at the `[` at `index`.
    private func parseLink(at index: Int, end: Int) -> ParsedLink? {
        guard let close = Self.matchingBracket(in: bytes, open: index, end: end) else { return nil }
        var cursor = close + 1
        guard cursor < end, bytes[cursor] == UInt8(ascii: "(") else { return nil }
        cursor += 1
        while cursor < end && isSpace(bytes[cursor]) { cursor += 1 }
        // The destination and title are read as slices of the line; only a destination with backslash escapes
        // is rebuilt byte by byte.
        let destination: String
        var destinationStart = cursor
        let destinationEnd: Int
        if cursor < end && bytes[cursor] == UInt8(ascii: "<") {
            cursor += 1
            destinationStart = cursor
            while cursor < end && bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            guard cursor < end else { return nil }
            destinationEnd = cursor
            destination = String(decoding: bytes[destinationStart..<destinationEnd], as: UTF8.self)
            cursor += 1
        } else {
            var depth = 0
            var escaped = false
            while cursor < end {
                let byte = bytes[cursor]
                if isSpace(byte) { break }
                if byte == UInt8(ascii: "\\"), cursor + 1 < end, isASCIIPunctuation(bytes[cursor + 1]) {
                    escaped = true
                    cursor += 2
                    continue
                }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                cursor += 1
            }
            destinationEnd = cursor
            destination =
                escaped
                ? Self.unescaped(bytes[destinationStart..<destinationEnd])
                : String(decoding: bytes[destinationStart..<destinationEnd], as: UTF8.self)
        }
        while cursor < end && isSpace(bytes[cursor]) { cursor += 1 }
        var title = destinationEnd..<destinationEnd
        if cursor < end, let closer = Self.titleCloser(bytes[cursor]) {
            cursor += 1
            let titleStart = cursor
            while cursor < end && bytes[cursor] != closer { cursor += 1 }
            guard cursor < end else { return nil }
            title = titleStart..<cursor
            cursor += 1
            while cursor < end && isSpace(bytes[cursor]) { cursor += 1 }
        }
        guard cursor < end, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        return ParsedLink(
            textRange: (index + 1)..<close, destination: destination,
            destinationBytes: destinationStart..<max(destinationStart, destinationEnd),
            title: String(decoding: bytes[title], as: UTF8.self), end: cursor + 1)
    }

    /// A link destination's text with its backslash escapes of ASCII punctuation removed.
    private static func unescaped(_ written: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(written.count)
        var index = written.startIndex
        while index < written.endIndex {
            if written[index] == UInt8(ascii: "\\"), index + 1 < written.endIndex,
                isASCIIPunctuation(written[index + 1])
            {
                bytes.append(written[index + 1])
                index += 2
            } else {
                bytes.append(written[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[text][label]` or `[text][]` (a collapsed reference) starting at the `[` at `index`.
    private func parseReferenceLink(at index: Int, end: Int) -> (textRange: Range<Int>, label: String, end: Int)? {
        guard let close = Self.matchingBracket(in: bytes, open: index, end: end), close + 1 < end,
            bytes[close + 1] == UInt8(ascii: "["),
            let labelClose = bytes[(close + 2)..<end].firstIndex(of: UInt8(ascii: "]"))
        else { return nil }
        var label = String(decoding: bytes[(close + 2)..<labelClose], as: UTF8.self)
        if label.isEmpty { label = String(decoding: bytes[(index + 1)..<close], as: UTF8.self) }
        return ((index + 1)..<close, label, labelClose + 1)
    }

    private static func titleCloser(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        default: nil
        }
    }

    /// The index of the `]` that closes the `[` at `open`, skipping escapes and code spans.
    static func matchingBracket(in bytes: [UInt8], open: Int, end: Int) -> Int? {
        var depth = 0
        var cursor = open
        while cursor < end {
            switch bytes[cursor] {
            case UInt8(ascii: "\\"):
                cursor += 2
                continue
            case UInt8(ascii: "`"):
                var runEnd = cursor
                while runEnd < end && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                if let close = closingBacktickRun(in: bytes, length: runEnd - cursor, from: runEnd, end: end) {
                    cursor = close + (runEnd - cursor)
                } else {
                    cursor = runEnd
                }
                continue
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return cursor }
            default:
                break
            }
            cursor += 1
        }
        return nil
    }

    /// Parses a DocFX include directive, `[!INCLUDE [title](path)]`, starting at the `[` at `index`.
    static func parseInclude(
        in bytes: [UInt8], at index: Int, end: Int, line: Int, lineStart: Int
    ) -> (directive: IncludeDirective, end: Int)? {
        let keyword = Array("[!include".utf8)
        guard index + keyword.count <= end else { return nil }
        for (offset, expected) in keyword.enumerated() where lowercased(bytes[index + offset]) != expected {
            return nil
        }
        var cursor = index + keyword.count
        while cursor < end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "["),
            let titleClose = matchingBracket(in: bytes, open: cursor, end: end)
        else { return nil }
        let title = String(decoding: bytes[(cursor + 1)..<titleClose], as: UTF8.self)
        cursor = titleClose + 1
        guard cursor < end, bytes[cursor] == UInt8(ascii: "(") else { return nil }
        let pathStart = cursor + 1
        guard let pathEnd = bytes[pathStart..<end].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        cursor = pathEnd + 1
        while cursor < end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "]") else { return nil }
        var trimmedStart = pathStart
        var trimmedEnd = pathEnd
        while trimmedStart < trimmedEnd && bytes[trimmedStart] == 0x20 { trimmedStart += 1 }
        while trimmedEnd > trimmedStart && bytes[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
        let column = { (offset: Int) in offset - lineStart + 1 }
        let directive = IncludeDirective(
            title: title, path: String(decoding: bytes[trimmedStart..<trimmedEnd], as: UTF8.self),
            range: SourceRange(line, column(index), line, column(cursor)),
            pathRange: SourceRange(line, column(trimmedStart), line, column(trimmedEnd) - 1))
        return (directive, cursor + 1)
    }

    private func scanAngle(at index: Int, end: Int, into output: inout Output) -> Int {
        guard let close = bytes[index..<end].firstIndex(of: UInt8(ascii: ">")) else {
            output.text.append(bytes[index])
            return index + 1
        }
        let inner = bytes[(index + 1)..<close]
        if let colon = inner.firstIndex(of: UInt8(ascii: ":")), colon > inner.startIndex,
            inner[inner.startIndex..<colon].allSatisfy(isASCIILetter), !inner.contains(where: isSpace)
        {
            let destination = String(decoding: inner, as: UTF8.self)
            output.text.append(contentsOf: inner)
            output.links.append(Link(destination: destination, text: destination, range: range(index, close + 1)))
            return close + 1
        }
        guard let first = inner.first, isASCIILetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: "!")
        else {
            output.text.append(bytes[index])
            return index + 1
        }
        let name = inner.drop { $0 == UInt8(ascii: "/") }.prefix(while: isASCIILetter).map(lowercased)
        if name == Array("br".utf8) || name == Array("p".utf8) {
            output.text.append(0x20)
        }
        return close + 1
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "#124": "|",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
    ]

    private func scanEntity(at index: Int, end: Int, into output: inout Output) -> Int {
        var cursor = index + 1
        while cursor < end && cursor - index <= 10
            && (isAlphanumeric(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "#"))
        {
            cursor += 1
        }
        if cursor < end, bytes[cursor] == UInt8(ascii: ";"), cursor > index + 1 {
            let name = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
            if let value = Self.entities[name] {
                output.text.append(contentsOf: value.utf8)
                return cursor + 1
            }
        }
        output.text.append(bytes[index])
        return index + 1
    }
}

@inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

@inline(__always) func isAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
}

@inline(__always) func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
        || (byte >= 0x7B && byte <= 0x7E)
}

@inline(__always) func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
}
