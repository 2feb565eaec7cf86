import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a CSDL 4.0 XML document (`$metadata`) into a `ServiceMetadata`, through Foundation's `XMLParser`.
///
/// Elements the model does not use are skipped; malformed XML is a `MetadataError` at the parser's line and
/// column, and a document that is well-formed but not CSDL (no `Schema`) is one too.
public enum CSDLReader {
    /// Reads the file at `path`.
    public static func read(contentsOf path: String) throws(MetadataError) -> ServiceMetadata {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason =
                !exists ? "no such file" : isDirectory.boolValue ? "is a folder, not a CSDL file" : "unreadable"
            throw MetadataError(file: path, location: nil, reason: reason)
        }
        return try read(data, file: path)
    }

    /// Reads CSDL from bytes; `file` names it in the model and in errors.
    public static func read(_ data: Data, file: String) throws(MetadataError) -> ServiceMetadata {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let builder = Builder(file: file, lines: LineStarts(data))
        parser.delegate = builder
        let parsed = parser.parse()
        if let error = builder.error { throw error }
        if !parsed {
            let location = MetadataLocation(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
            let detail = parser.parserError.map(xmlProblem) ?? "malformed XML"
            throw MetadataError(file: file, location: location, reason: "not well-formed XML: \(detail)")
        }
        guard builder.sawSchema else {
            throw MetadataError(
                file: file, location: MetadataLocation(line: 1, column: 1),
                reason: "no CSDL Schema element: not a $metadata document")
        }
        return builder.metadata()
    }
}

/// Where each line starts, so an element's column can be found from the line the parser reports.
private struct LineStarts {
    let starts: [Int]
    let bytes: [UInt8]

    init(_ data: Data) {
        bytes = [UInt8](data)
        var starts = [0]
        // Each newline found by `memchr`, which reads many bytes at a time: a loop over the 1.5 MB of Graph's
        // metadata cost seven instructions a byte.
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// The location of `<name` on `line`, or on one of the few lines before it (libxml2 reports the line where a
    /// start tag ends); column 1 when it cannot be found.
    func location(of name: String, reportedLine: Int) -> MetadataLocation {
        // The name's own bytes are the needle after `<`: a needle array made for each of the 18,000 elements of
        // Graph's metadata cost more than the search.
        var name = name
        return name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { bytes in
                var line = min(max(reportedLine, 1), starts.count)
                let lowest = max(1, line - 8)
                while line >= lowest {
                    let start = starts[line - 1]
                    let end = line < starts.count ? starts[line] : bytes.count
                    if let column = Self.find(name, in: bytes, from: start, to: end) {
                        return MetadataLocation(line: line, column: column - start + 1)
                    }
                    line -= 1
                }
                return MetadataLocation(line: max(reportedLine, 1), column: 1)
            }
        }
    }

