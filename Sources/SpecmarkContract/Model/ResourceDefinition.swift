public import SpecmarkMarkdown

/// A property of a resource, from its Properties or Relationships table.
public struct PropertyDefinition: Hashable, Sendable {
    public var name: String
    public var type: TypeReference
    public var description: String
    /// The table row.
    public var range: SourceRange
    /// Whether the description says the property is nullable ("Nullable.").
    public var isNullable: Bool
    /// Whether the description says the property is read-only.
    public var isReadOnly: Bool
    /// Whether the property came from the Relationships table.
    public var isNavigation: Bool
    /// The page whose table has the row (a type defined across pages has rows in several); empty for a property
    /// only the metadata declares.
    public var file: String
}

/// A type defined by a resource page: its annotation, Properties and Relationships tables and JSON example.
public struct ResourceDefinition: Hashable, Sendable {
    /// The qualified name from the annotation (`microsoft.graph.riskyUser`).
    public var name: String
    /// The page that defines it.
    public var file: String
    /// The resource annotation.
    public var annotation: BlockAnnotation
    public var keyProperty: String?
    /// The qualified base type name, if any.
    public var baseType: String?
    public var isOpenType: Bool
    public var isAbstract: Bool
    public var optionalProperties: [String]
    public var nullableProperties: [String]
    /// The Properties table's rows.
    public var properties: [PropertyDefinition]
    /// The Relationships table's rows.
    public var relationships: [PropertyDefinition]
    /// The JSON representation after the annotation, if it parsed.
    public var jsonExample: JSONValue?
    /// The link in the page's prose that says what the type inherits from ("Inherits from [x](x.md)").
    public var inheritsFrom: Link?
    /// Whether `baseType` came from that prose because the annotation has none.
    public var baseTypeIsInferred = false
    /// The properties the JSON representation shows, typed as it shows them (`Untyped` where a value shows no
    /// type), each at its key: what a page with no Properties table declares, and what the table's rows are
    /// compared with. Unlike the representation itself, other pages' checks see them (the context cache keeps them).
    public var shownProperties: [PropertyDefinition] = []

    /// The name without its namespace (`riskyUser`).
    public var shortName: String { name.lastPiece(separatedBy: UInt8(ascii: ".")).map(String.init) ?? name }

    /// Properties and relationships by name.
    public func property(named name: String) -> PropertyDefinition? {
        properties.first { $0.name == name } ?? relationships.first { $0.name == name }
    }
}

/// An enumeration type with its members.
public struct EnumDefinition: Hashable, Sendable {
    /// One member.
    public struct Member: Hashable, Sendable {
        public var name: String
        public var value: String?
        public var description: String
        public var range: SourceRange
    }

    /// The type name as the heading gives it (`riskLevel`).
    public var name: String
    public var file: String
    /// The heading or table that defines it.
    public var range: SourceRange
    public var members: [Member]
    /// The table's member column and value column (0-based), where a row for another member goes.
    public var memberColumn = 0
    public var valueColumn: Int? = nil
}

extension PropertyDefinition {
    /// A property a JSON representation shows, typed as the representation shows it.
    static func shown(by member: JSONMember, in file: String) -> PropertyDefinition {
        var type =
            TypeReference.written(by: member.value)
            ?? TypeReference(raw: "", primitive: .untyped, typeName: nil, isCollection: false, link: nil)
        // A sample number (`0`) shows a number, not whether it is whole.
        if type.primitive?.isNumeric == true { type.primitive = .double }
        return PropertyDefinition(
            name: member.key, type: type, description: "", range: member.keyRange, isNullable: true,
            isReadOnly: false, isNavigation: false, file: file)
    }

    /// Whether the description says the property is required ("Required.").
    public var isRequired: Bool {
        description.containsBytes("Required.") || description.hasPrefix("Required")
    }
}
