import Foundation
import OpenAPIKit
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

extension OpenAPIExporter {
    /// The operation of a declared line: its page's title, introduction and link, its parameters, request body,
    /// responses and security.
    mutating func operation(for draft: Draft) -> OpenAPI.Operation {
        let page = docs.pages[draft.page]
        let resolution = metadata.map { $0.resolve(draft.declared.template.raw, aliases: metadataAliases) }
        var extensions: [String: AnyCodable] = ["x-specmark-source": Self.source(page.file, draft.declared.range)]
        let (security, permissions) = self.security(of: page)
        if !permissions.isEmpty { extensions["x-specmark-permissions"] = AnyCodable(permissions) }
        if security != nil { statistics.operationsWithSecurity += 1 }
        var responses = self.responses(for: draft, page: page, resolution: resolution)
        if responses.isEmpty {
            statistics.operationsWithoutResponses += 1
            responses[.default] = .b(
                OpenAPI.Response(
                    description: "The page states no response",
                    vendorExtensions: ["x-specmark-undocumented": AnyCodable(true)]))
        }
        let title = page.title.trimmingSpaces()
        return OpenAPI.Operation(
            tags: tag(for: page).map { [$0] },
            summary: title.isEmpty ? nil : title,
            description: Self.description(of: page),
            externalDocs: pageURL(page.file).map { OpenAPI.ExternalDocumentation(url: $0) },
            operationId: operationID(for: draft, page: page),
            parameters: parameters(for: draft, page: page),
            requestBody: requestBody(for: draft, page: page, resolution: resolution),
            responses: responses,
            security: security,
            vendorExtensions: extensions)
    }

    /// The metadata resolver's form of the configured path aliases.
    var metadataAliases: [(from: String, to: String)] {
        docs.configuration.pathAliases.map { (from: $0.alias, to: $0.replacement) }
    }

    /// `user-get` for the page `user-get.md`; `user-get-post` when the page declares several methods; `-2`, `-3`
    /// for a method's further paths, in declaration order; unique across the document.
    private mutating func operationID(for draft: Draft, page: PageContract) -> String {
        let name = page.file.lastPiece(separatedBy: UInt8(ascii: "/")).map(String.init) ?? page.file
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let methods = Set((page.method?.declaredPaths ?? []).map { $0.method.uppercased() })
        var base = methods.count > 1 ? "\(stem)-\(draft.method.rawValue.lowercased())" : stem
        base = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
        var candidate = base
        var ordinal = 2
        while operationIDs.contains(candidate) {
            candidate = "\(base)-\(ordinal)"
            ordinal += 1
        }
        operationIDs.insert(candidate)
        return candidate
    }

    /// The tag of the resource the page is about: its file name's first word (`user-list-messages.md`: `user`),
    /// spelt as the resource spells it when the doc set defines one by that name.
    private mutating func tag(for page: PageContract) -> String? {
        let name = page.file.lastPiece(separatedBy: UInt8(ascii: "/")).map(String.init) ?? page.file
        guard let word = name.split(separator: "-").first.map(String.init), !word.isEmpty else { return nil }
        let stem = word.hasSuffix(".md") ? String(word.dropLast(3)) : word
        let resource = docs.resource(shortName: stem)
        let tagName = resource?.shortName ?? stem
        if tags[tagName] == nil {
            tags[tagName] = OpenAPI.Tag(
                name: tagName,
                externalDocs: resource.flatMap { pageURL($0.file) }.map { OpenAPI.ExternalDocumentation(url: $0) })
        }
        return tagName
    }

    // MARK: - Parameters

