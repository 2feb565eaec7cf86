/// An enumeration type and its members.
public struct EnumType: Hashable, Sendable {
    /// One member.
    public struct Member: Hashable, Sendable {
        public var name: String
        public var value: String?
        public var location: MetadataLocation

        public init(name: String, value: String? = nil, location: MetadataLocation) {
            self.name = name
            self.value = value
            self.location = location
        }
    }

    /// The qualified name (`microsoft.graph.riskLevel`).
    public var name: String
    public var namespace: String
    public var isFlags: Bool
    public var underlyingType: String?
    public var members: [Member]
    public var location: MetadataLocation

    public init(
        name: String, namespace: String, isFlags: Bool = false, underlyingType: String? = nil, members: [Member] = [],
        location: MetadataLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.isFlags = isFlags
        self.underlyingType = underlyingType
        self.members = members
        self.location = location
    }

    /// The name without its namespace (`riskLevel`).
    public var shortName: String { MetadataTypeName(name: name).shortName }
}

/// A type definition: a named primitive (`<TypeDefinition Name="…" UnderlyingType="Edm.String"/>`).
public struct TypeDefinition: Hashable, Sendable {
    public var name: String
    public var underlyingType: String
    public var location: MetadataLocation

    public init(name: String, underlyingType: String, location: MetadataLocation) {
        self.name = name
        self.underlyingType = underlyingType
        self.location = location
    }
}
