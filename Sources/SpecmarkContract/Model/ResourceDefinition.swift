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
///
/// The fields live in one shared box, copied on the first write to a shared definition: rules and checks copy
/// definitions out of the doc set's indexes tens of thousands of times a run, and copying the annotation, tables
/// and example (some thirty strings and arrays) each time cost more than the checks that read them.
public struct ResourceDefinition: Hashable, Sendable {
    /// The stored fields.
    private struct Fields: Hashable, Sendable {
        var name: String
        var file: String
        var annotation: BlockAnnotation
        var keyProperty: String?
        var baseType: String?
        var isOpenType: Bool
        var isAbstract: Bool
        var optionalProperties: [String]
        var nullableProperties: [String]
        var properties: [PropertyDefinition]
        var relationships: [PropertyDefinition]
        var jsonExample: JSONValue?
        var inheritsFrom: Link?
        var baseTypeIsInferred: Bool = false
        var shownProperties: [PropertyDefinition] = []
    }

    /// Holds the fields; a definition writes to its box only when no other definition shares it.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The fields to change: the box's own when this definition alone holds it, else a copy of them first.
    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    init(
        name: String, file: String, annotation: BlockAnnotation, keyProperty: String?, baseType: String?,
        isOpenType: Bool, isAbstract: Bool, optionalProperties: [String], nullableProperties: [String],
        properties: [PropertyDefinition], relationships: [PropertyDefinition], jsonExample: JSONValue?,
        inheritsFrom: Link?, baseTypeIsInferred: Bool = false, shownProperties: [PropertyDefinition] = []
    ) {
        box = Box(
            Fields(
                name: name, file: file, annotation: annotation, keyProperty: keyProperty, baseType: baseType,
                isOpenType: isOpenType, isAbstract: isAbstract, optionalProperties: optionalProperties,
                nullableProperties: nullableProperties, properties: properties, relationships: relationships,
                jsonExample: jsonExample, inheritsFrom: inheritsFrom, baseTypeIsInferred: baseTypeIsInferred,
                shownProperties: shownProperties))
    }

    public static func == (lhs: ResourceDefinition, rhs: ResourceDefinition) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }

    /// The qualified name from the annotation (`microsoft.graph.riskyUser`).
    public var name: String {
        get { box.fields.name }
        _modify { yield &fields.name }
    }
    /// The page that defines it.
    public var file: String {
        get { box.fields.file }
        _modify { yield &fields.file }
    }
    /// The resource annotation.
    public var annotation: BlockAnnotation {
        get { box.fields.annotation }
        _modify { yield &fields.annotation }
    }
    public var keyProperty: String? {
        get { box.fields.keyProperty }
        _modify { yield &fields.keyProperty }
    }
    /// The qualified base type name, if any.
    public var baseType: String? {
        get { box.fields.baseType }
        _modify { yield &fields.baseType }
    }
    public var isOpenType: Bool {
        get { box.fields.isOpenType }
        _modify { yield &fields.isOpenType }
    }
    public var isAbstract: Bool {
        get { box.fields.isAbstract }
        _modify { yield &fields.isAbstract }
    }
    public var optionalProperties: [String] {
        get { box.fields.optionalProperties }
        _modify { yield &fields.optionalProperties }
    }
    public var nullableProperties: [String] {
        get { box.fields.nullableProperties }
        _modify { yield &fields.nullableProperties }
    }
    /// The Properties table's rows.
    public var properties: [PropertyDefinition] {
        get { box.fields.properties }
        _modify { yield &fields.properties }
    }
    /// The Relationships table's rows.
    public var relationships: [PropertyDefinition] {
        get { box.fields.relationships }
        _modify { yield &fields.relationships }
    }
    /// The JSON representation after the annotation, if it parsed.
    public var jsonExample: JSONValue? {
        get { box.fields.jsonExample }
        _modify { yield &fields.jsonExample }
    }
    /// The link in the page's prose that says what the type inherits from ("Inherits from [x](x.md)").
    public var inheritsFrom: Link? {
        get { box.fields.inheritsFrom }
        _modify { yield &fields.inheritsFrom }
    }
    /// Whether `baseType` came from that prose because the annotation has none.
    public var baseTypeIsInferred: Bool {
        get { box.fields.baseTypeIsInferred }
        _modify { yield &fields.baseTypeIsInferred }
    }
    /// The properties the JSON representation shows, typed as it shows them (`Untyped` where a value shows no
    /// type), each at its key: what a page with no Properties table declares, and what the table's rows are
    /// compared with. Unlike the representation itself, other pages' checks see them (the context cache keeps them).
    public var shownProperties: [PropertyDefinition] {
        get { box.fields.shownProperties }
        _modify { yield &fields.shownProperties }
    }

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
