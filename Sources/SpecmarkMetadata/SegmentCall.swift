/// A segment's name and what its parentheses hold: `users('abc')`, `getEmailActivityUserDetail(period='D7')`,
/// `reminderView(startDateTime={start},endDateTime={end})`.
struct SegmentCall: Hashable, Sendable {
    /// One argument between the parentheses: `period='D7'` (named) or `'abc'` (positional).
    struct Argument: Hashable, Sendable {
        var name: String?
        var value: String
    }

    /// The text before the parentheses (all of it when there are none).
    var name: String
    /// The parentheses and what they hold (`('abc')`), when the segment has them.
    var parenthesized: String?
    /// The UTF-8 offset of the `(` in the segment.
    var parenthesesOffset: Int
    /// The comma-separated arguments between the parentheses, nil without parentheses.
    var arguments: [Argument]?
    /// Why the segment cannot be read (an unclosed `(`, text after the closing `)`), if it cannot.
    var problem: String?

    /// Reads `text`, saying in `problem` why it cannot be read when it cannot.
    static func read(_ text: String) -> SegmentCall {
        let bytes = Array(text.utf8)
        var braces = 0
        var open: Int?
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "{") {
                braces += 1
            } else if byte == UInt8(ascii: "}"), braces > 0 {
                braces -= 1
            } else if byte == UInt8(ascii: "("), braces == 0 {
                open = index
                break
            }
        }
        var call = SegmentCall(name: text, parenthesized: nil, parenthesesOffset: bytes.count, arguments: nil)
        guard let open else { return call }
        guard let close = closingParenthesis(bytes, from: open) else {
            call.problem = "an unclosed '('"
            return call
        }
        guard close == bytes.count - 1 else {
            call.problem = "text after the closing ')'"
            return call
        }
        call.name = String(decoding: bytes[..<open], as: UTF8.self)
        call.parenthesized = String(decoding: bytes[open...], as: UTF8.self)
        call.parenthesesOffset = open
        call.arguments = arguments(Array(bytes[(open + 1)..<close]))
        return call
    }

    /// The index of the `)` that closes the `(` at `open`, skipping quotes and braces.
    private static func closingParenthesis(_ bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var braces = 0
        var quoted = false
        var index = open
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "'") { quoted = false }
            } else if byte == UInt8(ascii: "'") && braces == 0 {
                quoted = true
            } else if byte == UInt8(ascii: "{") {
                braces += 1
            } else if byte == UInt8(ascii: "}") && braces > 0 {
                braces -= 1
            } else if byte == UInt8(ascii: "(") && braces == 0 {
                depth += 1
            } else if byte == UInt8(ascii: ")") && braces == 0 {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// The arguments in `bytes` (between the parentheses), split at commas outside quotes, braces and parentheses.
    private static func arguments(_ bytes: [UInt8]) -> [Argument] {
        var pieces: [ArraySlice<UInt8>] = []
        var depth = 0
        var quoted = false
        var start = 0
        for (index, byte) in bytes.enumerated() {
            if quoted {
                if byte == UInt8(ascii: "'") { quoted = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "'") where depth == 0: quoted = true
            case UInt8(ascii: "{"), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: ",") where depth == 0:
                pieces.append(bytes[start..<index])
                start = index + 1
            default: break
            }
        }
        pieces.append(bytes[start...])
        if pieces.count == 1, trimmed(pieces[0]).isEmpty { return [] }
        return pieces.map { piece in
            guard let equals = equalsSign(piece) else { return Argument(name: nil, value: trimmed(piece)) }
            return Argument(name: trimmed(piece[..<equals]), value: trimmed(piece[(equals + 1)...]))
        }
    }

    /// The `=` of `name=value` when what is before it is a plain name.
    private static func equalsSign(_ piece: ArraySlice<UInt8>) -> Int? {
        guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let name = trimmed(piece[..<equals])
        guard !name.isEmpty, name.utf8.allSatisfy(isNameByte) else { return nil }
        return equals
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") { slice = slice.dropFirst() }
        while let last = slice.last, last == UInt8(ascii: " ") { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
