public import SpecmarkMarkdown

/// Something the parser accepted that strict JSON does not allow; each is recorded where it stands.
public struct JSONTolerance: Hashable, Sendable {
    /// The kinds of non-strict JSON the parser reads.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case trailingComma = "trailing comma"
        case comment = "comment"
        case ellipsis = "ellipsis placeholder"
        case controlCharacter = "raw control character in a string"
        case unquotedKey = "unquoted key"
        case singleQuotedString = "single-quoted string"
    }

    public var kind: Kind
    public var range: SourceRange
}

/// The point at which text stopped being readable as JSON, even tolerantly.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Lower-case, no final period (`expected ',' or '}' after member "name", found '"'`).
    public var message: String
    /// The exact character at fault.
    public var position: SourcePosition

    public var description: String { "\(position): \(message)" }
}

/// A key that appears twice in one object.
public struct JSONDuplicateKey: Hashable, Sendable {
    public var key: String
    /// The second occurrence.
    public var range: SourceRange
    /// The first occurrence.
    public var firstRange: SourceRange
}

/// What ``JSONParser`` read: a value (unless there was a syntax error), the tolerances it needed, and the
/// duplicate keys it saw.
public struct JSONParseResult: Hashable, Sendable {
    public var value: JSONValue?
    public var tolerances: [JSONTolerance]
    public var duplicateKeys: [JSONDuplicateKey]
    public var error: JSONSyntaxError?

    /// Whether the text is strict JSON (no error, no tolerance).
    public var isStrict: Bool { error == nil && tolerances.isEmpty }
}

/// A positional, tolerant JSON parser.
///
/// Foundation's parser gives neither positions nor tolerance, and documentation examples need both: every
/// value keeps its range, and trailing commas, comments, ellipsis placeholders (`...`, `..`, `…`; an object
/// that holds only an ellipsis, `{ ... }`, is itself an ellipsis value), raw control characters in
/// strings, unquoted keys and single-quoted strings are read and recorded instead of failing the parse.
/// Anything else stops the parse with a ``JSONSyntaxError`` at the exact character. Nesting is bounded by
/// ``maximumDepth`` so hostile input is a diagnostic, never a stack overflow.
public struct JSONParser {
    /// Deeper nesting than this is a syntax error.
    public static let maximumDepth = 256

    private let text: PositionedText
    private let bytes: [UInt8]
    private let tolerated: Set<JSONTolerance.Kind>
    private var index = 0
    private var tolerances: [JSONTolerance] = []
    private var duplicates: [JSONDuplicateKey] = []
    /// The line of the last range made: the next is looked for there first.
    private var line = 0

    private init(_ text: PositionedText, tolerating tolerated: Set<JSONTolerance.Kind>) {
        self.text = text
        self.bytes = Array(text.text.utf8)
        self.tolerated = tolerated
    }

    /// Every tolerance the parser knows.
    public static let allTolerances = Set(JSONTolerance.Kind.allCases)

    /// The tolerances for documentation bodies: trailing commas, comments, ellipses and raw control
    /// characters are drift worth a warning; unquoted keys and single quotes make a body unusable.
    public static let bodyTolerances: Set<JSONTolerance.Kind> = [
        .trailingComma, .comment, .ellipsis, .controlCharacter,
    ]

    /// Parses `text`, which must hold exactly one JSON value (whitespace and comments around it are fine);
    /// what is not in `tolerated` is a syntax error at its position.
    public static func parse(
        _ text: PositionedText, tolerating tolerated: Set<JSONTolerance.Kind> = allTolerances
    )
        -> JSONParseResult
    {
        var parser = JSONParser(text, tolerating: tolerated)
        do {
            let value = try parser.parseDocument()
            return JSONParseResult(
                value: value, tolerances: parser.tolerances, duplicateKeys: parser.duplicates, error: nil)
        } catch {
            return JSONParseResult(
                value: nil, tolerances: parser.tolerances, duplicateKeys: parser.duplicates, error: error)
        }
    }

    /// Parses a string that starts at `origin` in its file.
    public static func parse(
        _ string: String, at origin: SourcePosition = SourcePosition(line: 1, column: 1),
        tolerating tolerated: Set<JSONTolerance.Kind> = allTolerances
    ) -> JSONParseResult {
        parse(PositionedText(string, at: origin), tolerating: tolerated)
    }

