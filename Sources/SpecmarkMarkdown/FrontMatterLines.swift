/// Reads the shape nearly every reference page's front matter has, straight from its lines: one `key: value` per
/// line, the key a plain word at the line's start, the value a one-line scalar (plain, or quoted without escapes)
/// or nothing. Every line of the Graph corpus's front matter has that shape.
///
/// libyaml spends about 100 instructions on each byte of its input, which made front matter the single largest
/// part of reading a page after cmark's own parse. For this shape YAML's rules are a few byte tests, so a line
/// reader gives the same entries at a small fraction of the cost. Anything else (an indented line, a comment, a
/// list, an anchor, an escape, a repeated key, a tab, a byte outside printable ASCII) answers nil, and the
/// caller reads libyaml's events or composes with Yams, which stay the reference: what this reads is exactly
/// what they give for the same text, and the tests compare the three on every sample.
enum FrontMatterLines {
    /// A longer key is left to libyaml, which limits simple keys to 1,024 characters.
    static let longestKey = 128
    /// Up to this many keys, a repeated key is found by scanning the entries (as the event reader does).
    static let scannedKeys = 16

    /// The entries of the front matter on `lines` (the lines between the delimiters), or nil when any line is
    /// not of the one-line shape, or when there is no entry at all.
    static func entries(lines: Range<Int>, source: SourceText) -> [FrontMatterEntry]? {
        var entries: [FrontMatterEntry] = []
        entries.reserveCapacity(lines.count)
        var keys: Set<String>?
        let read = source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            for line in lines {
                let span = source.byteRange(ofLine: line)
                guard let entry = entry(bytes, span, line: line, lineStart: span.lowerBound) else {
                    // A line of spaces separates entries; anything else unread goes to libyaml.
                    if bytes[span].allSatisfy({ $0 == 0x20 }) { continue }
                    return false
                }
                // A repeated key is an error Yams reports with its own message.
                if keys == nil {
                    guard !entries.contains(where: { $0.key == entry.key }) else { return false }
                    if entries.count == Self.scannedKeys { keys = Set(entries.map(\.key)) }
                }
                if keys != nil, keys?.insert(entry.key).inserted != true { return false }
                entries.append(entry)
            }
            return true
        }
        return read && !entries.isEmpty ? entries : nil
    }

    /// The entry written on one line (`bytes[span]`, which starts at `lineStart`), or nil if the line is not
    /// `key: value` of the one-line shape.
    private static func entry(
        _ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, line: Int, lineStart: Int
    ) -> FrontMatterEntry? {
        var index = span.lowerBound
        let end = span.upperBound
        // Every byte printable ASCII: no tab (YAML's rules for tabs differ by place), no control byte, and no
        // multi-byte scalar (libyaml counts columns in scalars and rejects some of them).
        for offset in span where bytes[offset] < 0x20 || bytes[offset] > 0x7E { return nil }
        // The key: a plain word starting the line.
        guard index < end, isKeyStart(bytes[index]) else { return nil }
        while index < end, isKeyByte(bytes[index]) { index += 1 }
        let keyEnd = index
        guard keyEnd - span.lowerBound <= Self.longestKey, index < end, bytes[index] == UInt8(ascii: ":") else {
            return nil
        }
        index += 1
        // `key:value` is one plain scalar, not a mapping.
        guard index == end || bytes[index] == 0x20 else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.lowerBound..<keyEnd]), as: UTF8.self)
        let keyRange = SourceRange(line, 1, line, keyEnd - lineStart)
        var valueStart = index
        while valueStart < end, bytes[valueStart] == 0x20 { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 { valueEnd -= 1 }
        guard valueStart < valueEnd else {
            // No value: YAML's null, placed just past the colon, where libyaml marks an empty scalar.
            let position = SourcePosition(line: line, column: index - lineStart + 1)
            return FrontMatterEntry(key: key, value: .null, keyRange: keyRange, valueRange: SourceRange(at: position))
        }
        guard let value = scalar(bytes, valueStart..<valueEnd) else { return nil }
        // The whole value, quotes included, as the other readers place it (its start alone when null or empty).
        let start = SourcePosition(line: line, column: valueStart - lineStart + 1)
        let valueRange =
            value.scalar?.isEmpty == false
            ? SourceRange(start: start, end: SourcePosition(line: line, column: valueEnd - lineStart))
            : SourceRange(at: start)
        return FrontMatterEntry(key: key, value: value, keyRange: keyRange, valueRange: valueRange)
    }

    /// The value written in `bytes[range]` (trimmed, not empty), or nil if it is not a one-line scalar whose
    /// text is its bytes (plain, or quotes around text without escapes).
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> FrontMatterValue? {
        let first = bytes[range.lowerBound]
        let last = bytes[range.upperBound - 1]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard range.count >= 2, last == first else { return nil }
            let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
            // `\` escapes in double quotes and `''` in single quotes: the text is not the bytes.
            for offset in inner where bytes[offset] == first || bytes[offset] == UInt8(ascii: "\\") && first == 0x22 {
                return nil
            }
            return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[inner]), as: UTF8.self))
        }
        // A plain scalar: no indicator first, and nothing that would end it early (`: `, a final `:`, ` #`).
        guard !isIndicator(first), last != UInt8(ascii: ":") else { return nil }
        for offset in range.lowerBound..<(range.upperBound - 1) {
            let byte = bytes[offset]
            let next = bytes[offset + 1]
            if byte == UInt8(ascii: ":") && next == 0x20 || byte == 0x20 && next == UInt8(ascii: "#") { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        switch text {
        case "~", "null", "Null", "NULL": return .null
        default: return .string(text)
        }
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// The characters that cannot start a plain scalar, or start one only in some contexts.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            true
        default: false
        }
    }
}
