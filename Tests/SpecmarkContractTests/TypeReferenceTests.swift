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
