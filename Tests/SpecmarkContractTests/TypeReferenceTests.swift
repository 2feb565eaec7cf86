import Testing

@testable import SpecmarkContract

@Suite struct TypeReferenceTests {
    /// A one-word ASCII cell is read by a shortcut. A leading space sends the same word the general way (which
    /// trims it), and both must read the same type: on real type words and random words over letters, digits,
    /// `.` and `_`, with and without a link text.
    @Test func oneWordCellsReadAsTheGeneralParseReadsThem() {
        var words = [
            "String", "string", "Int32", "Edm.Int64", "edm.boolean", "DateTimeOffset", "microsoft.graph.user", "user",
            "Collection", "collection", "collections", "array", "Binary", "Guid", "Edm.", "x_y", "9lives",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcEdmS.t_1".utf8)
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...10, using: &generator)
            words.append(
                String(decoding: (0..<count).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
        }
        for word in words {
            for linkText: String? in [nil, "user", " Widget kind "] {
                let fast = TypeReference.parse(word, link: "a.md", linkText: linkText)
                var general = TypeReference.parse(" " + word, link: "a.md", linkText: linkText)
                general.raw = word
                #expect(fast == general, "\(word) \(linkText ?? "-")")
            }
        }
        #expect(TypeReference.parse("Edm.String").primitive != nil)
        #expect(TypeReference.parse("microsoft.graph.user").typeName == "microsoft.graph.user")
    }
}

/// The primitive lookup skips heads that cannot name a primitive; these pin what it relies on.
@Suite struct PrimitiveNameTests {
    @Test func everyNameIsAShortASCIIWord() {
        let names = Array(TypeReference.primitives.keys) + Array(TypeReference.aliases.keys)
        #expect(names.map(\.utf8.count).max() == TypeReference.longestPrimitiveName)
        for name in names {
            #expect(name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }, "\(name)")
        }
    }

    @Test func everyNameParsesInAnyCaseAndWithEdm() {
        for (name, primitive) in TypeReference.primitives.merging(TypeReference.aliases, uniquingKeysWith: { $1 }) {
            for written in [name, name.uppercased(), "Edm." + name, "edm." + name.uppercased(), "\(name) collection"] {
                #expect(TypeReference.parse(written).primitive == primitive, "\(written)")
            }
        }
        #expect(TypeReference.parse("microsoft.graph.dateTimeOffset").primitive == nil)
        #expect(TypeReference.parse("DateTimeOffsets").primitive == nil)
        #expect(TypeReference.parse("\u{212A}").typeName == "\u{212A}")
    }
}