    /// Path parameters from the template, typed and described by the page's path-parameter tables; query
    /// parameters from the declared query, the Query parameters tables and the OData options the page names;
    /// header parameters from the Request headers table (Authorization, Content-Type and Accept are OpenAPI's own).
    private mutating func parameters(for draft: Draft, page: PageContract) -> OpenAPI.Parameter.Array {
        var result: OpenAPI.Parameter.Array = []
        var seen: Set<String> = []
        let method = page.method
        let pathTables = method?.tables(.pathParameters) ?? []
        let values = placeholderValues(for: draft, page: page)
        for (position, placeholder) in draft.template.placeholders.enumerated() {
            let names =
                [placeholder.argument, placeholder.name].compactMap { $0 }
                + placeholder.written.split(separator: "|").map { String($0).trimmingSpaces() }
            let row = pathTables.lazy.compactMap { table in names.lazy.compactMap { table.parameter(named: $0) }.first }
                .first
            let traits = SchemaTraits(required: true)
            var extensions: [String: AnyCodable] = [:]
            if placeholder.written != placeholder.name {
                extensions["x-specmark-placeholder"] = AnyCodable(placeholder.written)
            }
            if let row { extensions["x-specmark-source"] = Self.source(page.file, row.range) }
            let typed = row?.type.map { self.schema(for: $0, owner: nil, traits: traits) } ?? traits.primitive(.string)
            seen.insert("path:\(placeholder.name.lowercased())")
            var examples: OpenAPI.Example.Map = [:]
            for (request, value) in values[position] {
                let key = Self.exampleKey(page.requests[request].name, ordinal: request, in: examples)
                examples[key] = .b(
                    OpenAPI.Example(
                        legacyValue: .b(AnyCodable(value)),
                        vendorExtensions: ["x-specmark-source": Self.source(page.file, page.requests[request].range)]))
            }
            let context: OpenAPI.Parameter.Context =
                examples.isEmpty
                ? .path(schema: typed)
                : .path(schemaOrContent: .a(.init(typed, style: .default(for: .path), examples: examples)))
            result.append(
                .b(
                    OpenAPI.Parameter(
                        name: placeholder.name, context: context,
                        description: row.flatMap { Self.nonEmpty($0.description) }, vendorExtensions: extensions)))
        }
        func addStandard(_ name: String) -> Bool {
            guard let option = Self.standardQueryOptions.first(where: { $0.name.lowercased() == name.lowercased() })
            else { return false }
            if seen.insert("query:\(option.name.lowercased())").inserted {
                usedStandardParameters.insert(option.key)
                result.append(.reference(.component(named: option.key)))
            }
            return true
        }
        for pair in draft.query {
            if addStandard(pair.name) { continue }
            guard seen.insert("query:\(pair.name.lowercased())").inserted else { continue }
            result.append(
                .b(
                    OpenAPI.Parameter(
                        name: pair.name,
                        context: .query(required: pair.value.contains("{"), schema: SchemaTraits().primitive(.string)),
                        vendorExtensions: [
                            "x-specmark-declared": AnyCodable(
                                pair.value.isEmpty ? pair.name : "\(pair.name)=\(pair.value)"),
                            "x-specmark-source": Self.source(page.file, draft.declared.range),
                        ])))
        }
        for table in method?.tables(.queryParameters) ?? [] {
            for row in table.parameters {
                let name = row.name.trimmingSpaces()
                guard !name.isEmpty, !addStandard(name), seen.insert("query:\(name.lowercased())").inserted else {
                    continue
                }
                result.append(
                    .b(
                        OpenAPI.Parameter(
                            name: name,
                            context: .query(
                                required: row.isRequired ?? false,
                                schema: row.type.map { schema(for: $0, owner: nil, traits: .plain) }
                                    ?? SchemaTraits().primitive(.string)),
                            description: Self.nonEmpty(row.description),
                            vendorExtensions: ["x-specmark-source": Self.source(page.file, row.range)])))
            }
        }
        for mention in method?.queryMentions ?? [] where mention.hasPrefix("$") { _ = addStandard(mention) }
        for table in method?.tables(.requestHeaders) ?? [] {
            for row in table.parameters {
                let name = row.name.trimmingSpaces()
                guard !name.isEmpty, !Self.openAPIOwnHeaders.contains(name.lowercased()),
                    name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                    seen.insert("header:\(name.lowercased())").inserted
                else { continue }
                result.append(
                    .b(
                        OpenAPI.Parameter(
                            name: name,
                            context: .header(
                                required: row.isRequired ?? false, schema: SchemaTraits().primitive(.string)),
                            description: Self.nonEmpty(row.description),
                            vendorExtensions: ["x-specmark-source": Self.source(page.file, row.range)])))
            }
        }
        return result
    }

