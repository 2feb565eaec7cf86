import SpecmarkMarkdown

/// A type as a table cell or annotation names it, normalised: `String`, `Int32`, `String collection`,
/// `[user](user.md) collection`, `microsoft.graph.riskLevel`.
public struct TypeReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The EDM primitive types the Graph docs use.
    public enum Primitive: String, Hashable, Sendable, Codable, CaseIterable {
        case string = "String", boolean = "Boolean", int16 = "Int16", int32 = "Int32", int64 = "Int64"
        case byte = "Byte", sbyte = "SByte", single = "Single", double = "Double", decimal = "Decimal"
        case dateTimeOffset = "DateTimeOffset", date = "Date", timeOfDay = "TimeOfDay", duration = "Duration"
        case guid = "Guid", binary = "Binary", stream = "Stream", untyped = "Untyped"

        /// Whether JSON numbers are this type's values.
        public var isNumeric: Bool {
            switch self {
            case .int16, .int32, .int64, .byte, .sbyte, .single, .double, .decimal: true
            default: false
            }
        }

        /// Whether only integral JSON numbers are this type's values.
        public var isIntegral: Bool {
            switch self {
            case .int16, .int32, .int64, .byte, .sbyte: true
            default: false
            }
        }
    }

    /// The cell or annotation text as written.
    public var raw: String
    /// The primitive type, when it is one.
    public var primitive: Primitive?
    /// The named (complex, entity or enum) type, unqualified when written so (`riskLevel`), when not primitive.
    public var typeName: String?
    /// Whether the type is a collection of the element type.
    public var isCollection: Bool
    /// The link target when the type was written as a link (`../resources/user.md`).
    public var link: String?

    public init(raw: String, primitive: Primitive?, typeName: String?, isCollection: Bool, link: String?) {
        self.raw = raw
        self.primitive = primitive
        self.typeName = typeName
        self.isCollection = isCollection
        self.link = link
    }

    /// Whether nothing could be read from the text.
    public var isUnknown: Bool { primitive == nil && typeName == nil }

    public var description: String {
        let element = primitive?.rawValue ?? typeName ?? "?"
        return isCollection ? "Collection(\(element))" : element
    }

    /// Parses a type cell's plain text and its first link, if any.
    public static func parse(_ text: String, link: String? = nil, linkText: String? = nil) -> TypeReference {
        // Most cells are one ASCII word (`String`, `Int32`, `microsoft.graph.user`): no spaces to trim, no
        // collection form (each needs a space, a parenthesis or brackets), so the word is the head.
        if !text.isEmpty,
            text.allUTF8({ byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            })
        {
            return reference(head: text, of: text, isCollection: false, link: link, linkText: linkText)
        }
        var words = text.trimmingSpaces()
        var isCollection = false
        let lowered = words.lowercased()
        if lowered.hasPrefix("collection(") && lowered.hasSuffix(")") {
            isCollection = true
            words = String(words.dropFirst("Collection(".count).dropLast())
        } else {
            for suffix in [" collection", " collections", " array", "[]"] where lowered.hasSuffix(suffix) {
                isCollection = true
                words = String(words.dropLast(suffix.count))
                break
            }
            if !isCollection, lowered.hasPrefix("collection of ") {
                isCollection = true
                words = String(words.dropFirst("collection of ".count))
            }
        }
        words = words.trimmingSpaces()
        // "String (identifier)", "Int32 (nullable)": the first word is the type.
        var head = words
        // By bytes when the text is ASCII (every character one byte), by Characters otherwise: cells can be long.
        let cut =
            words.isAllASCII
            ? words.utf8.firstIndex { $0 == 0x20 || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ",") }
            : words.firstIndex { $0 == " " || $0 == "(" || $0 == "," }
        if let cut {
            head = String(words[..<cut])
            // "educationOutcome collection. Holds grades…": prose after the collection word.
            let next = words[cut...].drop(while: { $0 == " " }).prefix(while: \.isLetter).lowercased()
            if !isCollection, next == "collection" || next == "collections" { isCollection = true }
        }
        return reference(head: head, of: text, isCollection: isCollection, link: link, linkText: linkText)
    }

    /// The reference whose type word is `head` (`Edm.` allowed), read from the cell text `text`.
    private static func reference(
        head: String, of text: String, isCollection: Bool, link: String?, linkText: String?
    ) -> TypeReference {
        let head = withoutEdmPrefix(head)
        // Every primitive name and alias is an ASCII word of at most 14 letters and digits, and no other text
        // lower-cases to one: a longer head, a dotted name (`microsoft.graph.user`) or any other byte is not
        // lower-cased and looked up.
        if head.utf8.count <= Self.longestPrimitiveName,
            head.allUTF8({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
        {
            let lowerHead = head.lowercased()
            if let primitive = primitives[lowerHead] ?? aliases[lowerHead] {
                return TypeReference(
                    raw: text, primitive: primitive, typeName: nil, isCollection: isCollection, link: link)
            }
        }
        let name = linkText?.trimmingSpaces().firstPiece(separatedBy: UInt8(ascii: " ")).map(String.init) ?? head
        let valid = !name.isEmpty && name.isLettersDigits(or: "._")
        return TypeReference(
            raw: text, primitive: nil, typeName: valid ? name : nil, isCollection: isCollection, link: link)
    }

    /// Whether the text is only a type: a name, `Edm.` name or `Collection(…)`, with at most a collection word —
    /// no prose a rewrite of the cell would lose (`String (identifier)`, `… collection. Holds grades`).
    /// A trailing `(enum)` is type information the metadata's type replaces, not prose.
    public var isBare: Bool {
        var words = raw.trimmingSpaces()
        if words.lowercased().hasSuffix(" (enum)") { words = String(words.dropLast(" (enum)".count)) }
        let lowered = words.lowercased()
        if lowered.hasPrefix("collection(") && lowered.hasSuffix(")") {
            words = String(words.dropFirst("Collection(".count).dropLast())
        } else if let suffix = [" collection", " collections", " array", "[]"].first(where: { lowered.hasSuffix($0) }) {
            words = String(words.dropLast(suffix.count))
        } else if lowered.hasPrefix("collection of ") {
            words = String(words.dropFirst("collection of ".count))
        }
        words = words.trimmingSpaces()
        return !words.isEmpty && words.isLettersDigits(or: "._")
    }

    /// `name` without a leading `Edm.` (in any case). Only `E` and `e` lower-case to `e`, so a name led by
    /// anything else (most are) is not lower-cased to find out.
    static func withoutEdmPrefix(_ name: String) -> String {
        guard name.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "e") }) == true, name.lowercased().hasPrefix("edm.")
        else { return name }
        return String(name.dropFirst(4))
    }

    /// The primitives by lower-cased name.
    static let primitives = Dictionary(
        uniqueKeysWithValues: Primitive.allCases.map { ($0.rawValue.lowercased(), $0) })

    /// The length of the longest name in `primitives` and `aliases` (`datetimeoffset`).
    static let longestPrimitiveName = 14

    static let aliases: [String: Primitive] = [
        "int": .int32, "integer": .int32, "bool": .boolean, "datetime": .dateTimeOffset, "timestamp": .dateTimeOffset,
        "number": .double, "float": .single, "long": .int64, "uuid": .guid, "timespan": .duration,
        "json": .untyped, "object": .untyped, "any": .untyped,
    ]
}
