import Synchronization

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
    /// Everything else, built once and shared: a rule asks for the metadata of every page it checks, and a copy
    /// of the model then retains one object instead of every array and index.
    private let storage: Storage

    public var schemas: [Schema] { storage.schemas }
    public var types: [StructuredType] { storage.types }
    public var enums: [EnumType] { storage.enums }
    public var typeDefinitions: [TypeDefinition] { storage.typeDefinitions }
    public var operations: [Operation] { storage.operations }
    public var container: EntityContainer? { storage.container }
    /// The container's name, read without copying the container.
    var containerName: String? { storage.container?.name }
    /// Annotations by target (`microsoft.graph.user`, `microsoft.graph.user/displayName`,
    /// `microsoft.graph.GraphService/users`), alias expanded.
    public var annotations: [String: TargetAnnotations] { storage.annotations }

    private var typeIndex: [String: Int] { storage.typeIndex }
    private var lowercasedTypeIndex: [String: Int] { storage.lowercasedTypeIndex }
    private var enumIndex: [String: Int] { storage.enumIndex }
    private var lowercasedEnumIndex: [String: Int] { storage.lowercasedEnumIndex }
    private var derived: [String: [String]] { storage.derived }
    /// Bound operations by the binding type (`Collection(x)` or `x`), then short name.
    private var boundOperations: [MetadataTypeName: [String: [Int]]] { storage.boundOperations }
    /// Bound operations by the binding type alone (`Collection(x)` or `x`).
    private var operationsByBinding: [MetadataTypeName: [Int]] { storage.operationsByBinding }
    private var operationsByName: [String: [Int]] { storage.operationsByName }
    /// Each type's own properties and navigation properties by name, so a lookup walks the base types instead of
    /// listing every inherited member.
    private var memberIndex: [[String: MemberSlot]] { storage.memberIndex }
    /// Enums by the name without namespace (how docs enum tables name them), exact and lower-cased; the first of
    /// a name wins.
    private var enumShortNameIndex: [String: Int] { storage.enumShortNameIndex }
    private var lowercasedEnumShortNameIndex: [String: Int] { storage.lowercasedEnumShortNameIndex }
    private var sourceIndex: [String: EntityContainer.Source] { storage.sourceIndex }
    private var importIndex: [String: EntityContainer.OperationImport] { storage.importIndex }
    /// Schema namespaces and aliases.
    private var namespaceNames: Set<String> { storage.namespaceNames }

    /// A type's or enum's name with the parts suggestions compare: lower-cased, without its namespace, and the
    /// namespace.
    public struct NameParts: Sendable {
        public let name: String
        public let lowercased: String
        public let shortName: String
        public let lowercasedShortName: String
        public let namespace: String

        init(_ name: String) {
            self.name = name
            lowercased = name.lowercased()
            let type = MetadataTypeName(name: name)
            shortName = type.shortName
            lowercasedShortName = shortName.lowercased()
            namespace = type.namespace
        }
    }

    /// The structured types' names, split, in the metadata's order; made once, the first time a message that
    /// suggests a type is built.
    public var typeNameParts: [NameParts] {
        storage.typeNameParts.value { storage.types.map { NameParts($0.name) } }
    }

    /// The enums' names, split, in the metadata's order.
    public var enumNameParts: [NameParts] {
        storage.enumNameParts.value { storage.enums.map { NameParts($0.name) } }
    }

    /// A value made on first use by whichever thread asks (two at once may both make it; one is kept).
    private final class Lazy<Value: Sendable>: Sendable {
        private final class Box: Sendable {
            let value: Value
            init(_ value: Value) { self.value = value }
        }
        private let box = LazyReference<Box>()

        func value(_ make: () -> Value) -> Value {
            (box.load() ?? box.storeIfNil(Box(make()))).value
        }
    }

    /// Where a type's own member is: in its properties or its navigation properties.
    private enum MemberSlot {
        case structural(Int)
        case navigation(Int)
    }

    /// The model's elements and the indexes over them.
    private final class Storage: Sendable {
        let schemas: [Schema]
        let types: [StructuredType]
        let enums: [EnumType]
        let typeDefinitions: [TypeDefinition]
        let operations: [Operation]
        let container: EntityContainer?
        let annotations: [String: TargetAnnotations]
        let typeIndex: [String: Int]
        let lowercasedTypeIndex: [String: Int]
        let enumIndex: [String: Int]
        let lowercasedEnumIndex: [String: Int]
        let derived: [String: [String]]
        let boundOperations: [MetadataTypeName: [String: [Int]]]
        let operationsByBinding: [MetadataTypeName: [Int]]
        let operationsByName: [String: [Int]]
        /// By index in `types`; empty for a type that repeats an earlier one's name (lookups by name find the
        /// first).
        let memberIndex: [[String: MemberSlot]]
        let enumShortNameIndex: [String: Int]
        let lowercasedEnumShortNameIndex: [String: Int]
        let sourceIndex: [String: EntityContainer.Source]
        let importIndex: [String: EntityContainer.OperationImport]
        let namespaceNames: Set<String>
        let aliases: SchemaAliases
        let typeNameParts = Lazy<[NameParts]>()
        let enumNameParts = Lazy<[NameParts]>()
        /// Each type's `allProperties(of:)`, made the first time a check asks for it: the rules ask for the same
        /// few hundred types' properties thousands of times.
        let allProperties: [Lazy<[MetadataProperty]>]

        init(
            schemas: [Schema], types: [StructuredType], enums: [EnumType], typeDefinitions: [TypeDefinition],
            operations: [Operation], container: EntityContainer?, annotations: [String: TargetAnnotations]
        ) {
            self.schemas = schemas
            self.types = types
            self.enums = enums
            self.typeDefinitions = typeDefinitions
            self.operations = operations
            self.container = container
            self.annotations = annotations
            var typeIndex: [String: Int] = [:]
            var lowercasedTypeIndex: [String: Int] = [:]
            var enumIndex: [String: Int] = [:]
            var lowercasedEnumIndex: [String: Int] = [:]
            var derived: [String: [String]] = [:]
            var boundOperations: [MetadataTypeName: [String: [Int]]] = [:]
            var operationsByBinding: [MetadataTypeName: [Int]] = [:]
            var operationsByName: [String: [Int]] = [:]
            var memberIndex = [[String: MemberSlot]](repeating: [:], count: types.count)
            var enumShortNameIndex: [String: Int] = [:]
            var lowercasedEnumShortNameIndex: [String: Int] = [:]
            var sourceIndex: [String: EntityContainer.Source] = [:]
            var importIndex: [String: EntityContainer.OperationImport] = [:]
            var namespaceNames: Set<String> = []
            for (index, type) in types.enumerated() where typeIndex[type.name] == nil {
                typeIndex[type.name] = index
                lowercasedTypeIndex[type.name.lowercased()] = lowercasedTypeIndex[type.name.lowercased()] ?? index
                if let base = type.baseType { derived[base, default: []].append(type.name) }
                var members: [String: MemberSlot] = [:]
                members.reserveCapacity(type.properties.count + type.navigationProperties.count)
                for (slot, property) in type.navigationProperties.enumerated() {
                    members[property.name] = .navigation(slot)
                }
                // A structural property wins over a navigation property of the same name, as in `allProperties`.
                for (slot, property) in type.properties.enumerated() { members[property.name] = .structural(slot) }
                memberIndex[index] = members
            }
            for schema in schemas {
                namespaceNames.insert(schema.namespace)
                if let alias = schema.alias { namespaceNames.insert(alias) }
            }
            if let container {
                for source in container.entitySets + container.singletons where sourceIndex[source.name] == nil {
                    sourceIndex[source.name] = source
                }
                for operationImport in container.operationImports where importIndex[operationImport.name] == nil {
                    importIndex[operationImport.name] = operationImport
                }
            }
            for (index, type) in enums.enumerated() {
                let short = type.shortName
                if enumShortNameIndex[short] == nil { enumShortNameIndex[short] = index }
                if lowercasedEnumShortNameIndex[short.lowercased()] == nil {
                    lowercasedEnumShortNameIndex[short.lowercased()] = index
                }
            }
            for (index, type) in enums.enumerated() where enumIndex[type.name] == nil {
                enumIndex[type.name] = index
                lowercasedEnumIndex[type.name.lowercased()] = lowercasedEnumIndex[type.name.lowercased()] ?? index
            }
            for (index, operation) in operations.enumerated() {
                operationsByName[operation.name, default: []].append(index)
                if let binding = operation.bindingType {
                    boundOperations[binding, default: [:]][operation.shortName, default: []].append(index)
                    operationsByBinding[binding, default: []].append(index)
                }
            }
            self.typeIndex = typeIndex
            self.lowercasedTypeIndex = lowercasedTypeIndex
            self.enumIndex = enumIndex
            self.lowercasedEnumIndex = lowercasedEnumIndex
            self.derived = derived
            self.boundOperations = boundOperations
            self.operationsByBinding = operationsByBinding
            self.operationsByName = operationsByName
            self.memberIndex = memberIndex
            self.enumShortNameIndex = enumShortNameIndex
            self.lowercasedEnumShortNameIndex = lowercasedEnumShortNameIndex
            self.sourceIndex = sourceIndex
            self.importIndex = importIndex
            self.namespaceNames = namespaceNames
            aliases = SchemaAliases(schemas)
            allProperties = types.map { _ in Lazy<[MetadataProperty]>() }
        }
    }

    public init(
        file: String, version: String? = nil, schemas: [Schema], types: [StructuredType], enums: [EnumType],
        typeDefinitions: [TypeDefinition] = [], operations: [Operation] = [], container: EntityContainer? = nil,
        annotations: [String: TargetAnnotations] = [:]
    ) {
        self.file = file
        self.version = version
        storage = Storage(
            schemas: schemas, types: types, enums: enums, typeDefinitions: typeDefinitions, operations: operations,
            container: container, annotations: annotations)
    }

    private static let collectionPrefix = Array("Collection(".utf8)

    /// Whether `qualified(_:)` has nothing to trim or unwrap in `name` before its alias, found on bytes (nearly
    /// every name the checks ask about): a first or last byte other than a space, a first byte other than `#`
    /// and no `Collection(` bytes at the start mean its Character-wise steps would change nothing.
    private static func hasNothingToUnwrap(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let first = utf8.first else { return false }
        return first != UInt8(ascii: " ") && first != UInt8(ascii: "#") && utf8.last != UInt8(ascii: " ")
            && (first != UInt8(ascii: "C") || !utf8.starts(with: collectionPrefix))
    }

    // MARK: - Names

    /// `graph.user` → `microsoft.graph.user`, `#microsoft.graph.user` → `microsoft.graph.user`,
    /// `Collection(graph.user)` → `Collection(microsoft.graph.user)`; other names unchanged.
    public func qualified(_ name: String) -> MetadataTypeName {
        if Self.hasNothingToUnwrap(name) { return MetadataTypeName(name: expandingAlias(name)) }
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
        storage.aliases.expanding(name)
    }

    // MARK: - Lookups

    /// The entity or complex type named `name` (qualified, aliased or `#`-prefixed), exact case.
    public func type(named name: String) -> StructuredType? {
        indexOfType(named: name).map { types[$0] }
    }

    /// The kind of `type(named:)`'s answer, read without copying the type.
    func kindOfType(named name: String) -> StructuredType.Kind? {
        indexOfType(named: name).map { storage.types[$0].kind }
    }

    /// Whether `type(named:)` or `enumType(named:)` finds `name`, without copying what it finds.
    public func declaresType(named name: String) -> Bool {
        let other = requalified(name)
        if typeIndex[name] != nil { return true }
        if let other, typeIndex[other] != nil { return true }
        return enumIndex[other ?? name] != nil
    }

    /// The index in `types` of `type(named:)`'s answer.
    private func indexOfType(named name: String) -> Int? {
        if let index = typeIndex[name] { return index }
        return requalified(name).flatMap { typeIndex[$0] }
    }

    /// `qualified(name).name` when it is not `name` itself (a lookup of it would repeat one of `name`).
    private func requalified(_ name: String) -> String? {
        if Self.hasNothingToUnwrap(name) { return storage.aliases.expandingIfAliased(name) }
        let qualifiedName = qualified(name).name
        return qualifiedName == name ? nil : qualifiedName
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

    /// The enum a docs enum table names without a namespace (`riskLevel`): the exact name first, then the one
    /// that differs only in case, in any schema.
    public func enumType(shortName name: String, ignoringCase: Bool = false) -> EnumType? {
        if let index = enumShortNameIndex[name] { return enums[index] }
        guard ignoringCase else { return nil }
        return lowercasedEnumShortNameIndex[name.lowercased()].map { enums[$0] }
    }

    /// The type definition named `name`, if any.
    public func typeDefinition(named name: String) -> TypeDefinition? {
        guard !typeDefinitions.isEmpty else { return nil }
        let qualifiedName = qualified(name).name
        return typeDefinitions.first { $0.name == qualifiedName }
    }

    /// The type and its base types, nearest first; stops at a cycle or a base type the metadata lacks.
    public func inheritanceChain(of type: StructuredType) -> [StructuredType] {
        var chain = [type]
        var seen: Set<String> = [type.name]
        var base = baseIndex(of: type)
        while let index = base, seen.insert(types[index].name).inserted {
            chain.append(types[index])
            base = baseIndex(of: types[index])
        }
        return chain
    }

    /// The names of the type named `name` and its base types, nearest first (those of `inheritanceChain(of:)`,
    /// found by index instead of copying each type); just `name` when the metadata has no such type.
    private func chainNames(of name: String) -> [String] {
        indexOfType(named: name).map(chainNames(from:)) ?? [name]
    }

    /// The names of `types[start]` and its base types, nearest first.
    private func chainNames(from start: Int) -> [String] {
        let types = types
        var names = [types[start].name]
        var base = baseIndex(of: types[start])
        while let index = base, !names.contains(types[index].name) {
            names.append(types[index].name)
            base = baseIndex(of: types[index])
        }
        return names
    }

    /// Whether `type` is `ancestor` or derives from it.
    public func isType(_ type: String, derivedFrom ancestor: String) -> Bool {
        let ancestorName = qualified(ancestor).name
        guard let start = indexOfType(named: type) else { return qualified(type).name == ancestorName }
        return chainNames(from: start).contains(ancestorName)
    }

    /// The types that derive directly from `name`.
    public func derivedTypes(of name: String) -> [String] { derived[qualified(name).name] ?? [] }

    /// The type's own and inherited properties, structural then navigation, nearest declaration first.
    public func allProperties(of type: StructuredType) -> [MetadataProperty] {
        // The type the index holds (a copy of it, as `type(named:)` gives) has its list made once.
        if let index = typeIndex[type.name], types[index] == type {
            return storage.allProperties[index].value { listAllProperties(of: type) }
        }
        return listAllProperties(of: type)
    }

    private func listAllProperties(of type: StructuredType) -> [MetadataProperty] {
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
        // The chain `inheritanceChain(of:)` gives, walked by index: most names are the type's own, and copying
        // the chain's types to find them cost more than the lookup.
        if let found = ownProperty(name, of: type) { return found }
        var seen = [type.name]
        var base = baseIndex(of: type)
        while let index = base, !seen.contains(types[index].name) {
            if let found = ownProperty(name, of: types[index]) { return found }
            seen.append(types[index].name)
            base = baseIndex(of: types[index])
        }
        return nil
    }

    /// The index of the base type of `type`: its name as written, else qualified (`type(named:)`'s lookup).
    private func baseIndex(of type: borrowing StructuredType) -> Int? {
        guard let base = type.baseType else { return nil }
        return typeIndex[base] ?? typeIndex[qualified(base).name]
    }

    /// The property `name` that `declaring` itself declares, exact case.
    private func ownProperty(_ name: String, of declaring: borrowing StructuredType) -> MetadataProperty? {
        if let members = indexedMembers(of: declaring) {
            switch members[name] {
            case .structural(let slot)? where declaring.properties[slot].name == name:
                return Self.member(declaring.properties[slot], of: declaring)
            case .navigation(let slot)? where declaring.navigationProperties[slot].name == name:
                return Self.member(declaring.navigationProperties[slot], of: declaring)
            case nil: return nil
            default: break
            }
        }
        // A type the index was not built from (made or changed by hand): look through it.
        if let property = declaring.properties.first(where: { $0.name == name }) {
            return Self.member(property, of: declaring)
        }
        if let property = declaring.navigationProperties.first(where: { $0.name == name }) {
            return Self.member(property, of: declaring)
        }
        return nil
    }

    /// The member index of `type` when it is the type the index was built from.
    private func indexedMembers(of type: borrowing StructuredType) -> [String: MemberSlot]? {
        guard let index = typeIndex[type.name] else { return nil }
        // Compared field by field in the storage: a copy of the indexed type retained each of its arrays.
        let storage = storage
        guard storage.types[index].location == type.location,
            storage.types[index].properties.count == type.properties.count,
            storage.types[index].navigationProperties.count == type.navigationProperties.count
        else { return nil }
        return storage.memberIndex[index]
    }

    private static func member(
        _ property: StructuralProperty, of declaring: borrowing StructuredType
    ) -> MetadataProperty {
        MetadataProperty(
            name: property.name, type: property.type, isNullable: property.isNullable, isNavigation: false,
            containsTarget: false, declaringType: declaring.name, location: property.location)
    }

    private static func member(
        _ property: NavigationProperty, of declaring: borrowing StructuredType
    ) -> MetadataProperty {
        MetadataProperty(
            name: property.name, type: property.type, isNullable: property.isNullable, isNavigation: true,
            containsTarget: property.containsTarget, declaringType: declaring.name, location: property.location)
    }

    /// The operations named `name` (qualified or short) bound to `type` or to one of its base types; a
    /// collection binding matches collections of the type.
    public func boundOperations(named name: String, boundTo type: MetadataTypeName) -> [Operation] {
        let short = MetadataTypeName(name: name).shortName
        let qualifiedName = name.utf8.contains(UInt8(ascii: ".")) ? expandingAlias(name) : nil
        let names = chainNames(of: type.name)
        var result: [Operation] = []
        for bindingName in names {
            let binding = MetadataTypeName(name: bindingName, isCollection: type.isCollection)
            for index in boundOperations[binding]?[short] ?? []
            where qualifiedName.map({ operations[index].name == $0 }) ?? true {
                result.append(operations[index])
            }
        }
        return result
    }

    /// The type nearest below `type` (derived from it, directly or not) that declares a property, navigation
    /// property or bound operation named `member` (bound to a collection when `isCollection`), if one does.
    public func derivedType(declaring member: String, below type: String, isCollection: Bool = false) -> String? {
        var queue = derivedTypes(of: type)
        var seen = Set(queue)
        var next = 0
        while next < queue.count {
            let name = queue[next]
            next += 1
            let declaresProperty = !isCollection && typeIndex[name].map { memberIndex[$0][member] != nil } == true
            let binding = MetadataTypeName(name: name, isCollection: isCollection)
            if declaresProperty || boundOperations[binding]?[member] != nil { return name }
            for child in derived[name] ?? [] where seen.insert(child).inserted { queue.append(child) }
        }
        return nil
    }

    /// The operations with qualified name `name`.
    public func operations(named name: String) -> [Operation] {
        (operationsByName[expandingAlias(name)] ?? []).map { operations[$0] }
    }

    /// The entity set or singleton named `name` (exact case), from the container.
    public func source(named name: String) -> EntityContainer.Source? { sourceIndex[name] }

    /// The action or function import named `name` (exact case), from the container.
    public func operationImport(named name: String) -> EntityContainer.OperationImport? { importIndex[name] }

    /// Whether `name` is a schema's namespace or alias (`microsoft.graph`, `graph`, `microsoft.graph.callRecords`).
    public func isSchemaNamespace(_ name: String) -> Bool { namespaceNames.contains(name) }

    /// Every operation bound to `type` or to one of its base types (a collection binding for a collection).
    public func boundOperations(boundTo type: MetadataTypeName) -> [Operation] {
        return chainNames(of: type.name).flatMap { name in
            (operationsByBinding[MetadataTypeName(name: name, isCollection: type.isCollection)] ?? []).map {
                operations[$0]
            }
        }
    }

    /// The annotations on `target` (`microsoft.graph.user/displayName`), alias expanded.
    public func annotations(on target: String) -> TargetAnnotations? {
        if let found = annotations[target] { return found }
        // A target without an alias at its head was just looked up.
        return storage.aliases.expandingIfAliased(target).flatMap { annotations[$0] }
    }
}