    /// The values the page's examples give each placeholder of the operation's path, by position: each example
    /// whose path has the template's segment count, matched segment by segment (`{user-id}` in
    /// `/users/{user-id}` takes `48d31887-…` from `/users/48d31887-…`); a value that is itself a placeholder is
    /// not one.
    private func placeholderValues(for draft: Draft, page: PageContract) -> [[(request: Int, value: String)]] {
        var values = Array(repeating: [(request: Int, value: String)](), count: draft.template.placeholders.count)
        let templateSegments = draft.template.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for request in draft.requests {
            guard let path = page.requests[request].url?.template.path else { continue }
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard segments.count == templateSegments.count else { continue }
            var found: [String] = []
            for (template, segment) in zip(templateSegments, segments) {
                guard let captured = Self.capture(template: template, in: segment) else {
                    found = []
                    break
                }
                found += captured
            }
            guard found.count == values.count else { continue }
            for (position, value) in found.enumerated() {
                let decoded = value.removingPercentEncoding ?? value
                guard !decoded.isEmpty, !decoded.hasPrefix("{"), !decoded.hasPrefix("<"),
                    !values[position].contains(where: { $0.value == decoded })
                else { continue }
                values[position].append((request, decoded))
            }
        }
        return values
    }

    /// The text each `{name}` of a template segment stands for in `segment`, or nil when the literals differ.
    static func capture(template: Substring, in segment: Substring) -> [String]? {
        var captured: [String] = []
        var rest = segment[...]
        var pattern = template[...]
        while !pattern.isEmpty {
            if pattern.first == "{", let close = pattern.firstIndex(of: "}") {
                pattern = pattern[pattern.index(after: close)...]
                let literal = pattern.prefix { $0 != "{" }
                if literal.isEmpty {
                    captured.append(String(rest))
                    rest = rest[rest.endIndex...]
                } else {
                    guard let range = rest.range(of: literal, options: .caseInsensitive) else { return nil }
                    captured.append(String(rest[..<range.lowerBound]))
                    rest = rest[range.lowerBound...]
                }
                continue
            }
            let literal = pattern.prefix { $0 != "{" }
            guard rest.lowercased().hasPrefix(literal.lowercased()) else { return nil }
            rest = rest.dropFirst(literal.count)
            pattern = pattern.dropFirst(literal.count)
        }
        return rest.isEmpty ? captured : nil
    }

    /// Headers OpenAPI describes elsewhere (security, request body, responses): a parameter of that name is ignored.
    static let openAPIOwnHeaders: Set<String> = ["authorization", "content-type", "accept"]

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - Request bodies

    /// The body of a POST, PUT or PATCH: the metadata's type for what the path addresses (an action's parameters,
    /// a collection's element, the entity updated), else the Request body table's rows; with the examples that
    /// send one, by content type.
    private mutating func requestBody(
        for draft: Draft, page: PageContract, resolution: PathResolution?
    ) -> OpenAPI.Request? {
        let examples = draft.requests.filter {
            page.requests[$0].message.body.map { !$0.text.trimmingSpaces().isEmpty } ?? false
        }
        let schema = requestSchema(for: draft, page: page, resolution: resolution)
        guard [.post, .put, .patch].contains(draft.method) || !examples.isEmpty else { return nil }
        guard schema != nil || !examples.isEmpty else { return nil }
        var byType: OrderedDictionary<String, OpenAPI.Example.Map> = [:]
        for index in examples {
            let request = page.requests[index]
            let type = Self.mediaType(request.message.headers, json: request.json)
            let name = Self.exampleKey(request.name, ordinal: index, in: byType[type] ?? [:])
            byType[type, default: [:]][name] = .b(
                example(body: request.message.body, json: request.json, at: request.range, page: page))
            statistics.requestExamples += 1
        }
        if byType.isEmpty { byType["application/json"] = [:] }
        var content: OpenAPI.Content.Map = [:]
        for (type, examples) in byType {
            guard let contentType = OpenAPI.ContentType(rawValue: type) else { continue }
            let isJSON = Self.isJSON(type)
            content[contentType] = .b(
                OpenAPI.Content(
                    schema: isJSON ? schema.map { .b($0) } : nil, examples: examples.isEmpty ? nil : examples))
        }
        return OpenAPI.Request(content: content)
    }

