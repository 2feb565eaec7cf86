import SpecmarkMarkdown

/// The types a page defines and refers to, and the files it links to.
public struct PageDependencies: Hashable, Sendable {
    public var file: String
    /// Type keys (see `DependentPages.key`) of the resources and enums the page defines.
    public var definedTypes: [String]
    /// Type keys named by its examples' annotations, its resources' base and property types and its parameter
    /// tables.
    public var referencedTypes: [String]
    /// Pages and files its relative links resolve to.
    public var linkedFiles: [String]

    public init(_ page: PageContract) {
        file = page.file
        var defined: [String] = []
        for resource in page.resources {
            defined += [DependentPages.key(resource.name), DependentPages.key(resource.shortName)]
        }
        for definition in page.enums {
            defined += [
                DependentPages.key(definition.name),
                DependentPages.key(definition.name.split(separator: ".").last.map(String.init) ?? definition.name),
            ]
        }
        var referenced =
            page.requests.compactMap(\.annotation?.odataType) + page.responses.compactMap(\.annotation?.odataType)
        for resource in page.resources {
            if let base = resource.baseType { referenced.append(base) }
            referenced += (resource.properties + resource.relationships).compactMap(\.type.typeName)
        }
        for table in page.method?.parameterTables ?? [] {
            referenced += table.parameters.compactMap { $0.type?.typeName }
        }
        var linked: [String] = []
        for link in page.links {
            let destination = link.destination
            guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.containsBytes("://") else { continue }
            linked.append(DocSet.resolveLink(destination, from: page.file))
        }
        definedTypes = Self.unique(defined)
        referencedTypes = Self.unique(referenced.map(DependentPages.key))
        linkedFiles = Self.unique(linked)
    }

    init(file: String, definedTypes: [String], referencedTypes: [String], linkedFiles: [String]) {
        self.file = file
        self.definedTypes = definedTypes
        self.referencedTypes = referencedTypes
        self.linkedFiles = linkedFiles
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
