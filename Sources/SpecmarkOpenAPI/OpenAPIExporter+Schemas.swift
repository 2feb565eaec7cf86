import OpenAPIKit
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

extension OpenAPIExporter {
    /// One component schema per type: with metadata, every entity and complex type and enum it declares (the
    /// docs' rows give descriptions, read-only and the source); then every resource and enum only the docs
    /// define. Keys are the qualified type names (`microsoft.graph.user`); docs-only enums keep their name.
    mutating func buildSchemas() {
        let resources = docs.resources.filter { isExported(file: $0.file) }
        let enums = docs.enumIndex.values.sorted { $0.name < $1.name }.filter { isExported(file: $0.file) }
        // Keys first, so that a property can refer to any type whatever the order.
        if let metadata {
            for type in metadata.types { schemaKeys[type.name.lowercased()] = type.name }
            for enumeration in metadata.enums {
                schemaKeys[enumeration.name.lowercased()] = enumeration.name
                schemaKeys[enumeration.shortName.lowercased()] =
                    schemaKeys[enumeration.shortName.lowercased()] ?? enumeration.name
            }
        }
        for resource in resources where schemaKeys[resource.name.lowercased()] == nil {
            schemaKeys[resource.name.lowercased()] = resource.name
        }
        for enumeration in enums where schemaKeys[enumeration.name.lowercased()] == nil {
            schemaKeys[enumeration.name.lowercased()] = enumeration.name
        }
        var done: Set<String> = []
        if let metadata {
            for type in metadata.types {
                add(type.name, schema(of: type, in: metadata))
                done.insert(type.name.lowercased())
            }
            for enumeration in metadata.enums {
                add(enumeration.name, schema(of: enumeration, in: metadata))
                done.insert(enumeration.name.lowercased())
                done.insert(enumeration.shortName.lowercased())
            }
        }
        for resource in resources where !done.contains(resource.name.lowercased()) {
            add(resource.name, schema(of: resource))
        }
        for enumeration in enums where !done.contains(enumeration.name.lowercased()) {
            add(enumeration.name, schema(of: enumeration))
        }
    }

    private mutating func add(_ name: String, _ schema: JSONSchema) {
        guard let key = OpenAPI.ComponentKey(rawValue: name), schemas[key] == nil else { return }
        schemas[key] = schema
    }

    // MARK: - From the docs