    private mutating func requestSchema(
        for draft: Draft, page: PageContract, resolution: PathResolution?
    ) -> JSONSchema? {
        let rows = (page.method?.tables(.requestBody) ?? []).flatMap(\.parameters)
        if let metadata, let target = resolution?.target {
            switch (draft.method, target.kind) {
            case (.post, .action), (.post, .operationImport):
                guard let operation = target.operation else { break }
                var properties: OrderedDictionary<String, JSONSchema> = [:]
                for parameter in operation.parameters.dropFirst(operation.isBound ? 1 : 0) {
                    let row = rows.first { $0.name.equalsIgnoringCase(parameter.name) }
                    var traits = SchemaTraits(required: !parameter.isNullable, nullable: parameter.isNullable)
                    traits.description = row.flatMap { Self.nonEmpty($0.description) }
                    traits.extensions["x-specmark-source"] =
                        row.map { Self.source(page.file, $0.range) }
                        ?? Self.source(metadata.file, Self.range(parameter.location))
                    properties[parameter.name] = schema(forMetadata: parameter.type, traits: traits)
                }
                return properties.isEmpty ? nil : SchemaTraits().object(properties)
            case (.post, _):
                if let type = target.type, type.isCollection, target.kind != .ref {
                    return schema(forMetadata: type.element, traits: .plain)
                }
                if target.kind == .ref { return Self.referenceBodySchema }
            case (.patch, _), (.put, _):
                if let type = target.type, target.kind != .ref, target.kind != .value {
                    return schema(forMetadata: type, traits: .plain)
                }
                if target.kind == .ref { return Self.referenceBodySchema }
            default: break
            }
        }
        guard !rows.isEmpty else { return nil }
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        for row in rows where !row.name.isEmpty && properties[row.name] == nil {
            var traits = SchemaTraits(required: row.isRequired ?? false)
            traits.description = Self.nonEmpty(row.description)
            traits.extensions["x-specmark-source"] = Self.source(page.file, row.range)
            properties[row.name] = row.type.map { schema(for: $0, owner: nil, traits: traits) } ?? traits.any()
        }
        return SchemaTraits().object(properties)
    }

    /// The body of a `$ref` request: the entity's URL in `@odata.id`.
    static let referenceBodySchema: JSONSchema = .object(
        .init(), .init(properties: ["@odata.id": .string(.init(format: .uri, required: true), .init())]))

    // MARK: - Responses

    /// Every status the Response section states and the examples show, each with its description, the success
    /// type or the error shape, its examples by content type and, on success, the Response headers table.
    private mutating func responses(
        for draft: Draft, page: PageContract, resolution: PathResolution?
    ) -> OpenAPI.Response.Map {
        var statuses: [(code: Int, reason: String)] = []
        func add(_ code: Int, _ reason: String) {
            if let index = statuses.firstIndex(where: { $0.code == code }) {
                if statuses[index].reason.isEmpty { statuses[index].reason = reason }
            } else {
                statuses.append((code, reason))
            }
        }
        for stated in page.method?.response?.statuses ?? [] where (100...599).contains(stated.code) {
            add(stated.code, stated.reason)
        }
        var examples: [Int: [Int]] = [:]
        for request in draft.requests {
            for index in page.responses(answering: request) {
                guard let status = page.responses[index].message.statusLine, (100...599).contains(status.code) else {
                    continue
                }
                add(status.code, status.reason)
                examples[status.code, default: []].append(index)
            }
        }
        if statuses.isEmpty {
            // The page states none and shows none for this path: its examples of the method's other paths show
            // what the request answers (the variants of one request; their examples stay with their own path).
            for request in siblingRequests(of: draft, page: page) {
                for index in page.responses(answering: request) {
                    if let status = page.responses[index].message.statusLine, (100...599).contains(status.code) {
                        add(status.code, status.reason)
                    }
                }
            }
        }
        statuses.sort { $0.code < $1.code }
        let success = successSchema(for: draft, page: page, resolution: resolution)
        let headers = responseHeaders(of: page)
        var map: OpenAPI.Response.Map = [:]
        for (code, reason) in statuses {
            var byType: OrderedDictionary<String, OpenAPI.Example.Map> = [:]
            for index in examples[code] ?? [] {
                let response = page.responses[index]
                guard let body = response.message.body, !body.text.trimmingSpaces().isEmpty else { continue }
                let type = Self.mediaType(response.message.headers, json: response.json)
                let name = Self.exampleKey(
                    response.name ?? page.request(pairedWith: index)?.name, ordinal: index, in: byType[type] ?? [:])
                byType[type, default: [:]][name] = .b(
                    example(body: body, json: response.json, at: response.range, page: page))
                statistics.responseExamples += 1
            }
            let schema: JSONSchema?
            switch code {
            case 200..<300: schema = success
            case 400..<600:
                schema = .reference(.component(named: Self.errorSchemaKey))
                usesErrorSchema = true
            default: schema = nil
            }
            // A status the section states but no example shows has its type; an example without a body shows none.
            if byType.isEmpty, (examples[code] ?? []).isEmpty, schema != nil, code != 204, code != 205,
                code < 300 || code >= 400
            {
                byType["application/json"] = [:]
            }
            var content: OpenAPI.Content.Map = [:]
            if code != 204, code != 304 {
                for (type, examples) in byType {
                    guard let contentType = OpenAPI.ContentType(rawValue: type) else { continue }
                    content[contentType] = .b(
                        OpenAPI.Content(
                            schema: Self.isJSON(type) ? schema.map { .b($0) } : nil,
                            examples: examples.isEmpty ? nil : examples))
                }
            }
            let text = reason.trimmingSpaces()
            map[.status(code: code)] = .b(
                OpenAPI.Response(
                    description: text.isEmpty ? Self.reasonPhrase(code) : text,
                    headers: (200..<300).contains(code) && !headers.isEmpty ? headers : nil,
                    content: content))
        }
        return map
    }

