import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

extension DocSet {
    /// The metadata for a page and the metadata's type for one of the page's resources (exact name, or the one
    /// name that differs only in case), unless configuration leaves the type alone.
    func metadataType(
        of resource: ResourceDefinition, on page: PageContract, options: RuleOptions
    ) -> (service: ServiceMetadata, type: StructuredType)? {
        guard let service = metadata(forFile: page.file), !options.ignoresMetadataType(resource.name),
            let type = service.type(named: resource.name) ?? service.type(ignoringCase: resource.name)
        else { return nil }
        return (service, type)
    }
}

extension RuleOptions {
    /// Whether `metadata-ignore` (or ApiDoctor's `ignorableModels` and `dropElementsContaining`) names the type:
    /// its qualified or short name, or a qualified prefix of it (`microsoft.graph.workbookFunctions` covers
    /// `microsoft.graph.workbookFunctionsResult`).
    func ignoresMetadataType(_ name: String) -> Bool {
        guard !metadataIgnoredTypes.isEmpty else { return false }
        let lowered = name.lowercased()
        let short = MetadataTypeName(name: name).shortName.lowercased()
        return metadataIgnoredTypes.contains { ignored in
            let entry = ignored.lowercased()
            return entry == lowered || MetadataTypeName(name: entry).shortName == short
                || (entry.contains(".") && lowered.hasPrefix(entry))
        }
    }
}

extension Diagnostic.Note {
    /// A related location in the metadata: "declared in the metadata here".
    static func metadata(_ what: String, _ location: MetadataLocation, in service: ServiceMetadata) -> Diagnostic.Note {
        Diagnostic.Note(what, at: service.location(location))
    }
}

extension PageContract {
    /// The heading of the section a resource's table lives in (`Properties`, `Relationships`) after the resource's
    /// own position on the page, else before it; nil when the page has no such heading.
    func heading(named title: String, near range: SourceRange) -> Heading? {
        let matching = headings.filter { $0.text.trimmingSpaces().lowercased() == title.lowercased() }
        return matching.last { $0.range.start < range.start } ?? matching.first
    }
}

/// How docs types and metadata types compare.
enum MetadataTypeComparison {
    /// Whether a docs type (a table cell) and a metadata type name the same type: the same primitive (a type
    /// definition by its underlying type), the same enum, or a structured type equal to or derived from the
    /// declared one (a page may document the derived type its examples use). Unknown docs types and `Untyped`
    /// agree with anything.
    static func agrees(
        _ documented: TypeReference, _ declared: MetadataTypeName, in service: ServiceMetadata, owner: String
    ) -> Bool {
        if documented.isUnknown || documented.primitive == .untyped { return true }
        guard documented.isCollection == declared.isCollection else { return false }
        let expected = TypeReference(declared, in: service)
        if let primitive = expected.primitive {
            return documented.primitive == primitive || primitive == .untyped
        }
        guard let name = documented.typeName, let declaredName = expected.typeName else { return false }
        if service.enumType(named: declaredName) != nil {
            return MetadataTypeName(name: name).shortName.lowercased()
                == MetadataTypeName(name: declaredName).shortName.lowercased()
        }
        guard let qualified = service.qualifiedTypeName(name, near: owner) else {
            // A name the metadata does not know: the same short name still means the same type.
            return MetadataTypeName(name: name).shortName.lowercased()
                == MetadataTypeName(name: declaredName).shortName.lowercased()
        }
        return service.isType(qualified, derivedFrom: declaredName)
    }

    /// How a metadata type is written in a docs table cell: `Int32`, `String collection`, and a structured or enum
    /// type by its short name, linked to the page of `docs` that defines it (relative to `file`).
    static func cellText(
        _ type: MetadataTypeName, in service: ServiceMetadata, docs: DocSet, from file: String
    )
        -> String
    {
        var element = type.name
        if let definition = service.typeDefinition(named: element) { element = definition.underlyingType }
        var text: String
        if element.hasPrefix("Edm.") {
            text = String(element.dropFirst(4))
        } else {
            let short = MetadataTypeName(name: element).shortName
            // Only a page links: the metadata's own types (an enum no page documents) are named.
            let page =
                (service.enumType(named: element) != nil
                ? docs.enumIndex[short.lowercased()]?.file : docs.resource(named: element)?.file)
                .flatMap { docs.pageIndex[$0] == nil ? nil : $0 }
            text = page.map { "[\(short)](\(relativePath(to: $0, from: file)))" } ?? short
        }
        return type.isCollection ? "\(text) collection" : text
    }

    /// The link from one page of a doc set to another.
    static func relativePath(to target: String, from file: String) -> String {
        var from = file.split(separator: "/").dropLast().map(String.init)
        var to = target.split(separator: "/").map(String.init)
        while let first = from.first, to.count > 1, first == to[0] {
            from.removeFirst()
            to.removeFirst()
        }
        return (Array(repeating: "..", count: from.count) + to).joined(separator: "/")
    }

    /// How a metadata type reads in a message: `Int32`, `Collection(String)`, `microsoft.graph.widgetStatus`.
    static func text(_ type: MetadataTypeName, in service: ServiceMetadata) -> String {
        var element = type.name
        if let definition = service.typeDefinition(named: element) { element = definition.underlyingType }
        if element.hasPrefix("Edm.") { element = String(element.dropFirst(4)) }
        return type.isCollection ? "Collection(\(element))" : element
    }
}
