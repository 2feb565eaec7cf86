/// A service's CSDL `$metadata` as a model: schemas, types, enums, operations and the entity container, every
/// element with the line it starts on, plus the lookups the checks need (aliases expanded, base types followed).
public struct ServiceMetadata: Sendable {
    /// A schema: its namespace and alias.
    public struct Schema: Hashable, Sendable {
        public var namespace: String
        public var alias: String?
        public var location: MetadataLocation

        public init(namespace: String, alias: String? = nil, location: MetadataLocation) {
            self.namespace = namespace
            self.alias = alias
            self.location = location
        }
    }

    /// The file the metadata was read from, as given.
    public var file: String
    /// The CSDL `Version` attribute of `edmx:Edmx`.
    public var version: String?
    public private(set) var schemas: [Schema]
    public private(set) var types: [StructuredType]
    public private(set) var enums: [EnumType]
    public private(set) var typeDefinitions: [TypeDefinition]
    public private(set) var operations: [Operation]
    public private(set) var container: EntityContainer?
    /// Annotations by target (`microsoft.graph.user`, `microsoft.graph.user/displayName`,
    /// `microsoft.graph.GraphService/users`), alias expanded.
    public private(set) var annotations: [String: TargetAnnotations]

    private var typeIndex: [String: Int] = [:]
    private var lowercasedTypeIndex: [String: Int] = [:]
    private var enumIndex: [String: Int] = [:]
    private var lowercasedEnumIndex: [String: Int] = [:]
    private var derived: [String: [String]] = [:]
    /// Bound operations by the binding type (`Collection(x)` or `x`) and short name.
    private var boundOperations: [String: [Int]] = [:]
    private var operationsByName: [String: [Int]] = [:]

    public init(
        file: String, version: String? = nil, schemas: [Schema], types: [StructuredType], enums: [EnumType],
        typeDefinitions: [TypeDefinition] = [], operations: [Operation] = [], container: EntityContainer? = nil,
        annotations: [String: TargetAnnotations] = [:]
    ) {
        self.file = file
        self.version = version
        self.schemas = schemas
        self.types = types
        self.enums = enums
        self.typeDefinitions = typeDefinitions
        self.operations = operations
        self.container = container
        self.annotations = annotations
        for (index, type) in types.enumerated() where typeIndex[type.name] == nil {
            typeIndex[type.name] = index
            lowercasedTypeIndex[type.name.lowercased()] = lowercasedTypeIndex[type.name.lowercased()] ?? index
            if let base = type.baseType { derived[base, default: []].append(type.name) }
        }
        for (index, type) in enums.enumerated() where enumIndex[type.name] == nil {
            enumIndex[type.name] = index
            lowercasedEnumIndex[type.name.lowercased()] = lowercasedEnumIndex[type.name.lowercased()] ?? index
        }
        for (index, operation) in operations.enumerated() {
            operationsByName[operation.name, default: []].append(index)
            if let binding = operation.bindingType {
                boundOperations[Self.bindingKey(binding, operation.shortName), default: []].append(index)
            }
        }
    }

    private static func bindingKey(_ type: MetadataTypeName, _ name: String) -> String { "\(type)/\(name)" }

    // MARK: - Names

    /// `graph.user` → `microsoft.graph.user`, `#microsoft.graph.user` → `microsoft.graph.user`,
    /// `Collection(graph.user)` → `Collection(microsoft.graph.user)`; other names unchanged.
    public func qualified(_ name: String) -> MetadataTypeName {
        var text = Substring(name)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        if text.first == "#" { text = text.dropFirst() }
        var isCollection = false
        if text.hasPrefix("Collection("), text.hasSuffix(")") {
            isCollection = true
            text = text.dropFirst("Collection(".count).dropLast()
        }
        return MetadataTypeName(name: expandingAlias(String(text)), isCollection: isCollection)
    }

