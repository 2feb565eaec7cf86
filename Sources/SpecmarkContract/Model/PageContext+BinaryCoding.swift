import SpecmarkMarkdown

/// The context cache's form of a page context: a binary writer and reader for each value it keeps.
extension PageContext {
    package func encode(into writer: inout BinaryWriter) {
        writer.string(page.file)
        writer.string(page.kind.rawValue)
        writer.bool(page.kindIsInferred)
        writer.optionalString(page.apiVersion)
        writer.string(page.title)
        writer.int(page.lineCount)
        writer.int(page.headings.count)
        for heading in page.headings {
            writer.range(heading.range)
            writer.int(heading.level)
            writer.string(heading.text)
        }
        writer.bool(page.method != nil)
        let permissions = page.method?.permissions.allNames ?? []
        writer.int(permissions.count)
        for name in permissions {
            writer.string(name.name)
            writer.range(name.range)
        }
        writer.int(page.resources.count)
        for resource in page.resources { writer.resource(resource) }
        writer.int(page.enums.count)
        for definition in page.enums { writer.enumeration(definition) }
        // A context keeps only annotated requests (`context`); any other has no name to compare.
        let annotated = page.requests.compactMap { request in request.annotation.map { (request, $0) } }
        writer.int(annotated.count)
        for (request, annotation) in annotated {
            writer.strings(request.names)
            writer.blockAnnotation(annotation)
            writer.string(request.origin.rawValue)
            writer.bool(request.hasUnreadableAnnotation)
            writer.range(request.range)
        }
        writer.int(page.exampleShapes.count)
        for shape in page.exampleShapes {
            writer.string(shape.type)
            writer.string(shape.property)
            writer.string(shape.kind.rawValue)
        }
        writer.strings(dependencies.definedTypes)
        writer.strings(dependencies.referencedTypes)
        writer.strings(dependencies.linkedFiles)
    }

    package init(from reader: inout BinaryReader) throws {
        let file = try reader.string()
        guard let kind = PageKind(rawValue: try reader.string()) else { throw BinaryFormatError() }
        let kindIsInferred = try reader.bool()
        let apiVersion = try reader.optionalString()
        let title = try reader.string()
        let lineCount = try reader.int()
        let headings = try (0..<reader.count()).map { _ in
            Heading(range: try reader.range(), level: try reader.int(), text: try reader.string())
        }
        let isMethod = try reader.bool()
        let permissionNames = try (0..<reader.count()).map { _ in
            PermissionName(name: try reader.string(), range: try reader.range())
        }
        let resources = try (0..<reader.count()).map { _ in try reader.resource() }
        let enums = try (0..<reader.count()).map { _ in try reader.enumeration() }
        let requests = try (0..<reader.count()).map { _ in
            let names = try reader.strings()
            let annotation = try reader.blockAnnotation()
            guard let origin = ExampleOrigin(rawValue: try reader.string()) else { throw BinaryFormatError() }
            return RequestExample(
                names: names, annotation: annotation, origin: origin, hasUnreadableAnnotation: try reader.bool(),
                range: try reader.range(), language: "",
                message: HTTPRequestMessage(
                    requestLine: nil, additionalRequestLines: [], headers: HTTPHeaders(), body: nil, issues: []),
                url: nil, json: nil, heading: "")
        }
        let shapes = try (0..<reader.count()).map { _ in
            let type = try reader.string()
            let property = try reader.string()
            guard let kind = ExampleShape.Kind(rawValue: try reader.string()) else { throw BinaryFormatError() }
            return ExampleShape(type: type, property: property, kind: kind)
        }
        let dependencies = PageDependencies(
            file: file, definedTypes: try reader.strings(), referencedTypes: try reader.strings(),
            linkedFiles: try reader.strings())
        var page = PageContract(
            file: file, kind: kind, kindIsInferred: kindIsInferred, apiVersion: apiVersion, title: title,
            frontMatter: nil, pageAnnotation: nil, headings: headings, tabMarkers: [], thematicBreaks: [], links: [],
            includes: [], method: isMethod ? MethodContract.context(permissions: permissionNames) : nil,
            resources: resources, enums: enums, requests: requests, responses: [],
            pairs: [], requestsAnsweredByIgnored: [], responsesAnsweringIgnored: [], suppressionDirectives: [],
            issues: [], lineCount: lineCount)
        page.exampleShapes = shapes
        self.init(page: page, dependencies: dependencies)
    }
}