    /// The Response headers table's rows.
    private func responseHeaders(of page: PageContract) -> OpenAPI.Header.Map {
        var headers: OpenAPI.Header.Map = [:]
        for row in (page.method?.tables(.responseHeaders) ?? []).flatMap(\.parameters) {
            let name = row.name.trimmingSpaces()
            guard !name.isEmpty, name.lowercased() != "content-type", headers[name] == nil else { continue }
            headers[name] = .b(
                OpenAPI.Header(
                    schemaOrContent: .a(.init(SchemaTraits().primitive(.string), style: .default(for: .header))),
                    description: Self.nonEmpty(row.description),
                    vendorExtensions: ["x-specmark-source": Self.source(page.file, row.range)]))
        }
        return headers
    }

    /// The success body's schema: the metadata's type for what the path addresses, else the type the response
    /// example's annotation names, else the resource the Response section links to; a collection is OData's
    /// `{ "value": [...] }`.
    private func successSchema(for draft: Draft, page: PageContract, resolution: PathResolution?) -> JSONSchema? {
        if page.method?.response?.promisesNoBody == true { return nil }
        if metadata != nil, let target = resolution?.target {
            var type: MetadataTypeName?
            switch target.kind {
            case .action, .function, .operationImport:
                type = target.operation?.returnType ?? (target.kind == .function ? target.type : nil)
            case .count: return SchemaTraits().primitive(.int32)
            case .value, .ref: return nil
            default:
                switch draft.method {
                case .get: type = target.type
                case .post: type = target.type.map(\.element)
                case .patch, .put: type = target.type
                default: type = nil
                }
            }
            if let type {
                if type.isCollection { return Self.collection(of: schema(forMetadata: type.element, traits: .plain)) }
                if type.isPrimitive,
                    target.kind == .action || target.kind == .function || target.kind == .operationImport
                {
                    return SchemaTraits().object(["value": schema(forMetadata: type, traits: .plain)])
                }
                return schema(forMetadata: type, traits: .plain)
            }
        }
        // The types the Response section links to, and the one the examples' annotation names: this operation's
        // own examples first, then those of the page's other paths of the method (the variants of one request).
        var linked: [ResourceDefinition] = []
        for link in page.method?.response?.linkedTypes ?? [] {
            if let resource = docs.resource(linkedAs: link.destination, from: page.file),
                !linked.contains(where: { $0.name == resource.name })
            {
                linked.append(resource)
            }
        }
        let promisesCollection = page.method?.response?.promisesCollection ?? false
        var annotated: (type: TypeReference, collection: Bool)?
        for request in draft.requests + siblingRequests(of: draft, page: page) {
            guard let response = page.response(pairedWith: request), let annotation = response.annotation,
                let name = annotation.odataType, !name.isEmpty,
                (200..<300).contains(response.status ?? 0)
            else { continue }
            let type = TypeReference.parse(DocSet.normalizedTypeName(name))
            guard !type.isUnknown else { continue }
            annotated = (type, annotation.describesCollection || type.isCollection)
            break
        }
        func reference(_ resource: ResourceDefinition, collection: Bool) -> JSONSchema? {
            guard let key = schemaKeys[resource.name.lowercased()] else { return nil }
            let element = SchemaTraits().reference(key)
            return collection ? Self.collection(of: element) : element
        }
        // One linked type is what the section says the body is, when the example shows it or a type derived from
        // it (`fileAttachment` for `attachment`); an example of an unrelated type says better what comes back
        // than a link in passing prose.
        let annotatedResource = annotated.flatMap { conformance.resolve($0.type, owner: nil) }
        if linked.count == 1,
            annotatedResource.map({ docs.inheritanceChain(of: $0).contains { $0.name == linked[0].name } }) ?? true
        {
            return reference(linked[0], collection: promisesCollection || annotated?.collection == true)
        }
        guard let annotated else { return nil }
        if let resource = annotatedResource, linked.count > 1 {
            // Several linked types (the derived ones, or one per path): the furthest base of the example's type
            // among them, else the example's type when the section links none of its kind.
            let chain = docs.inheritanceChain(of: resource)
            if let base = chain.last(where: { ancestor in linked.contains { $0.name == ancestor.name } }) {
                return reference(base, collection: annotated.collection)
            }
            if !linked.isEmpty { return nil }
        }
        var element = annotated.type
        element.isCollection = false
        let typed = self.schema(for: element, owner: nil, traits: .plain)
        return annotated.collection ? Self.collection(of: typed) : typed
    }

