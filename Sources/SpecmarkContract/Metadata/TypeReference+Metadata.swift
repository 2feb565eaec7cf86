public import SpecmarkMetadata

extension TypeReference {
    /// The docs-side form of a metadata type: EDM primitives as primitives (type definitions by their
    /// underlying type), enums, complex and entity types by qualified name.
    public init(_ type: MetadataTypeName, in metadata: ServiceMetadata) {
        var element = type.name
        if let definition = metadata.typeDefinition(named: element) { element = definition.underlyingType }
        if element.hasPrefix("Edm.") {
            let parsed = TypeReference.parse(String(element.dropFirst(4)))
            self.init(
                raw: type.description, primitive: parsed.primitive ?? .untyped, typeName: nil,
                isCollection: type.isCollection, link: nil)
        } else {
            self.init(
                raw: type.description, primitive: nil, typeName: element, isCollection: type.isCollection, link: nil)
        }
    }
}