    /// The offset of `<` followed by `name` and no further name byte, in `bytes[start..<end]`.
    private static func find(
        _ name: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int? {
        let length = name.count + 1
        guard end - start >= length else { return nil }
        var index = start
        while index + length <= end {
            if bytes[index] == UInt8(ascii: "<") {
                var matched = true
                for offset in 0..<name.count where bytes[index + 1 + offset] != name[offset] {
                    matched = false
                    break
                }
                // `<Property` must not match `<PropertyRef`.
                if matched {
                    let after = index + length
                    if after >= end || !Self.isNameByte(bytes[after]) { return index }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

/// The XMLParser delegate: collects elements as they open, with aliases expanded once all schemas are known.
private final class Builder: NSObject, XMLParserDelegate {
    let file: String
    let lines: LineStarts
    var error: MetadataError?
    var sawSchema = false
    var version: String?

    private var schemas: [ServiceMetadata.Schema] = []
    private var types: [StructuredType] = []
    private var enums: [EnumType] = []
    private var typeDefinitions: [TypeDefinition] = []
    private var operations: [Operation] = []
    private var container: EntityContainer?
    private var annotations: [String: TargetAnnotations] = [:]

    /// The open elements, innermost last.
    private var stack: [String] = []
    private var namespace = ""
    private var currentType: StructuredType?
    private var currentEnum: EnumType?
    private var currentOperation: Operation?
    private var currentSource: EntityContainer.Source?
    /// Whether each of the above (and the container) is set: `currentType != nil` copied the whole value being
    /// read, for every element the switch tested it on.
    private var hasType = false
    private var hasEnum = false
    private var hasOperation = false
    private var hasSource = false
    private var hasContainer = false
    /// The target the annotations being read apply to (an `Annotations` element's, or the enclosing element's).
    private var annotationTargets: [String?] = []
    private var currentTerm: String?

    init(file: String, lines: LineStarts) {
        self.file = file
        self.lines = lines
    }

    private func location(_ element: String, _ parser: XMLParser) -> MetadataLocation {
        lines.location(of: element, reportedLine: parser.lineNumber)
    }

    private func fail(_ reason: String, _ element: String, _ parser: XMLParser) {
        guard error == nil else { return }
        error = MetadataError(file: file, location: location(element, parser), reason: reason)
        parser.abortParsing()
    }

    /// A required attribute, or a recorded error.
    private func required(
        _ name: String, _ attributes: [String: String], _ element: String, _ parser: XMLParser
    )
        -> String?
    {
        if let value = attributes[name], !value.isEmpty { return value }
        fail("\(element) has no \(name) attribute", element, parser)
        return nil
    }

    private func typeName(_ text: String) -> MetadataTypeName {
        // Most types are no collection: without `Collection(` bytes at the start there is no such Characters
        // prefix either.
        if text.utf8.first != UInt8(ascii: "C") || !text.utf8.starts(with: Self.collectionPrefix) {
            return MetadataTypeName(name: text)
        }
        var name = Substring(text)
        var isCollection = false
        if name.hasPrefix("Collection("), name.hasSuffix(")") {
            isCollection = true
            name = name.dropFirst("Collection(".count).dropLast()
        }
        return MetadataTypeName(name: String(name), isCollection: isCollection)
    }

    private func isTrue(_ value: String?) -> Bool { value?.lowercased() == "true" }

    private static let collectionPrefix = Array("Collection(".utf8)

    // MARK: - XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let element = xmlLocalName(elementName)
        defer { stack.append(element) }
        let parent = stack.last
        switch element {
        case "Edmx":
            version = attributes["Version"]
        case "Schema":
            guard let name = required("Namespace", attributes, elementName, parser) else { return }
            sawSchema = true
            namespace = name
            schemas.append(.init(namespace: name, alias: attributes["Alias"], location: location(elementName, parser)))
        case "EntityType", "ComplexType":
            guard let name = required("Name", attributes, element, parser) else { return }
            currentType = StructuredType(
                kind: element == "EntityType" ? .entity : .complex, name: "\(namespace).\(name)", namespace: namespace,
                baseType: attributes["BaseType"], isAbstract: isTrue(attributes["Abstract"]),
                isOpen: isTrue(attributes["OpenType"]), hasStream: isTrue(attributes["HasStream"]),
                location: location(element, parser))
            hasType = true
            annotationTargets.append(currentType?.name)
        case "PropertyRef" where stack.contains("Key"):
            if let name = attributes["Name"] { currentType?.key.append(name) }
        case "Property" where hasType:
            guard let name = required("Name", attributes, element, parser),
                let type = required("Type", attributes, element, parser)
            else { return }
            currentType?.properties.append(
                StructuralProperty(
                    name: name, type: typeName(type), isNullable: attributes["Nullable"]?.lowercased() != "false",
                    location: location(element, parser)))
            annotationTargets.append((currentType?.name).map { "\($0)/\(name)" })
        case "NavigationProperty" where hasType:
            guard let name = required("Name", attributes, element, parser),
                let type = required("Type", attributes, element, parser)
            else { return }
            currentType?.navigationProperties.append(
                NavigationProperty(
                    name: name, type: typeName(type), isNullable: attributes["Nullable"]?.lowercased() != "false",
                    containsTarget: isTrue(attributes["ContainsTarget"]), partner: attributes["Partner"],
                    location: location(element, parser)))
            annotationTargets.append((currentType?.name).map { "\($0)/\(name)" })
        case "EnumType":
            guard let name = required("Name", attributes, element, parser) else { return }
            currentEnum = EnumType(
                name: "\(namespace).\(name)", namespace: namespace, isFlags: isTrue(attributes["IsFlags"]),
                underlyingType: attributes["UnderlyingType"], location: location(element, parser))
            hasEnum = true
            annotationTargets.append(currentEnum?.name)
        case "Member" where hasEnum:
            guard let name = required("Name", attributes, element, parser) else { return }
            currentEnum?.members.append(
                .init(name: name, value: attributes["Value"], location: location(element, parser)))
            annotationTargets.append(nil)
        case "TypeDefinition":
            guard let name = required("Name", attributes, element, parser),
                let underlying = required("UnderlyingType", attributes, element, parser)
            else { return }
            typeDefinitions.append(
                TypeDefinition(
                    name: "\(namespace).\(name)", underlyingType: underlying, location: location(element, parser)))
        case "Action", "Function":
            guard let name = required("Name", attributes, element, parser) else { return }
            currentOperation = Operation(
                kind: element == "Action" ? .action : .function, name: "\(namespace).\(name)", namespace: namespace,
                isBound: isTrue(attributes["IsBound"]), isComposable: isTrue(attributes["IsComposable"]),
                entitySetPath: attributes["EntitySetPath"], location: location(element, parser))
            hasOperation = true
            annotationTargets.append(nil)
        case "Parameter" where hasOperation:
            guard let name = required("Name", attributes, element, parser),
                let type = required("Type", attributes, element, parser)
            else { return }
            currentOperation?.parameters.append(
                .init(
                    name: name, type: typeName(type), isNullable: attributes["Nullable"]?.lowercased() != "false",
                    location: location(element, parser)))
            annotationTargets.append(nil)
        case "ReturnType" where hasOperation:
            if let type = attributes["Type"] { currentOperation?.returnType = typeName(type) }
        case "EntityContainer":
            guard let name = required("Name", attributes, element, parser) else { return }
            container = EntityContainer(name: "\(namespace).\(name)", location: location(element, parser))
            hasContainer = true
            annotationTargets.append(nil)
        case "EntitySet", "Singleton":
            guard hasContainer, let name = required("Name", attributes, element, parser),
                let type = required(element == "EntitySet" ? "EntityType" : "Type", attributes, element, parser)
            else { return }
            currentSource = EntityContainer.Source(
                kind: element == "EntitySet" ? .entitySet : .singleton, name: name, type: type,
                location: location(element, parser))
            hasSource = true
            annotationTargets.append((container?.name).map { "\($0)/\(name)" })
        case "NavigationPropertyBinding" where hasSource:
            if let path = attributes["Path"], let target = attributes["Target"] {
                currentSource?.bindings.append(.init(path: path, target: target))
            }
        case "ActionImport", "FunctionImport":
            guard hasContainer, let name = required("Name", attributes, element, parser),
                let operation = required(element == "ActionImport" ? "Action" : "Function", attributes, element, parser)
            else { return }
            container?.operationImports.append(
                .init(
                    kind: element == "ActionImport" ? .action : .function, name: name, operation: operation,
                    entitySet: attributes["EntitySet"], location: location(element, parser)))
        case "Annotations":
            annotationTargets.append(attributes["Target"])
        case "Annotation":
            currentTerm = attributes["Term"]
            guard let term = currentTerm, let target = annotationTargets.last ?? nil else { return }
            switch term {
            case "Org.OData.Core.V1.Description":
                if let text = attributes["String"] { annotations[target, default: .init()].description = text }
            case "Org.OData.Core.V1.LongDescription":
                if let text = attributes["String"] { annotations[target, default: .init()].longDescription = text }
            case "Org.OData.Core.V1.Computed":
                annotations[target, default: .init()].isComputed = attributes["Bool"].map { $0 == "true" } ?? true
            default: break
            }
        case "PropertyValue" where parent == "Record":
            guard let term = currentTerm, let target = annotationTargets.last ?? nil,
                attributes["Bool"]?.lowercased() == "false"
            else { return }
            switch (term, attributes["Property"]) {
            case ("Org.OData.Capabilities.V1.InsertRestrictions", "Insertable"):
                annotations[target, default: .init()].isInsertable = false
            case ("Org.OData.Capabilities.V1.UpdateRestrictions", "Updatable"):
                annotations[target, default: .init()].isUpdatable = false
            case ("Org.OData.Capabilities.V1.DeleteRestrictions", "Deletable"):
                annotations[target, default: .init()].isDeletable = false
            default: break
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let element = stack.popLast() ?? elementName
        switch element {
        case "EntityType", "ComplexType":
            if let type = currentType { types.append(type) }
            currentType = nil
            hasType = false
            annotationTargets.removeLast()
        case "Property", "NavigationProperty":
            if hasType { annotationTargets.removeLast() }
        case "EnumType":
            if let type = currentEnum { enums.append(type) }
            currentEnum = nil
            hasEnum = false
            annotationTargets.removeLast()
        case "Member":
            if hasEnum { annotationTargets.removeLast() }
        case "Action", "Function":
            if let operation = currentOperation { operations.append(operation) }
            currentOperation = nil
            hasOperation = false
            annotationTargets.removeLast()
        case "Parameter":
            if hasOperation { annotationTargets.removeLast() }
        case "EntitySet", "Singleton":
            if let source = currentSource {
                if source.kind == .entitySet {
                    container?.entitySets.append(source)
                } else {
                    container?.singletons.append(source)
                }
                annotationTargets.removeLast()
            }
            currentSource = nil
            hasSource = false
        case "EntityContainer":
            annotationTargets.removeLast()
        case "Annotations":
            annotationTargets.removeLast()
        case "Annotation":
            currentTerm = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard error == nil else { return }
        let detail = xmlProblem(parseError)
        error = MetadataError(
            file: file,
            location: MetadataLocation(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
            reason: "not well-formed XML: \(detail)")
    }

    /// The model, with every alias in type names, base types, targets and annotation targets expanded.
    func metadata() -> ServiceMetadata {
        let aliases = SchemaAliases(schemas)
        func expand(_ name: String) -> String { aliases.expanding(name) }
        func expand(_ type: MetadataTypeName) -> MetadataTypeName {
            MetadataTypeName(name: expand(type.name), isCollection: type.isCollection)
        }
        for index in types.indices {
            types[index].baseType = types[index].baseType.map(expand)
            for property in types[index].properties.indices {
                types[index].properties[property].type = expand(types[index].properties[property].type)
            }
            for property in types[index].navigationProperties.indices {
                types[index].navigationProperties[property].type = expand(
                    types[index].navigationProperties[property].type)
            }
        }
        for index in operations.indices {
            operations[index].returnType = operations[index].returnType.map(expand)
            for parameter in operations[index].parameters.indices {
                operations[index].parameters[parameter].type = expand(operations[index].parameters[parameter].type)
            }
        }
        if var container {
            for index in container.entitySets.indices {
                container.entitySets[index].type = expand(container.entitySets[index].type)
            }
            for index in container.singletons.indices {
                container.singletons[index].type = expand(container.singletons[index].type)
            }
            for index in container.operationImports.indices {
                container.operationImports[index].operation = expand(container.operationImports[index].operation)
            }
            self.container = container
        }
        var expandedAnnotations: [String: TargetAnnotations] = [:]
        for (target, value) in annotations { expandedAnnotations[expand(target)] = value }
        return ServiceMetadata(
            file: file, version: version, schemas: schemas, types: types, enums: enums,
            typeDefinitions: typeDefinitions, operations: operations, container: container,
            annotations: expandedAnnotations)
    }
}

/// What an XMLParser error means, in words (its localized description is only a domain and a code on Linux).
///
/// swift-corelibs-foundation passes libxml2's own error numbers through; Apple's XMLParser has its own enum.
private func xmlProblem(_ error: any Error) -> String {
    let code = (error as NSError).code
    #if canImport(FoundationXML)
        let problems: [Int: String] = [
            3: "the document does not start with an element", 4: "the document is empty",
            5: "the document ends before its elements are closed, or has content after its root element",
            9: "an invalid character",
            23: "an entity reference without its ';'", 26: "an entity that is not declared",
            38: "'<' inside an attribute value", 39: "an attribute value is not quoted",
            40: "an attribute value is not closed", 41: "an attribute without a value",
            42: "an attribute appears twice on one element", 45: "a comment is not closed",
            68: "a tag without a name", 73: "a tag is not closed with '>'",
            76: "an end tag does not match its start tag",
            77: "the document ends before its elements are closed", 201: "a namespace prefix that is not declared",
        ]
        return problems[code] ?? "XML error \(code)"
    #else
        switch XMLParser.ErrorCode(rawValue: code) {
        case .tagNameMismatchError?: return "an end tag does not match its start tag"
        case .prematureDocumentEndError?: return "the document ends before its elements are closed"
        case .emptyDocumentError?: return "the document is empty"
        case .documentStartError?: return "the document does not start with an element"
        case .extraContentError?: return "content after the root element"
        case .ltRequiredError?, .gtRequiredError?: return "a tag is not closed with '>'"
        case .attributeNotStartedError?, .attributeNotFinishedError?, .literalNotStartedError?,
            .literalNotFinishedError?:
            return "an attribute value is not quoted or not closed"
        case .attributeRedefinedError?: return "an attribute appears twice on one element"
        case .invalidCharacterError?: return "an invalid character"
        case .lessThanSymbolInAttributeError?: return "'<' inside an attribute value"
        case .undeclaredEntityError?: return "an entity that is not declared"
        case .commentNotFinishedError?: return "a comment is not closed"
        default: return "XML error \(code)"
        }
    #endif
}

/// The name after the last `:` of a prefixed name (`edmx:Edmx` → `Edmx`), found on bytes: splitting every
/// element's name made an array of pieces for each element (18,388 in Graph's v1.0 metadata).
func xmlLocalName(_ name: String) -> String {
    // Most names have no prefix: one pass over the contiguous bytes says so.
    var bytes = name
    guard bytes.withUTF8({ $0.contains(UInt8(ascii: ":")) }) else { return name }
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
    let after = name.utf8.index(after: colon)
    // A name ending in `:` takes the last piece that is not empty, as a split would.
    guard after == name.utf8.endIndex else { return String(name[after...]) }
    return name.split(separator: ":").last.map(String.init) ?? name
}
