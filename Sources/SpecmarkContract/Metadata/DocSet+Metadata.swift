import SpecmarkMarkdown
public import SpecmarkMetadata

extension DocSet {
    /// Makes `metadata` the arbiter of the doc set's types: from now on, conformance (lint's body rules, replay)
    /// checks JSON against the metadata's properties, property types, open types and enum members, with the
    /// docs' rows where they document the same property. A resource table that contradicts the metadata is then
    /// the metadata rules' finding on the resource page, not a finding on every example that agrees with the
    /// service.
    ///
    /// A docs property typed as a type derived from the metadata's declared type keeps the docs' type (a page may
    /// document the derived type its examples use); properties only the docs have stay (the metadata rules
    /// report them on their rows, once).
    public mutating func apply(_ metadata: MetadataCatalog) {
        self.metadata = metadata
        guard !metadata.isEmpty else { return }
        // The tables are built again, from the metadata, when a rule first asks (`metadataTable(of:)`).
        propertyTables = PropertyTableCache(resourceIndex)
        // Enum values are checked against the metadata's members; the docs' rows keep their ranges.
        for entry in metadata.entries {
            for enumeration in entry.metadata.enums {
                let key = enumeration.shortName.lowercased()
                let documented = enumIndex[key]
                let members = enumeration.members.map { member in
                    documented?.members.first { $0.name == member.name }
                        ?? EnumDefinition.Member(
                            name: member.name, value: member.value, description: "",
                            range: documented?.range ?? Self.range(member.location))
                }
                enumIndex[key] = EnumDefinition(
                    name: documented?.name ?? enumeration.shortName, file: documented?.file ?? entry.metadata.file,
                    range: documented?.range ?? Self.range(enumeration.location), members: members)
            }
        }
    }

    /// The metadata's view of an indexed resource's type, with the docs' rows where they document the same
    /// property; nil when no metadata applies to the resource's page or the metadata lacks the type.
    func metadataTable(of resource: ResourceDefinition) -> PropertyTable? {
        guard let service = metadata(forFile: resource.file), let type = service.type(named: resource.name)
        else { return nil }
        let documented = PropertyTable(resource, docs: self)
        var properties: [PropertyDefinition] = []
        var seen: Set<String> = []
        for property in service.allProperties(of: type) {
            let declared = TypeReference(property.type, in: service)
            var definition =
                documented.property(named: property.name)
                ?? PropertyDefinition(
                    name: property.name, type: declared, description: "", range: resource.annotation.range,
                    isNullable: property.isNullable, isReadOnly: false, isNavigation: property.isNavigation,
                    file: "")
            if declared.primitive == .untyped
                || !Self.isDerived(definition.type, from: property.type, in: service, owner: resource)
            {
                definition.type = declared
            }
            properties.append(definition)
            seen.insert(property.name)
        }
        for property in documented.properties where !seen.contains(property.name) { properties.append(property) }
        let isOpen = service.inheritanceChain(of: type).contains { $0.isOpen } || documented.isOpen
        return PropertyTable(properties: properties, isOpen: isOpen, describing: resource)
    }

    /// The metadata that applies to a page of the doc set (by its API version), if any.
    public func metadata(forFile file: String) -> ServiceMetadata? {
        guard !metadata.isEmpty else { return nil }
        let version = pageIndex[file].flatMap { pages[$0].apiVersion }
        return metadata.metadata(forVersion: version)
    }

    /// A docs type that names a structured type derived from (or equal to) the metadata's declared type.
    static func isDerived(
        _ documented: TypeReference, from declared: MetadataTypeName, in service: ServiceMetadata,
        owner: ResourceDefinition
    ) -> Bool {
        guard let name = documented.typeName, !declared.isPrimitive, documented.isCollection == declared.isCollection
        else { return false }
        return service.qualifiedTypeName(name, near: owner.name).map { service.isType($0, derivedFrom: declared.name) }
            ?? false
    }

    static func range(_ location: MetadataLocation) -> SourceRange {
        SourceRange(location.line, location.column, location.line, location.column)
    }
}

extension ServiceMetadata {
    /// The qualified name of the structured or enum type a docs page names (`identitySet`,
    /// `microsoft.graph.identitySet`, `graph.identitySet`): as written, in the namespace of the type that uses
    /// it, or in any schema.
    public func qualifiedTypeName(_ name: String, near owner: String) -> String? {
        if declaresType(named: name) { return qualified(name).name }
        // No `.` byte means no `.` Character; a `.` byte is looked at as Characters.
        if !name.utf8.contains(UInt8(ascii: ".")) || !name.contains(".") {
            let namespace = MetadataTypeName(name: owner).namespace
            for candidate in [namespace] + schemas.map(\.namespace) {
                let full = "\(candidate).\(name)"
                if declaresType(named: full) { return full }
            }
        }
        return nil
    }
}
