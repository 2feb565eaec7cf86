import SpecmarkMarkdown
public import SpecmarkMetadata

/// What a service's metadata holds and how much of it the docs cover: the figures a docs team tracks, for
/// `specmark model --metadata`.
public struct MetadataCoverage: Codable, Hashable, Sendable {
    /// A share: how many of how many.
    public struct Share: Codable, Hashable, Sendable, CustomStringConvertible {
        public var covered: Int
        public var total: Int

        public var description: String {
            guard total > 0 else { return "0 of 0" }
            let tenths = (covered * 1000 + total / 2) / total
            return "\(covered) of \(total) (\(tenths / 10).\(tenths % 10)%)"
        }
    }

    /// The counts for one schema namespace.
    public struct Namespace: Codable, Hashable, Sendable {
        public var name: String
        public var types: Share
        public var properties: Share
        /// Entity sets and singletons whose type is in this namespace, with a method page.
        public var sources: Share
        /// Actions and functions of this namespace with a method page.
        public var operations: Share
    }

    public var file: String
    public var version: String?
    public var entityTypes: Int
    public var complexTypes: Int
    public var enumTypes: Int
    public var entitySets: Int
    public var singletons: Int
    public var actions: Int
    public var functions: Int
    /// Entity and complex types with a resource page.
    public var typesDocumented: Share
    /// Properties (own, structural and navigation) of the documented types that their pages document.
    public var propertiesDocumented: Share
    /// Entity sets and singletons that some method page's declared path starts from.
    public var sourcesWithMethodPage: Share
    /// Actions and functions that some method page's declared path calls.
    public var operationsWithMethodPage: Share
    public var namespaces: [Namespace]

    /// The coverage of `metadata` by `docs`.
    public init(_ metadata: ServiceMetadata, version: String?, docs: DocSet) {
        let file = metadata.file
        self.file = file
        self.version = version
        entityTypes = metadata.types.filter { $0.kind == .entity }.count
        complexTypes = metadata.types.filter { $0.kind == .complex }.count
        enumTypes = metadata.enums.count
        entitySets = metadata.container?.entitySets.count ?? 0
        singletons = metadata.container?.singletons.count ?? 0
        actions = metadata.operations.filter { $0.kind == .action }.count
        functions = metadata.operations.filter { $0.kind == .function }.count

        let none = Share(covered: 0, total: 0)
        var byNamespace: [String: (types: Share, properties: Share, sources: Share, operations: Share)] = [:]
        for type in metadata.types {
            let resource = docs.resource(named: type.name)
            var entry = byNamespace[type.namespace] ?? (none, none, none, none)
            entry.types.total += 1
            if let resource {
                entry.types.covered += 1
                let documented = Set(docs.allProperties(of: resource).map { $0.name.lowercased() })
                let own = type.properties.map(\.name) + type.navigationProperties.map(\.name)
                entry.properties.total += own.count
                entry.properties.covered += own.filter { documented.contains($0.lowercased()) }.count
            }
            byNamespace[type.namespace] = entry
        }

        // What the method pages of this version address.
        var roots: Set<String> = []
        var called: Set<String> = []
        let aliases = docs.configuration.pathAliases.map { (from: $0.alias, to: $0.replacement) }
        for page in docs.pages
        where docs.metadata.metadata(forVersion: page.apiVersion).map({ $0.file == file }) ?? true {
            for declared in page.method?.declaredPaths ?? [] {
                let resolution = metadata.resolve(declared.template.raw, aliases: aliases)
                if let first = resolution.segments.first, [.entitySet, .singleton].contains(first.kind) {
                    roots.insert(first.text)
                }
                for segment in resolution.segments {
                    if let operation = segment.operation { called.insert(operation.name) }
                }
            }
        }
        let sources = (metadata.container?.entitySets ?? []) + (metadata.container?.singletons ?? [])
        sourcesWithMethodPage = Share(covered: sources.filter { roots.contains($0.name) }.count, total: sources.count)
        for source in sources {
            // A source belongs to its type's namespace: `callRecords` to microsoft.graph.callRecords.
            let namespace =
                metadata.type(named: source.type)?.namespace ?? MetadataTypeName(name: source.type).namespace
            byNamespace[namespace, default: (none, none, none, none)].sources.total += 1
            if roots.contains(source.name) {
                byNamespace[namespace, default: (none, none, none, none)].sources.covered += 1
            }
        }
        let operationNames = Set(metadata.operations.map(\.name))
        operationsWithMethodPage = Share(
            covered: operationNames.intersection(called).count, total: operationNames.count)
        // Overloads share a name; each name counts once, in the namespace that declares it first.
        var counted: Set<String> = []
        for operation in metadata.operations where counted.insert(operation.name).inserted {
            byNamespace[operation.namespace, default: (none, none, none, none)].operations.total += 1
            if called.contains(operation.name) {
                byNamespace[operation.namespace, default: (none, none, none, none)].operations.covered += 1
            }
        }
        namespaces = byNamespace.sorted { $0.key < $1.key }.map { name, shares in
            Namespace(
                name: name, types: shares.types, properties: shares.properties, sources: shares.sources,
                operations: shares.operations)
        }
        typesDocumented = Share(
            covered: namespaces.reduce(0) { $0 + $1.types.covered }, total: namespaces.reduce(0) { $0 + $1.types.total }
        )
        propertiesDocumented = Share(
            covered: namespaces.reduce(0) { $0 + $1.properties.covered },
            total: namespaces.reduce(0) { $0 + $1.properties.total })
    }

    /// The coverage section of `specmark model`'s text output.
    public var text: String {
        var output = "metadata \(file)\(version.map { " (\($0))" } ?? "")\n"
        output += "  types: \(entityTypes) entity, \(complexTypes) complex, \(enumTypes) enum\n"
        output += "  container: \(entitySets) entity sets, \(singletons) singletons\n"
        output += "  operations: \(actions) actions, \(functions) functions\n"
        output += "  types documented: \(typesDocumented)\n"
        output += "  properties of documented types documented: \(propertiesDocumented)\n"
        output += "  entity sets and singletons with a method page: \(sourcesWithMethodPage)\n"
        output += "  operations with a method page: \(operationsWithMethodPage)\n"
        for namespace in namespaces {
            output +=
                "  \(namespace.name): types \(namespace.types), properties \(namespace.properties), entity sets and singletons \(namespace.sources), operations \(namespace.operations)\n"
        }
        return output
    }
}
