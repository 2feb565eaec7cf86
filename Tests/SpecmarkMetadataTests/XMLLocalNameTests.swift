import Testing

@testable import SpecmarkMetadata

/// An element's local name read on bytes is the last piece a split on `:` gives, for every shape of name.
struct XMLLocalNameTests {
    @Test(arguments: ["edmx:Edmx", "Schema", "a:b:c", "a:", "a::", ":", "::b", "", "é:Ü", "x:é"])
    func theLastPieceOfASplit(name: String) {
        #expect(xmlLocalName(name) == (name.split(separator: ":").last.map(String.init) ?? name))
    }
}
