public import SpecmarkMarkdown

/// A JSON value that remembers where it was written: every value, key and member carries its source range,
/// so a finding about `"isDeleted"` on line 47 of a page can point at line 47.
public struct JSONValue: Hashable, Sendable {
    /// What the value is.
    public enum Kind: Hashable, Sendable {
        case object([JSONMember])
        case array([JSONValue])
        case string(String)
        case number(JSONNumber)
        case bool(Bool)
        case null
        /// An ellipsis (`...` or `…`) standing for elided items or an elided value in a truncated example.
        case ellipsis
    }

    public var kind: Kind
    /// From the first to the last character of the value.
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The members of an object, or nil.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements of an array, or nil.
    public var elements: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The string, or nil.
    public var string: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    /// The Boolean, or nil.
    public var bool: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// The first member named `key` (exact match), if this is an object.
    public subscript(key: String) -> JSONValue? {
        member(key)?.value
    }

    /// The first member named `key` (exact match), if this is an object.
    public func member(_ key: String) -> JSONMember? {
        members?.first { $0.key == key }
    }

    /// The JSON type's name as people say it: object, array, string, number, boolean, null.
    public var typeName: String {
        switch kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .ellipsis: "ellipsis"
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The key, unescaped.
    public var key: String
    /// The key's range, quotes included.
    public var keyRange: SourceRange
    public var value: JSONValue

    public init(key: String, keyRange: SourceRange, value: JSONValue) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A JSON number as written, so `1.0` and `1` stay distinguishable.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The literal as written.
    public var literal: String
    /// Whether the literal has no fraction and no exponent.
    public var isInteger: Bool

    public init(literal: String, isInteger: Bool) {
        self.literal = literal
        self.isInteger = isInteger
    }

    /// The number's value as a Double (large integers lose precision).
    public var doubleValue: Double { Double(literal) ?? .nan }

    public var description: String { literal }
}

extension JSONValue {
    /// Plain Swift values (`[String: Any]`-like) for equality checks and printing, without positions.
    public var compactDescription: String {
        switch kind {
        case .object(let members):
            return "{" + members.map { "\(quotedJSON($0.key)):\($0.value.compactDescription)" }.joined(separator: ",")
                + "}"
        case .array(let elements):
            return "[" + elements.map(\.compactDescription).joined(separator: ",") + "]"
        case .string(let value): return quotedJSON(value)
        case .number(let number): return number.literal
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .ellipsis: return "..."
        }
    }
}

/// `text` as a JSON string literal.
public func quotedJSON(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case let control where control.value < 0x20:
            let hex = String(control.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

extension JSONValue {
    /// What the value is, for messages: `the string "x"` (long strings cut at 40 characters), `the number 3`,
    /// `an object`, …
    public var kindDescription: String {
        switch kind {
        case .string(let text): "the string \(quotedJSON(text.count > 40 ? String(text.prefix(40)) + "…" : text))"
        case .number(let number): "the number \(number.literal)"
        case .bool(let flag): "the boolean \(flag)"
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        case .ellipsis: "an ellipsis"
        }
    }
}