extension BinaryWriter {
    mutating func range(_ range: SourceRange) {
        int(range.start.line)
        int(range.start.column)
        int(range.end.line)
        int(range.end.column)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func json(_ value: JSONValue) {
        range(value.range)
        switch value.kind {
        case .object(let members):
            int(0)
            int(members.count)
            for member in members {
                string(member.key)
                range(member.keyRange)
                json(member.value)
            }
        case .array(let elements):
            int(1)
            int(elements.count)
            for element in elements { json(element) }
        case .string(let text):
            int(2)
            string(text)
        case .number(let number):
            int(3)
            string(number.literal)
            bool(number.isInteger)
        case .bool(let flag):
            int(4)
            bool(flag)
        case .null:
            int(5)
        case .ellipsis:
            int(6)
        }
    }

    mutating func blockAnnotation(_ annotation: BlockAnnotation) {
        range(annotation.range)
        json(annotation.json)
        optionalString(annotation.blockTypeName)
        optionalString(annotation.blockType?.rawValue)
        strings(annotation.names)
        optionalString(annotation.odataType)
        for flag in [
            annotation.odataTypeIsCollection, annotation.truncated, annotation.isCollection, annotation.isEmpty,
            annotation.expectError, annotation.abstract, annotation.openType, annotation.isComposable,
            annotation.isMediaEntity, annotation.idempotent, annotation.opaqueURL,
        ] {
            bool(flag)
        }
        optionalString(annotation.collectionProperty)
        strings(annotation.optionalProperties)
        strings(annotation.nullableProperties)
        optionalString(annotation.keyProperty)
        optionalString(annotation.baseType)
        optionalString(annotation.target)
        strings(annotation.sampleKeys)
        strings(annotation.scopes)
        strings(annotation.apiVersions)
        strings(annotation.tags)
        bool(annotation.odataAnnotations != nil)
        if let odataAnnotations = annotation.odataAnnotations { json(odataAnnotations) }
        int(annotation.unknownKeys.count)
        for member in annotation.unknownKeys {
            string(member.key)
            range(member.keyRange)
            json(member.value)
        }
    }

    mutating func typeReference(_ type: TypeReference) {
        string(type.raw)
        optionalString(type.primitive?.rawValue)
        optionalString(type.typeName)
        bool(type.isCollection)
        optionalString(type.link)
    }

    mutating func property(_ property: PropertyDefinition) {
        string(property.name)
        typeReference(property.type)
        string(property.description)
        range(property.range)
        bool(property.isNullable)
        bool(property.isReadOnly)
        bool(property.isNavigation)
    }

    mutating func resource(_ resource: ResourceDefinition) {
        string(resource.name)
        string(resource.file)
        blockAnnotation(resource.annotation)
        optionalString(resource.keyProperty)
        optionalString(resource.baseType)
        bool(resource.isOpenType)
        bool(resource.isAbstract)
        strings(resource.optionalProperties)
        strings(resource.nullableProperties)
        int(resource.properties.count)
        for property in resource.properties { self.property(property) }
        int(resource.relationships.count)
        for property in resource.relationships { self.property(property) }
        bool(resource.inheritsFrom != nil)
        if let link = resource.inheritsFrom {
            string(link.destination)
            string(link.title)
            string(link.text)
            range(link.range)
            bool(link.isImage)
            optionalString(link.referenceLabel)
            bool(link.destinationRange != nil)
            if let destination = link.destinationRange { range(destination) }
        }
        bool(resource.baseTypeIsInferred)
        int(resource.shownProperties.count)
        for property in resource.shownProperties { self.property(property) }
    }

    mutating func enumeration(_ definition: EnumDefinition) {
        string(definition.name)
        string(definition.file)
        range(definition.range)
        int(definition.members.count)
        for member in definition.members {
            string(member.name)
            optionalString(member.value)
            string(member.description)
            range(member.range)
        }
        int(definition.memberColumn)
        int(definition.valueColumn ?? -1)
    }
}

extension BinaryReader {
    mutating func range() throws -> SourceRange {
        SourceRange(try int(), try int(), try int(), try int())
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws -> [String] {
        try (0..<count()).map { _ in try string() }
    }

    mutating func json(depth: Int = 0) throws -> JSONValue {
        // The parser caps nesting well below this; deeper bytes are damage, not a page.
        guard depth < 10_000 else { throw BinaryFormatError() }
        let range = try self.range()
        switch try int() {
        case 0:
            let members = try (0..<count()).map { _ in
                JSONMember(key: try string(), keyRange: try self.range(), value: try json(depth: depth + 1))
            }
            return JSONValue(.object(members), range: range)
        case 1:
            return JSONValue(.array(try (0..<count()).map { _ in try json(depth: depth + 1) }), range: range)
        case 2: return JSONValue(.string(try string()), range: range)
        case 3: return JSONValue(.number(JSONNumber(literal: try string(), isInteger: try bool())), range: range)
        case 4: return JSONValue(.bool(try bool()), range: range)
        case 5: return JSONValue(.null, range: range)
        case 6: return JSONValue(.ellipsis, range: range)
        default: throw BinaryFormatError()
        }
    }

    mutating func blockAnnotation() throws -> BlockAnnotation {
        let range = try self.range()
        let json = try self.json()
        let blockTypeName = try optionalString()
        let blockType = try optionalString().map { name in
            guard let type = BlockType(rawValue: name) else { throw BinaryFormatError() }
            return type
        }
        let names = try strings()
        let odataType = try optionalString()
        let flags = try (0..<11).map { _ in try bool() }
        let collectionProperty = try optionalString()
        let optionalProperties = try strings()
        let nullableProperties = try strings()
        let keyProperty = try optionalString()
        let baseType = try optionalString()
        let target = try optionalString()
        let sampleKeys = try strings()
        let scopes = try strings()
        let apiVersions = try strings()
        let tags = try strings()
        let odataAnnotations = try bool() ? try self.json() : nil
        let unknownKeys = try (0..<count()).map { _ in
            JSONMember(key: try string(), keyRange: try self.range(), value: try self.json())
        }
        return BlockAnnotation(
            range: range, json: json, blockTypeName: blockTypeName, blockType: blockType, names: names,
            odataType: odataType, odataTypeIsCollection: flags[0], truncated: flags[1], isCollection: flags[2],
            collectionProperty: collectionProperty, isEmpty: flags[3], expectError: flags[4],
            optionalProperties: optionalProperties, nullableProperties: nullableProperties, keyProperty: keyProperty,
            baseType: baseType, abstract: flags[5], openType: flags[6], isComposable: flags[7],
            isMediaEntity: flags[8], idempotent: flags[9], opaqueURL: flags[10], target: target,
            sampleKeys: sampleKeys, scopes: scopes, apiVersions: apiVersions, tags: tags,
            odataAnnotations: odataAnnotations, unknownKeys: unknownKeys)
    }

    mutating func typeReference() throws -> TypeReference {
        let raw = try string()
        let primitive = try optionalString().map { name in
            guard let primitive = TypeReference.Primitive(rawValue: name) else { throw BinaryFormatError() }
            return primitive
        }
        return TypeReference(
            raw: raw, primitive: primitive, typeName: try optionalString(), isCollection: try bool(),
            link: try optionalString())
    }

    /// A property of a resource defined in `file` (every row of a page's table is the page's).
    mutating func property(in file: String) throws -> PropertyDefinition {
        PropertyDefinition(
            name: try string(), type: try typeReference(), description: try string(), range: try range(),
            isNullable: try bool(), isReadOnly: try bool(), isNavigation: try bool(), file: file)
    }

    mutating func resource() throws -> ResourceDefinition {
        let name = try string()
        let file = try string()
        let annotation = try blockAnnotation()
        let keyProperty = try optionalString()
        let baseType = try optionalString()
        let isOpenType = try bool()
        let isAbstract = try bool()
        let optionalProperties = try strings()
        let nullableProperties = try strings()
        let properties = try (0..<count()).map { _ in try property(in: file) }
        let relationships = try (0..<count()).map { _ in try property(in: file) }
        let inheritsFrom: Link? =
            try bool()
            ? Link(
                destination: try string(), title: try string(), text: try string(), range: try range(),
                isImage: try bool(), referenceLabel: try optionalString(),
                destinationRange: try bool() ? try range() : nil)
            : nil
        var resource = ResourceDefinition(
            name: name, file: file, annotation: annotation, keyProperty: keyProperty, baseType: baseType,
            isOpenType: isOpenType, isAbstract: isAbstract, optionalProperties: optionalProperties,
            nullableProperties: nullableProperties, properties: properties, relationships: relationships,
            jsonExample: nil, inheritsFrom: inheritsFrom, baseTypeIsInferred: try bool())
        resource.shownProperties = try (0..<count()).map { _ in try property(in: file) }
        return resource
    }

    mutating func enumeration() throws -> EnumDefinition {
        var definition = EnumDefinition(
            name: try string(), file: try string(), range: try range(),
            members: try (0..<count()).map { _ in
                EnumDefinition.Member(
                    name: try string(), value: try optionalString(), description: try string(), range: try range())
            })
        definition.memberColumn = try int()
        let value = try int()
        definition.valueColumn = value < 0 ? nil : value
        return definition
    }
}