    /// Replaces a schema alias at the start of a qualified name with the schema's namespace.
    public func expandingAlias(_ name: String) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        let head = name[..<dot]
        for schema in schemas where schema.alias.map({ $0 == head }) == true {
            return schema.namespace + name[dot...]
        }
        return name
    }

    // MARK: - Lookups

    /// The entity or complex type named `name` (qualified, aliased or `#`-prefixed), exact case.
    public func type(named name: String) -> StructuredType? {
        typeIndex[qualified(name).name].map { types[$0] }
    }

    /// The entity or complex type named `name` whatever its case.
    public func type(ignoringCase name: String) -> StructuredType? {
        let qualifiedName = qualified(name).name
        return (typeIndex[qualifiedName] ?? lowercasedTypeIndex[qualifiedName.lowercased()]).map { types[$0] }
    }

    /// The enum type named `name` (qualified or aliased), exact case.
    public func enumType(named name: String) -> EnumType? {
        enumIndex[qualified(name).name].map { enums[$0] }
    }

    /// The enum type named `name` whatever its case.
    public func enumType(ignoringCase name: String) -> EnumType? {
        let qualifiedName = qualified(name).name
        return (enumIndex[qualifiedName] ?? lowercasedEnumIndex[qualifiedName.lowercased()]).map { enums[$0] }
    }

    /// The type definition named `name`, if any.
    public func typeDefinition(named name: String) -> TypeDefinition? {
        let qualifiedName = qualified(name).name
        return typeDefinitions.first { $0.name == qualifiedName }
    }

    /// The type and its base types, nearest first; stops at a cycle or a base type the metadata lacks.
    public func inheritanceChain(of type: StructuredType) -> [StructuredType] {
        var chain = [type]
        var seen: Set<String> = [type.name]
        var current = type
        while let base = current.baseType, let next = self.type(named: base), seen.insert(next.name).inserted {
            chain.append(next)
            current = next
        }
        return chain
    }

    /// Whether `type` is `ancestor` or derives from it.
    public func isType(_ type: String, derivedFrom ancestor: String) -> Bool {
        let ancestorName = qualified(ancestor).name
        guard let start = self.type(named: type) else { return qualified(type).name == ancestorName }
        return inheritanceChain(of: start).contains { $0.name == ancestorName }
    }

    /// The types that derive directly from `name`.
    public func derivedTypes(of name: String) -> [String] { derived[qualified(name).name] ?? [] }

    /// The type's own and inherited properties, structural then navigation, nearest declaration first.
    public func allProperties(of type: StructuredType) -> [MetadataProperty] {
        var seen: Set<String> = []
        var result: [MetadataProperty] = []
        for declaring in inheritanceChain(of: type) {
            for property in declaring.properties where seen.insert(property.name).inserted {
                result.append(
                    MetadataProperty(
                        name: property.name, type: property.type, isNullable: property.isNullable,
                        isNavigation: false, containsTarget: false, declaringType: declaring.name,
                        location: property.location))
            }
            for property in declaring.navigationProperties where seen.insert(property.name).inserted {
                result.append(
                    MetadataProperty(
                        name: property.name, type: property.type, isNullable: property.isNullable,
                        isNavigation: true, containsTarget: property.containsTarget, declaringType: declaring.name,
                        location: property.location))
            }
        }
        return result
    }

    /// The property `name` of the type or one of its base types, exact case.
    public func property(_ name: String, of type: StructuredType) -> MetadataProperty? {
        allProperties(of: type).first { $0.name == name }
    }

    /// The operations named `name` (qualified or short) bound to `type` or to one of its base types; a
    /// collection binding matches collections of the type.
    public func boundOperations(named name: String, boundTo type: MetadataTypeName) -> [Operation] {
        let short = MetadataTypeName(name: name).shortName
        let qualifiedName = name.contains(".") ? expandingAlias(name) : nil
        var names = [type.name]
        if let structured = self.type(named: type.name) { names = inheritanceChain(of: structured).map(\.name) }
        var result: [Operation] = []
        for bindingName in names {
            let key = Self.bindingKey(MetadataTypeName(name: bindingName, isCollection: type.isCollection), short)
            for index in boundOperations[key] ?? [] where qualifiedName.map({ operations[index].name == $0 }) ?? true {
                result.append(operations[index])
            }
        }
        return result
    }

    /// The operations with qualified name `name`.
    public func operations(named name: String) -> [Operation] {
        (operationsByName[expandingAlias(name)] ?? []).map { operations[$0] }
    }

    /// The annotations on `target` (`microsoft.graph.user/displayName`), alias expanded.
    public func annotations(on target: String) -> TargetAnnotations? {
        annotations[target] ?? annotations[expandingAlias(target)]
    }
}