    // MARK: - Grammar

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        try skipTrivia()
        guard index < bytes.count else { throw error("no JSON value", at: index) }
        let value = try parseValue(depth: 0)
        try skipTrivia()
        if index < bytes.count {
            throw error("unexpected \(describe(index)) after the JSON value", at: index)
        }
        return value
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else {
            throw error("JSON is nested more than \(Self.maximumDepth) levels deep", at: index)
        }
        guard index < bytes.count else { throw error("unexpected end of text, expected a value", at: index) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let string = try parseString()
            return JSONValue(.string(string), range: range(start, index))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(.bool(true), range: range(start, index))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(.bool(false), range: range(start, index))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(.null, range: range(start, index))
        default:
            if let length = ellipsisLength(at: index) {
                index += length
                try record(.ellipsis, start, index)
                return JSONValue(.ellipsis, range: range(start, index))
            }
            throw error("unexpected \(describe(index)), expected a value", at: index)
        }
    }

    /// How many members an object's duplicate check scans before it indexes the keys.
    private static let scannedMembers = 32

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        index += 1
        var members: [JSONMember] = []
        // Where each key first stood, for duplicates: found by scanning the members while an object is small
        // (most are, and hashing each key cost more than the scan), indexed once it has many.
        var firstRanges: [String: SourceRange]?
        var pendingComma: Int?
        var elided = false
        while true {
            try skipTrivia()
            guard index < bytes.count else { throw error("object opened here is never closed", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") {
                if let comma = pendingComma { try record(.trailingComma, comma, comma + 1) }
                index += 1
                // `{ ... }` is an elided object: a wildcard, not an object without members.
                if elided && members.isEmpty { return JSONValue(.ellipsis, range: range(start, index)) }
                return JSONValue(.object(members), range: range(start, index))
            }
            if let length = ellipsisLength(at: index) {
                try record(.ellipsis, index, index + length)
                index += length
                elided = true
                try skipTrivia()
                // An elision needs no comma before the member after it (`"a": 1, ...` then `"z": 2`).
                pendingComma = nil
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "}") {
                    pendingComma = try consumeSeparator(closing: UInt8(ascii: "}"))
                }
                continue
            }
            let keyStart = index
            let key: String
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                key = try parseString()
            } else if isIdentifierStart(byte) {
                while index < bytes.count && isIdentifierPart(bytes[index]) { index += 1 }
                key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
                try record(.unquotedKey, keyStart, index)
            } else {
                throw error("expected a key in double quotes, found \(describe(index))", at: index)
            }
            let keyRange = range(keyStart, index)
            try skipTrivia()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after key \(quotedJSON(key)), found \(describe(index))", at: index)
            }
            index += 1
            try skipTrivia()
            let value = try parseValue(depth: depth + 1)
            let first = firstRanges.map { $0[key] } ?? members.first { $0.key == key }?.keyRange
            if let first {
                duplicates.append(JSONDuplicateKey(key: key, range: keyRange, firstRange: first))
            } else if firstRanges != nil {
                firstRanges?[key] = keyRange
            }
            members.append(JSONMember(key: key, keyRange: keyRange, value: value))
            if firstRanges == nil, members.count == Self.scannedMembers {
                firstRanges = Dictionary(members.map { ($0.key, $0.keyRange) }, uniquingKeysWith: { first, _ in first })
            }
            try skipTrivia()
            pendingComma = try consumeSeparator(closing: UInt8(ascii: "}"), after: key)
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        index += 1
        var elements: [JSONValue] = []
        var pendingComma: Int?
        while true {
            try skipTrivia()
            guard index < bytes.count else { throw error("array opened here is never closed", at: start) }
            if bytes[index] == UInt8(ascii: "]") {
                if let comma = pendingComma { try record(.trailingComma, comma, comma + 1) }
                index += 1
                return JSONValue(.array(elements), range: range(start, index))
            }
            let element = try parseValue(depth: depth + 1)
            elements.append(element)
            try skipTrivia()
            // An elision needs no comma before the element after it (`[ {…} ... {…} ]`).
            if case .ellipsis = element.kind, index < bytes.count, bytes[index] != UInt8(ascii: ","),
                bytes[index] != UInt8(ascii: "]")
            {
                pendingComma = nil
                continue
            }
            pendingComma = try consumeSeparator(closing: UInt8(ascii: "]"))
        }
    }

    /// Consumes a `,` (returning its offset) or leaves a closing bracket for the caller.
    private mutating func consumeSeparator(closing: UInt8, after key: String? = nil) throws(JSONSyntaxError) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return index - 1
        }
        if bytes[index] == closing { return nil }
        let expected = closing == UInt8(ascii: "}") ? "'}'" : "']'"
        let context = key.map { " after member \(quotedJSON($0))" } ?? ""
        throw error("expected ',' or \(expected)\(context), found \(describe(index))", at: index)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        let quote = bytes[index]
        if quote == UInt8(ascii: "'") { try record(.singleQuotedString, start, start + 1) }
        index += 1
        var buffer: [UInt8] = []
        var segmentStart = index
        var sawControl = false
        while index < bytes.count {
            // Most of a string is plain bytes: skipped over the array's storage, up to the next byte that ends
            // the string, starts an escape or is a control character.
            let from = index
            index = bytes.withUnsafeBufferPointer { buffer in
                var offset = from
                while offset < buffer.count {
                    let byte = buffer[offset]
                    if byte == quote || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    offset += 1
                }
                return offset
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == quote {
                defer { index += 1 }
                // Without escapes (nearly every string) the text is the bytes as they are: no buffer to fill.
                if buffer.isEmpty { return String(decoding: bytes[segmentStart..<index], as: UTF8.self) }
                buffer.append(contentsOf: bytes[segmentStart..<index])
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                buffer.append(contentsOf: bytes[segmentStart..<index])
                try parseEscape(into: &buffer)
                segmentStart = index
                continue
            }
            if byte < 0x20 && !sawControl {
                sawControl = true
                try record(.controlCharacter, index, index + 1)
            }
            index += 1
        }
        throw error("string opened here is never closed", at: start)
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw error("unfinished escape sequence", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "'"):
            buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: start)
            if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let lowStart = index
                index += 2
                let low = try parseHex4(escapeStart: lowStart)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = lowStart
                }
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            buffer.append(contentsOf: Array(String(character).utf8))
        default:
            throw error("invalid escape sequence '\\\(String(decoding: [byte], as: UTF8.self))'", at: start)
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigitValue(bytes[index]) else {
                throw error("invalid \\u escape: expected four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("expected a digit, found \(describe(index))", at: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error("numbers must not have leading zeros", at: start)
            }
        } else {
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit after the decimal point, found \(describe(index))", at: index)
            }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(describe(index))", at: index)
            }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        return JSONValue(.number(JSONNumber(literal: literal, isInteger: isInteger)), range: range(start, index))
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = literal.withUTF8Buffer { Array($0) }
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected),
            index + expected.count == bytes.count || !isIdentifierPart(bytes[index + expected.count])
        else {
            var end = index
            while end < bytes.count && isIdentifierPart(bytes[end]) { end += 1 }
            let word = String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self)
            throw error("unexpected '\(word)', expected a value", at: start)
        }
        index += expected.count
    }

    // MARK: - Trivia

    private mutating func skipTrivia() throws(JSONSyntaxError) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2  // a no-break space pasted into an example
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                index += 3
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                let start = index
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                try record(.comment, start, index)
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                let start = index
                index += 2
                while index + 1 < bytes.count
                    && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/"))
                {
                    index += 1
                }
                guard index + 1 < bytes.count else { throw error("comment opened here is never closed", at: start) }
                index += 2
                try record(.comment, start, index)
            } else {
                return
            }
        }
    }

    /// The byte length of an ellipsis (two dots or more, `…`, or several `…`) at `offset`, if there is one:
    /// `[..]` elides items as surely as `[...]` does.
    private func ellipsisLength(at offset: Int) -> Int? {
        var end = offset
        while end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 { end += 3 }
        if end > offset { return end - offset }
        while end < bytes.count && bytes[end] == UInt8(ascii: ".") { end += 1 }
        return end - offset >= 2 ? end - offset : nil
    }

    // MARK: - Helpers

    private mutating func record(_ kind: JSONTolerance.Kind, _ start: Int, _ end: Int) throws(JSONSyntaxError) {
        guard tolerated.contains(kind) else {
            let found = String(decoding: bytes[start..<min(end, start + 40)], as: UTF8.self)
            let message: String
            switch kind {
            case .trailingComma: message = "trailing comma before the closing bracket"
            case .comment: message = "comments are not allowed in JSON"
            case .ellipsis: message = "'\(found)' is not a JSON value"
            case .controlCharacter: message = "raw control character in a string (escape it, for example as \\n)"
            case .unquotedKey: message = "key '\(found)' is not in double quotes"
            case .singleQuotedString: message = "strings must be in double quotes, not single quotes"
            }
            throw error(message, at: start)
        }
        tolerances.append(JSONTolerance(kind: kind, range: range(start, end)))
    }

    private mutating func range(_ start: Int, _ end: Int) -> SourceRange {
        text.range(utf8Offsets: start, end, nearLine: &line)
    }

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: text.position(atUTF8Offset: offset))
    }

    /// A short description of the character at `offset` for error messages.
    private func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of text" }
        let byte = bytes[offset]
        switch byte {
        case 0x0A, 0x0D: return "end of line"
        case 0x09: return "a tab"
        case 0x20..<0x7F: return "'\(String(decoding: [byte], as: UTF8.self))'"
        default:
            var end = offset + 1
            while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
            return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
        }
    }
}

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) private func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@")
}

@inline(__always) private func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
}
