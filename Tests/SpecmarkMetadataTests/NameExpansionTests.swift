import Testing

@testable import SpecmarkMetadata

/// Aliases and qualified names are read on bytes where that is the same as reading them by Characters: checked
/// against the Character-wise definitions on every name of up to three of the pieces that tell them apart, and
/// on longer ones written out.
struct NameExpansionTests {
    /// Pieces that change how Characters fall: a combining mark after `.` or `(`, a prepended mark before `.`,
    /// the Kelvin sign (canonically `K`), spaces, `#`, the collection wrapper and aliases.
    static let pieces = [
        "graph", "g", "K", "\u{212A}", "microsoft", ".", ".", "user", " ", "#", "Collection(", ")", "\u{301}",
        "\u{600}", "é", "x", "Edm", "String", "",
    ]

    /// Every name of up to three pieces (7,239 of them).
    static let names: [String] = {
        var names = [""]
        var last = [""]
        for _ in 0..<3 {
            last = last.flatMap { name in pieces.map { name + $0 } }
            names += last
        }
        return names
    }()

    static let schemaSets: [[ServiceMetadata.Schema]] = [
        [],
        [.init(namespace: "microsoft.graph", alias: "graph", location: .init(line: 1, column: 1))],
        [
            .init(namespace: "microsoft.graph", alias: "graph", location: .init(line: 1, column: 1)),
            .init(namespace: "other", alias: "graph", location: .init(line: 2, column: 1)),
            .init(namespace: "kelvin", alias: "K", location: .init(line: 3, column: 1)),
        ],
        // A non-ASCII alias: every name goes by Characters.
        [
            .init(namespace: "microsoft.graph", alias: "graph", location: .init(line: 1, column: 1)),
            .init(namespace: "sign", alias: "\u{212A}", location: .init(line: 2, column: 1)),
        ],
    ]

    /// `expandingAlias` as it was written by Characters.
    static func referenceExpanding(_ name: String, schemas: [ServiceMetadata.Schema]) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        let head = name[..<dot]
        for schema in schemas where schema.alias.map({ $0 == head }) == true {
            return schema.namespace + name[dot...]
        }
        return name
    }

    /// `qualified` as it was written by Characters.
    static func referenceQualified(_ name: String, schemas: [ServiceMetadata.Schema]) -> MetadataTypeName {
        var text = Substring(name)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        if text.first == "#" { text = text.dropFirst() }
        var isCollection = false
        if text.hasPrefix("Collection("), text.hasSuffix(")") {
            isCollection = true
            text = text.dropFirst("Collection(".count).dropLast()
        }
        return MetadataTypeName(
            name: referenceExpanding(String(text), schemas: schemas), isCollection: isCollection)
    }

    @Test(arguments: 0..<schemaSets.count)
    func aliasesExpandAsByCharacters(set: Int) {
        let schemas = Self.schemaSets[set]
        let metadata = ServiceMetadata(file: "names", schemas: schemas, types: [], enums: [])
        let aliases = SchemaAliases(schemas)
        let names =
            Self.names + [
                "graph.user", "graph.", "graph", ".user", "K.user", "\u{212A}.user", "graph.\u{301}user",
                "gr\u{600}.user", "é.user", "Collection(graph.user)", " #graph.user ",
            ]
        for name in names {
            let expected = Self.referenceExpanding(name, schemas: schemas)
            #expect(metadata.expandingAlias(name) == expected, "\(name.debugDescription)")
            #expect(aliases.expandingIfAliased(name) == (expected == name ? nil : expected), "\(name.debugDescription)")
            let qualified = metadata.qualified(name)
            let reference = Self.referenceQualified(name, schemas: schemas)
            #expect(qualified.name == reference.name && qualified.isCollection == reference.isCollection)
        }
    }
}

extension NameExpansionTests {
    /// Types and enums are found by a name as `qualified(_:)` reads it, the name as written first.
    @Test(arguments: 0..<schemaSets.count)
    func namesFindWhatQualifiedNamesName(set: Int) {
        let schemas = Self.schemaSets[set]
        let here = MetadataLocation(line: 1, column: 1)
        let types = ["microsoft.graph.user", "kelvin.user", "other.user", "graph.user", "K.x"].map {
            StructuredType(kind: .entity, name: $0, namespace: MetadataTypeName(name: $0).namespace, location: here)
        }
        let enums = ["microsoft.graph.x", "other.x", "microsoft.graph.user"].map {
            EnumType(name: $0, namespace: MetadataTypeName(name: $0).namespace, location: here)
        }
        let metadata = ServiceMetadata(file: "names", schemas: schemas, types: types, enums: enums)
        let names =
            Self.names + [
                "graph.user", "microsoft.graph.user", "#graph.user", " graph.user ", "K.user", "\u{212A}.user",
                "K.x", "graph.x", "Collection(graph.user)", "other.x", "kelvin.user",
            ]
        for name in names {
            let qualified = Self.referenceQualified(name, schemas: schemas).name
            let type = types.first { $0.name == name } ?? types.first { $0.name == qualified }
            #expect(metadata.type(named: name)?.name == type?.name, "\(name.debugDescription)")
            let isEnum = enums.contains { $0.name == qualified }
            #expect(metadata.declaresType(named: name) == (type != nil || isEnum), "\(name.debugDescription)")
        }
    }
}
