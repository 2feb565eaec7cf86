import Testing

@testable import SpecmarkMetadata

/// A type's inherited property list is made once for the type the model holds, and never answers for a type
/// changed by hand.
struct PropertyListTests {
    let metadata = ServiceFixture.metadata

    /// The list by its definition: each type of the chain, structural properties then navigation properties,
    /// the nearest declaration of a name winning.
    func reference(_ type: StructuredType) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for declaring in metadata.inheritanceChain(of: type) {
            for name in declaring.properties.map(\.name) + declaring.navigationProperties.map(\.name)
            where seen.insert(name).inserted {
                names.append("\(name)@\(declaring.name)")
            }
        }
        return names
    }

    @Test func everyTypeListsItsChain() {
        #expect(!metadata.types.isEmpty)
        for type in metadata.types {
            let first = metadata.allProperties(of: type)
            #expect(first.map { "\($0.name)@\($0.declaringType)" } == reference(type), "\(type.name)")
            #expect(metadata.allProperties(of: type) == first)
        }
    }

    @Test func aTypeChangedByHandIsListedAsChanged() throws {
        let user = try #require(metadata.type(named: "microsoft.graph.user"))
        let original = metadata.allProperties(of: user)
        var changed = user
        changed.properties[0].name = "renamedByHand"
        let listed = metadata.allProperties(of: changed).map(\.name)
        #expect(listed.contains("renamedByHand"))
        #expect(!listed.contains(user.properties[0].name))
        #expect(metadata.allProperties(of: user) == original)
    }
}