    /// The page's request examples of the draft's method that the draft was not given, in page order: those of its
    /// other paths, and those that match none.
    func siblingRequests(of draft: Draft, page: PageContract) -> [Int] {
        page.requests.indices.filter { index in
            !draft.requests.contains(index) && page.requests[index].method?.uppercased() == draft.method.rawValue
        }
    }

    /// OData's collection body: `{ "value": [items] }`.
    static func collection(of items: JSONSchema) -> JSONSchema {
        SchemaTraits().object(["value": SchemaTraits().array(of: items)])
    }

    // MARK: - Examples

    /// An example from a documented body: its JSON value (made strict), or the text as written.
    private func example(
        body: PositionedText?, json: JSONParseResult?, at range: SourceRange, page: PageContract
    )
        -> OpenAPI.Example
    {
        let value: AnyCodable =
            if let parsed = json?.value, json?.error == nil { parsed.exampleValue } else {
                AnyCodable(body?.text ?? "")
            }
        return OpenAPI.Example(
            legacyValue: .b(value), vendorExtensions: ["x-specmark-source": Self.source(page.file, range)])
    }

    /// The example's name, made unique among the content type's examples (`example-3` for an unnamed one).
    static func exampleKey(_ name: String?, ordinal: Int, in existing: OpenAPI.Example.Map) -> String {
        let base = name.flatMap { Self.nonEmpty($0) } ?? "example-\(ordinal + 1)"
        var key = base
        var suffix = 2
        while existing[key] != nil {
            key = "\(base)-\(suffix)"
            suffix += 1
        }
        return key
    }

    /// The media type a message's Content-Type names (parameters dropped), else JSON for a JSON body, else text.
    static func mediaType(_ headers: HTTPHeaders, json: JSONParseResult?) -> String {
        if let type = headers.mediaType?.trimmingSpaces().lowercased(), !type.isEmpty, type.contains("/"),
            OpenAPI.ContentType(rawValue: type) != nil
        {
            return type
        }
        return json?.value != nil ? "application/json" : "text/plain"
    }

    static func isJSON(_ type: String) -> Bool {
        type == "application/json" || type.hasSuffix("+json") || type.hasPrefix("application/json")
    }

    /// The standard reason phrase, for a status the page gives without one.
    static func reasonPhrase(_ code: Int) -> String {
        let phrases: [Int: String] = [
            200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
            206: "Partial Content", 207: "Multi-Status", 301: "Moved Permanently", 302: "Found", 303: "See Other",
            304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
            401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
            409: "Conflict", 410: "Gone", 412: "Precondition Failed", 413: "Payload Too Large",
            415: "Unsupported Media Type", 416: "Range Not Satisfiable", 422: "Unprocessable Entity", 423: "Locked",
            429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout", 507: "Insufficient Storage",
        ]
        return phrases[code] ?? "Status \(code)"
    }

    static func range(_ location: MetadataLocation) -> SourceRange {
        SourceRange(location.line, location.column, location.line, location.column)
    }
}
