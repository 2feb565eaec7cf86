import SpecmarkMarkdown

/// What one page contributes to the checks of other pages, so a run that checks a few pages can take the rest
/// from the context cache instead of parsing them again.
///
/// Other pages' checks read a page only through the doc set's indexes and three doc-set rules: its resources and
/// enums (type lookups, merges, base-type cycles), its headings (link anchors), its request example names
/// (duplicate names) and its permission names (misspellings). `context` keeps exactly that; `dependencies` keeps
/// what `DependentPages` needs to decide whether a changed page reaches this one. A context page is never checked
/// itself: its findings come from a full parse.
public struct PageContext: Hashable, Sendable {
    /// The page reduced to what other pages' checks read.
    public var page: PageContract
    public var dependencies: PageDependencies

    public init(_ page: PageContract) {
        self.page = page.context
        dependencies = PageDependencies(page)
    }

    init(page: PageContract, dependencies: PageDependencies) {
        self.page = page
        self.dependencies = dependencies
    }
}

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

extension PageContract {
    /// The page reduced to what other pages' checks read (see `PageContext`): everything else is empty.
    public var context: PageContract {
        return PageContract(
            file: file, kind: kind, kindIsInferred: kindIsInferred, apiVersion: apiVersion, title: title,
            frontMatter: nil, pageAnnotation: nil,
            headings: headings.map { Heading(range: $0.range, level: $0.level, text: $0.text) }, tabMarkers: [],
            thematicBreaks: [], links: [], includes: [],
            method: method.map { MethodContract.context(permissions: $0.permissions.allNames) },
            resources: resources.map { resource in
                var resource = resource
                resource.jsonExample = nil
                return resource
            },
            enums: enums,
            requests: requests.compactMap { request in
                guard let annotation = request.annotation else { return nil }
                return RequestExample(
                    names: request.names, annotation: annotation, origin: request.origin,
                    hasUnreadableAnnotation: request.hasUnreadableAnnotation, range: request.range, language: "",
                    message: HTTPRequestMessage(
                        requestLine: nil, additionalRequestLines: [], headers: HTTPHeaders(), body: nil, issues: []),
                    url: nil, json: nil, heading: "")
            },
            responses: [], pairs: [], requestsAnsweredByIgnored: [], responsesAnsweringIgnored: [],
            suppressionDirectives: [], issues: [], lineCount: lineCount)
    }
}

extension MethodContract {
    /// A method reduced to its permission names, in one table row (all `PermissionNameUnknownRule` reads).
    static func context(permissions names: [PermissionName]) -> MethodContract {
        let nowhere = SourceRange(0, 0, 0, 0)
        let row = PermissionRow(
            label: "", labelRange: nowhere, kind: nil, labelIsExact: false, permissions: names,
            notSupportedSpelling: nil, valueRange: nil, range: nowhere, cellCountDelta: 0)
        return MethodContract(
            httpRequestRange: nil, declaredPaths: [],
            permissions: PermissionSet(
                sectionRange: nil,
                tables: names.isEmpty ? [] : [PermissionTable(range: nowhere, heading: "", columnCount: 0, rows: [row])]
            ),
            parameterTables: [], response: nil)
    }
}

// MARK: - Binary coding

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
        let dependencies = PageDependencies(
            file: file, definedTypes: try reader.strings(), referencedTypes: try reader.strings(),
            linkedFiles: try reader.strings())
        let page = PageContract(
            file: file, kind: kind, kindIsInferred: kindIsInferred, apiVersion: apiVersion, title: title,
            frontMatter: nil, pageAnnotation: nil, headings: headings, tabMarkers: [], thematicBreaks: [], links: [],
            includes: [], method: isMethod ? MethodContract.context(permissions: permissionNames) : nil,
            resources: resources, enums: enums, requests: requests, responses: [],
            pairs: [], requestsAnsweredByIgnored: [], responsesAnsweringIgnored: [], suppressionDirectives: [],
            issues: [], lineCount: lineCount)
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

    mutating func property() throws -> PropertyDefinition {
        PropertyDefinition(
            name: try string(), type: try typeReference(), description: try string(), range: try range(),
            isNullable: try bool(), isReadOnly: try bool(), isNavigation: try bool())
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
        let properties = try (0..<count()).map { _ in try property() }
        let relationships = try (0..<count()).map { _ in try property() }
        let inheritsFrom: Link? =
            try bool()
            ? Link(
                destination: try string(), title: try string(), text: try string(), range: try range(),
                isImage: try bool(), referenceLabel: try optionalString(),
                destinationRange: try bool() ? try range() : nil)
            : nil
        return ResourceDefinition(
            name: name, file: file, annotation: annotation, keyProperty: keyProperty, baseType: baseType,
            isOpenType: isOpenType, isAbstract: isAbstract, optionalProperties: optionalProperties,
            nullableProperties: nullableProperties, properties: properties, relationships: relationships,
            jsonExample: nil, inheritsFrom: inheritsFrom, baseTypeIsInferred: try bool())
    }

    mutating func enumeration() throws -> EnumDefinition {
        EnumDefinition(
            name: try string(), file: try string(), range: try range(),
            members: try (0..<count()).map { _ in
                EnumDefinition.Member(
                    name: try string(), value: try optionalString(), description: try string(), range: try range())
            })
    }
}