    /// A resource page's type: its own rows as properties, `allOf` its base type, open types open.
    private func schema(of resource: ResourceDefinition) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        let inherited = Set(
            docs.inheritanceChain(of: resource).dropFirst().flatMap { $0.properties + $0.relationships }.map(\.name))
        // A row the base type also has ("Inherited from entity") is the base type's, as in the metadata.
        for property in resource.properties + resource.relationships
        where properties[property.name] == nil && !inherited.contains(property.name) {
            properties[property.name] = schema(of: property, owner: resource)
        }
        // What the JSON representation shows but the tables leave out is declared too (see `shownProperties`).
        for property in resource.shownProperties
        where properties[property.name] == nil && !inherited.contains(property.name)
            && !Conformance.isAnnotationKey(property.name)
        {
            properties[property.name] = schema(of: property, owner: resource)
        }
        let isOpen = resource.isOpenType
        var traits = SchemaTraits(title: resource.shortName)
        traits.description = pageDescription(resource.file)
        traits.extensions["x-specmark-source"] = Self.source(resource.file, resource.annotation.range)
        if isOpen { traits.extensions["x-ms-open-type"] = AnyCodable(true) }
        if resource.isAbstract { traits.extensions["x-ms-abstract"] = AnyCodable(true) }
        let base = resource.baseType.flatMap { docs.resource(named: $0) }.flatMap { schemaKeys[$0.name.lowercased()] }
        return Self.composed(properties: properties, base: base, open: isOpen, traits: traits)
    }

    private func schema(of property: PropertyDefinition, owner: ResourceDefinition) -> JSONSchema {
        var traits = SchemaTraits()
        traits.readOnly = property.isReadOnly
        // OData's default: a property may be null unless its page says it may not (or it is the key); a collection
        // is empty instead.
        let lowered = property.description.lowercased()
        let notNullable =
            lowered.containsBytes("not nullable") || lowered.containsBytes("non-nullable")
            || lowered.containsBytes("not null") || lowered.containsBytes("cannot be null")
        traits.nullable =
            !property.type.isCollection && !notNullable && property.name != owner.keyProperty
            || owner.nullableProperties.contains(property.name)
        traits.description = Self.nonEmpty(property.description)
        traits.extensions["x-specmark-source"] = Self.source(
            property.file.isEmpty ? owner.file : property.file, property.range)
        if property.isNavigation { traits.extensions["x-ms-navigationProperty"] = AnyCodable(true) }
        return schema(for: property.type, owner: owner, traits: traits)
    }

    /// An enum table's members.
    private func schema(of enumeration: EnumDefinition) -> JSONSchema {
        var traits = SchemaTraits(title: enumeration.name)
        traits.extensions["x-specmark-source"] = Self.source(enumeration.file, enumeration.range)
        return .string(
            traits.core(.unspecified).with(allowedValues: enumeration.members.map { AnyCodable($0.name) }), .init())
    }

    /// The schema of a type as a table cell names it.
    func schema(for type: TypeReference, owner: ResourceDefinition?, traits: SchemaTraits) -> JSONSchema {
        if type.isCollection {
            var element = type
            element.isCollection = false
            var itemTraits = SchemaTraits()
            itemTraits.nullable = false
            return traits.array(of: schema(for: element, owner: owner, traits: itemTraits))
        }
        if let primitive = type.primitive { return traits.primitive(primitive) }
        if let resource = conformance.resolve(type, owner: owner), let key = schemaKeys[resource.name.lowercased()] {
            return traits.reference(key)
        }
        if let name = type.typeName {
            if let enumeration = docs.enumeration(named: name), let key = schemaKeys[enumeration.name.lowercased()] {
                return traits.reference(key)
            }
            if let key = schemaKeys[DocSet.normalizedTypeName(name).lowercased()] { return traits.reference(key) }
            if let metadata {
                let qualified = metadata.expandingAlias(name)
                if let key = schemaKeys[qualified.lowercased()] { return traits.reference(key) }
                if let definition = metadata.typeDefinition(named: qualified) {
                    return schema(forMetadata: MetadataTypeName(name: definition.underlyingType), traits: traits)
                }
            }
        }
        // A type no page and no metadata defines: any value, with the name as written.
        return traits.adding("x-specmark-type", AnyCodable(type.raw.trimmingSpaces())).any()
    }

    // MARK: - From the metadata

    /// A metadata type: its own structural and navigation properties, `allOf` its base type; the docs' rows
    /// describe them.
    private func schema(of type: StructuredType, in metadata: ServiceMetadata) -> JSONSchema {
        let documented = docs.resource(named: type.name)
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        func add(
            _ name: String, _ typeName: MetadataTypeName, nullable: Bool, navigation: Bool, location: MetadataLocation
        ) {
            let row = documented?.property(named: name)
            var traits = SchemaTraits()
            traits.nullable = nullable && !typeName.isCollection
            traits.readOnly = row?.isReadOnly ?? false
            traits.description = row.flatMap { Self.nonEmpty($0.description) }
            traits.extensions["x-specmark-source"] =
                row.map { Self.source($0.file.isEmpty ? documented?.file ?? "" : $0.file, $0.range) }
                ?? Self.source(metadata.file, Self.range(location))
            if navigation { traits.extensions["x-ms-navigationProperty"] = AnyCodable(true) }
            properties[name] = schema(forMetadata: typeName, traits: traits)
        }
        for property in type.properties {
            add(
                property.name, property.type, nullable: property.isNullable, navigation: false,
                location: property.location)
        }
        for property in type.navigationProperties {
            add(
                property.name, property.type, nullable: property.isNullable, navigation: true,
                location: property.location)
        }
        var traits = SchemaTraits(title: type.shortName)
        traits.description = documented.flatMap { pageDescription($0.file) }
        traits.extensions["x-specmark-source"] =
            documented.map { Self.source($0.file, $0.annotation.range) }
            ?? Self.source(metadata.file, Self.range(type.location))
        if type.isOpen { traits.extensions["x-ms-open-type"] = AnyCodable(true) }
        if type.isAbstract { traits.extensions["x-ms-abstract"] = AnyCodable(true) }
        let base = type.baseType.flatMap { schemaKeys[metadata.expandingAlias($0).lowercased()] }
        return Self.composed(properties: properties, base: base, open: type.isOpen, traits: traits)
    }

    /// A metadata enum: its members; a flags enum takes comma-separated combinations, so only its members are listed.
    private func schema(of enumeration: EnumType, in metadata: ServiceMetadata) -> JSONSchema {
        let documented = docs.enumeration(named: enumeration.shortName)
        var traits = SchemaTraits(title: enumeration.shortName)
        traits.extensions["x-specmark-source"] =
            documented.map { Self.source($0.file, $0.range) }
            ?? Self.source(metadata.file, Self.range(enumeration.location))
        let members = enumeration.members.map { AnyCodable($0.name) }
        if enumeration.isFlags {
            traits.extensions["x-ms-enum-flags"] = AnyCodable(["isFlags": true])
            traits.extensions["x-specmark-members"] = AnyCodable(members)
            return traits.primitive(.string)
        }
        return .string(traits.core(.unspecified).with(allowedValues: members), .init())
    }

    /// The schema of a metadata type reference (`Edm.String`, `graph.user`, `Collection(microsoft.graph.message)`).
    func schema(forMetadata type: MetadataTypeName, traits: SchemaTraits) -> JSONSchema {
        if type.isCollection { return traits.array(of: schema(forMetadata: type.element, traits: .plain)) }
        if type.isPrimitive {
            let primitive = TypeReference.parse(String(type.name.dropFirst(4))).primitive
            return primitive.map { traits.primitive($0) }
                ?? traits.adding("x-specmark-type", AnyCodable(type.name)).any()
        }
        let qualified = metadata?.expandingAlias(type.name) ?? type.name
        if let key = schemaKeys[qualified.lowercased()] { return traits.reference(key) }
        if let definition = metadata?.typeDefinition(named: qualified) {
            return schema(forMetadata: MetadataTypeName(name: definition.underlyingType), traits: traits)
        }
        return traits.adding("x-specmark-type", AnyCodable(type.name)).any()
    }

    // MARK: - Shared

    /// An object with `properties`, `allOf` the base type's schema when there is one.
    static func composed(
        properties: OrderedDictionary<String, JSONSchema>, base: String?, open: Bool, traits: SchemaTraits
    ) -> JSONSchema {
        guard let base else { return traits.object(properties, open: open) }
        let own = SchemaTraits().object(properties, open: open)
        return .all(of: [SchemaTraits().reference(base), own], core: traits.core())
    }

    /// The description of the type a resource page defines: the page's introduction.
    private func pageDescription(_ file: String) -> String? {
        guard let index = docs.pageIndex[file] else { return nil }
        return Self.description(of: docs.pages[index])
    }

    // MARK: - Protocol schemas

    static let errorSchemaKey = "ODataError"

    /// OData's JSON error body, which every documented error status carries.
    static var errorSchema: JSONSchema {
        let detail = SchemaTraits().object([
            "code": SchemaTraits(required: true).primitive(.string),
            "message": SchemaTraits(required: true).primitive(.string),
            "target": SchemaTraits().primitive(.string),
        ])
        let error = SchemaTraits(required: true).object(
            [
                "code": SchemaTraits(required: true).primitive(.string),
                "message": SchemaTraits(required: true).primitive(.string),
                "target": SchemaTraits().primitive(.string),
                "details": SchemaTraits().array(of: detail),
                "innerError": SchemaTraits().object([:], open: true),
            ], open: true)
        return SchemaTraits(title: "OData error", description: "The error body of the OData JSON format.").object([
            "error": error
        ])
    }

    /// The OData system query options, as component parameters an operation refers to when its page documents one.
    static let standardQueryOptions: [(name: String, key: String, parameter: OpenAPI.Parameter)] = [
        ("$select", "select", option("$select", .string, "OData `$select`: the properties to return, comma-separated")),
        ("$expand", "expand", option("$expand", .string, "OData `$expand`: the related entities to include")),
        ("$filter", "filter", option("$filter", .string, "OData `$filter`: an expression the items must satisfy")),
        ("$orderby", "orderby", option("$orderby", .string, "OData `$orderby`: the order of the items")),
        ("$search", "search", option("$search", .string, "OData `$search`: items matching a search expression")),
        ("$top", "top", option("$top", .int32, "OData `$top`: how many items to return")),
        ("$skip", "skip", option("$skip", .int32, "OData `$skip`: how many items to skip")),
        ("$count", "count", option("$count", .boolean, "OData `$count`: whether to include the item count")),
        ("$format", "format", option("$format", .string, "OData `$format`: the media type of the response")),
        ("$skipToken", "skipToken", option("$skipToken", .string, "The paging token of a next link")),
        ("$deltaToken", "deltaToken", option("$deltaToken", .string, "The state token of a delta link")),
    ]

    private static func option(
        _ name: String, _ type: TypeReference.Primitive, _ description: String
    )
        -> OpenAPI.Parameter
    {
        var traits = SchemaTraits()
        if type == .int32 {
            return OpenAPI.Parameter(
                name: name,
                context: .query(schema: .integer(traits.core(.int32), .init(minimum: (0, exclusive: false)))),
                description: description)
        }
        traits.required = false
        return OpenAPI.Parameter(name: name, context: .query(schema: traits.primitive(type)), description: description)
    }
}
