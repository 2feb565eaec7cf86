public import SpecmarkMetadata

extension TypeReference {
    /// The docs-side form of a metadata type: EDM primitives as primitives (type definitions by their
    /// underlying type), enums, complex and entity types by qualified name, and a type that declares nothing
    /// as `Untyped`.
    public init(_ type: MetadataTypeName, in metadata: ServiceMetadata) {
        var element = type.name
        if let definition = metadata.typeDefinition(named: element) { element = definition.underlyingType }
        if element.hasPrefix("Edm.") {
            let parsed = TypeReference.parse(String(element.dropFirst(4)))
            self.init(
                raw: type.description, primitive: parsed.primitive ?? .untyped, typeName: nil,
                isCollection: type.isCollection, link: nil)
        } else if let structured = metadata.type(named: element), structured.properties.isEmpty,
            structured.navigationProperties.isEmpty, structured.baseType == nil
        {
            // A complex type that declares nothing (Graph's `Json`) stands for any JSON value.
            self.init(
                raw: type.description, primitive: .untyped, typeName: nil, isCollection: type.isCollection, link: nil)
        } else {
            self.init(
                raw: type.description, primitive: nil, typeName: element, isCollection: type.isCollection, link: nil)
        }
    }
}
