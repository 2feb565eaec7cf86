import SpecmarkMarkdown

/// Which pages a change reaches: the changed pages, and the pages whose checks read what a changed page
/// defines — types named in their examples' annotations, base types and property types of their resources,
/// and links into the changed pages.
public enum DependentPages {
    /// Indexes of the pages in `docs` whose file is in `changed` (display paths), plus their dependents, in page
    /// order.
    public static func including(_ changed: Set<String>, in docs: DocSet) -> [Int] {
        let changedPages = docs.pages.indices.filter { changed.contains(docs.pages[$0].file) }
        var types = Set<String>()
        for index in changedPages {
            for resource in docs.pages[index].resources {
                types.insert(key(resource.name))
                types.insert(key(resource.shortName))
            }
            for definition in docs.pages[index].enums {
                types.insert(key(definition.name))
                types.insert(key(definition.name.split(separator: ".").last.map(String.init) ?? definition.name))
            }
        }
        let changedFiles = Set(changedPages.map { docs.pages[$0].file })
        return docs.pages.indices.filter { index in
            let page = docs.pages[index]
            if changedFiles.contains(page.file) { return true }
            if !types.isEmpty {
                let annotated =
                    page.requests.compactMap(\.annotation?.odataType)
                    + page.responses.compactMap(\.annotation?.odataType)
                if annotated.contains(where: { types.contains(key($0)) }) { return true }
                for resource in page.resources {
                    if let base = resource.baseType, types.contains(key(base)) { return true }
                    let fields = resource.properties + resource.relationships
                    if fields.contains(where: { $0.type.typeName.map { types.contains(key($0)) } ?? false }) {
                        return true
                    }
                }
                let tables = page.method?.parameterTables ?? []
                if tables.contains(where: { table in
                    table.parameters.contains { $0.type?.typeName.map { types.contains(key($0)) } ?? false }
                }) {
                    return true
                }
            }
            return page.links.contains { link in
                let destination = link.destination
                guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.containsBytes("://") else {
                    return false
                }
                return changedFiles.contains(DocSet.resolveLink(destination, from: page.file))
            }
        }
    }

    /// A type name compared without namespace prefix `#`, `Collection(…)` or case.
    private static func key(_ name: String) -> String {
        DocSet.normalizedTypeName(name).lowercased()
    }
}
