/// An entity or complex type: its base type, flags, key and own properties.
public struct StructuredType: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case entity = "EntityType"
        case complex = "ComplexType"
    }

    public var kind: Kind
    /// The qualified name (`microsoft.graph.user`).
    public var name: String
    public var namespace: String
    /// The qualified base type name, alias expanded.
    public var baseType: String?
    public var isAbstract: Bool
    public var isOpen: Bool
    public var hasStream: Bool
    /// The key property names (entity types that declare `<Key>`).
    public var key: [String]
    public var properties: [StructuralProperty]
    public var navigationProperties: [NavigationProperty]
    public var location: MetadataLocation

    public init(
        kind: Kind, name: String, namespace: String, baseType: String? = nil, isAbstract: Bool = false,
        isOpen: Bool = false, hasStream: Bool = false, key: [String] = [], properties: [StructuralProperty] = [],
        navigationProperties: [NavigationProperty] = [], location: MetadataLocation
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.baseType = baseType
        self.isAbstract = isAbstract
        self.isOpen = isOpen
        self.hasStream = hasStream
        self.key = key
        self.properties = properties
        self.navigationProperties = navigationProperties
        self.location = location
    }

    /// The name without its namespace (`user`).
    public var shortName: String { MetadataTypeName(name: name).shortName }
}

/// A structural property of an entity or complex type.
public struct StructuralProperty: Hashable, Sendable {
    public var name: String
    public var type: MetadataTypeName
    public var isNullable: Bool
    public var location: MetadataLocation

    public init(name: String, type: MetadataTypeName, isNullable: Bool = true, location: MetadataLocation) {
        self.name = name
        self.type = type
        self.isNullable = isNullable
        self.location = location
    }
}

/// A navigation property: a relationship to an entity type, contained or not.
public struct NavigationProperty: Hashable, Sendable {
    public var name: String
    public var type: MetadataTypeName
    public var isNullable: Bool
    /// Whether the related entities are contained (addressable only through this property).
    public var containsTarget: Bool
    public var partner: String?
    public var location: MetadataLocation

    public init(
        name: String, type: MetadataTypeName, isNullable: Bool = true, containsTarget: Bool = false,
        partner: String? = nil, location: MetadataLocation
    ) {
        self.name = name
        self.type = type
        self.isNullable = isNullable
        self.containsTarget = containsTarget
        self.partner = partner
        self.location = location
    }
}

/// A property of a structured type as the type sees it: its own or inherited, structural or navigation.
public struct MetadataProperty: Hashable, Sendable {
    public var name: String
    public var type: MetadataTypeName
    public var isNullable: Bool
    public var isNavigation: Bool
    public var containsTarget: Bool
    /// The type that declares the property (the type itself or one of its base types).
    public var declaringType: String
    public var location: MetadataLocation
}
