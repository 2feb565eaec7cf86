/// An action or function, bound (its first parameter is the binding parameter) or unbound.
public struct Operation: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case action = "Action"
        case function = "Function"
    }

    /// One parameter.
    public struct Parameter: Hashable, Sendable {
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

    public var kind: Kind
    /// The qualified name (`microsoft.graph.getMemberGroups`).
    public var name: String
    public var namespace: String
    public var isBound: Bool
    public var isComposable: Bool
    /// Every parameter, the binding parameter first when bound.
    public var parameters: [Parameter]
    public var returnType: MetadataTypeName?
    public var entitySetPath: String?
    public var location: MetadataLocation

    public init(
        kind: Kind, name: String, namespace: String, isBound: Bool = false, isComposable: Bool = false,
        parameters: [Parameter] = [], returnType: MetadataTypeName? = nil, entitySetPath: String? = nil,
        location: MetadataLocation
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.isBound = isBound
        self.isComposable = isComposable
        self.parameters = parameters
        self.returnType = returnType
        self.entitySetPath = entitySetPath
        self.location = location
    }

    /// The name without its namespace (`getMemberGroups`).
    public var shortName: String { MetadataTypeName(name: name).shortName }

    /// The binding parameter's type, when bound.
    public var bindingType: MetadataTypeName? { isBound ? parameters.first?.type : nil }

    /// The parameters a caller passes (all but the binding parameter).
    public var callParameters: ArraySlice<Parameter> { isBound ? parameters.dropFirst() : parameters[...] }
}
