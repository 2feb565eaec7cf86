/// The entity container: the entity sets, singletons and operation imports a service's URLs start from.
public struct EntityContainer: Hashable, Sendable {
    /// A navigation property binding of an entity set or singleton.
    public struct Binding: Hashable, Sendable {
        public var path: String
        public var target: String

        public init(path: String, target: String) {
            self.path = path
            self.target = target
        }
    }

    /// An entity set or a singleton.
    public struct Source: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case entitySet = "EntitySet"
            case singleton = "Singleton"
        }

        public var kind: Kind
        public var name: String
        /// The qualified entity type.
        public var type: String
        public var bindings: [Binding]
        public var location: MetadataLocation

        public init(kind: Kind, name: String, type: String, bindings: [Binding] = [], location: MetadataLocation) {
            self.kind = kind
            self.name = name
            self.type = type
            self.bindings = bindings
            self.location = location
        }
    }

    /// An action or function import.
    public struct OperationImport: Hashable, Sendable {
        public var kind: Operation.Kind
        public var name: String
        /// The qualified operation it imports.
        public var operation: String
        public var entitySet: String?
        public var location: MetadataLocation

        public init(
            kind: Operation.Kind, name: String, operation: String, entitySet: String? = nil,
            location: MetadataLocation
        ) {
            self.kind = kind
            self.name = name
            self.operation = operation
            self.entitySet = entitySet
            self.location = location
        }
    }

    /// The qualified container name (`microsoft.graph.GraphService`).
    public var name: String
    public var entitySets: [Source]
    public var singletons: [Source]
    public var operationImports: [OperationImport]
    public var location: MetadataLocation

    public init(
        name: String, entitySets: [Source] = [], singletons: [Source] = [], operationImports: [OperationImport] = [],
        location: MetadataLocation
    ) {
        self.name = name
        self.entitySets = entitySets
        self.singletons = singletons
        self.operationImports = operationImports
        self.location = location
    }

    /// The entity set or singleton named `name` (exact case).
    public func source(named name: String) -> Source? {
        entitySets.first { $0.name == name } ?? singletons.first { $0.name == name }
    }
}

/// What the metadata's `<Annotations>` and inline `<Annotation>` elements say about one target that Specmark
/// uses: descriptions, computed (read-only) properties and the capability restrictions.
public struct TargetAnnotations: Hashable, Sendable {
    public var description: String?
    public var longDescription: String?
    public var isComputed = false
    /// `InsertRestrictions/Insertable`, `UpdateRestrictions/Updatable`, `DeleteRestrictions/Deletable` when false.
    public var isInsertable = true
    public var isUpdatable = true
    public var isDeletable = true

    public init() {}
}
