public import SpecmarkContract
import SpecmarkMarkdown

/// The documented examples a mock serves, indexed for routing: each request example with the response it is
/// paired with, its own path and the page's declared path templates it instantiates.
public struct MockCatalog: Sendable {
    /// One servable example.
    public struct Entry: Sendable {
        /// The example's name (its annotation's), or `file:line` for an unnamed one.
        public var name: String
        public var file: String
        public var line: Int
        public var method: String
        public var apiVersion: String?
        /// The example's own path (service root stripped, aliases applied).
        public var examplePath: PathTemplate
        /// The example's path lower-cased when it has no placeholders, for exact matches.
        var literalPath: String?
        /// Declared templates of the page, with the same method, that the example's path instantiates.
        public var declaredPaths: [PathTemplate]
        /// Declared templates of the page, with the same method, that none of the page's examples instantiates
        /// (`/drives/{drive-id}/items/{item-id}` on a page whose examples use `/me/drive/root`): the page's
        /// examples answer them too, after any example that instantiates them.
        public var fallbackPaths: [PathTemplate] = []
        /// The example's query parameters as `name=value` pairs, sorted.
        public var query: [String]
        /// The example's request body, when it is JSON.
        public var requestBody: JSONValue?
        /// Properties the page's Request body table documents (empty when it has no table).
        public var documentedBodyProperties: Set<String>
        public var response: Response
        /// For a redirect to another host, what the mock answers at the address it redirects to instead: the
        /// documented answer after the redirect (a report's CSV), or nil for an empty CSV.
        public var redirectTarget: Response?
        /// The short name of the type the response declares, lower-cased (`user`), or "".
        var responseType: String = ""
        /// The page's file name up to its first `-`, lower-cased (`user` for `user-get.md`).
        var pageSubject: String = ""
        /// The entry's index in the catalog.
        public var position = 0
        /// The request body in compact form, for comparing with a request's; the query's option names.
        var requestBodyText: String?
        var queryOptions: Set<String> = []
        /// The first segment names of every path the entry answers on, lower-cased; nil when one starts with a
        /// placeholder (and so could answer any path). Routing skips an entry whose set lacks the request's.
        var firstSegments: Set<String>?
        /// `file:line`, for the `X-Specmark-Source` header.
        var source: String { "\(file):\(line)" }
    }

    /// A response as the mock serves it.
    public struct Response: Sendable {
        public var status: Int
        public var reason: String
        /// Headers in order, as written (Content-Length and hop-by-hop headers left out; the server sets them).
        public var headers: [(name: String, value: String)]
        /// The body bytes: as written when serving verbatim or when it is not JSON, otherwise strict JSON with
        /// each value the declared types reject replaced. Nil when the example shows none (and for 204 and 304).
        public var body: [UInt8]?
        /// Where the body differs from the page, for the `X-Specmark-Adjusted` header: `json` when the written
        /// body was not strict JSON, then the paths of the values replaced.
        public var adjusted: [String] = [] {
            didSet { adjustedHeader = Self.header(listing: adjusted) }
        }
        /// `adjusted` as the header writes it: the first twenty, then how many more; nil when nothing differs.
        public private(set) var adjustedHeader: String?

        public init(
            status: Int, reason: String, headers: [(name: String, value: String)], body: [UInt8]?,
            adjusted: [String] = []
        ) {
            self.status = status
            self.reason = reason
            self.headers = headers
            self.body = body
            self.adjusted = adjusted
            adjustedHeader = Self.header(listing: adjusted)
        }

        static func header(listing adjusted: [String]) -> String? {
            guard !adjusted.isEmpty else { return nil }
            let more = adjusted.count > 20 ? ", and \(adjusted.count - 20) more" : ""
            return adjusted.prefix(20).joined(separator: ", ") + more
        }
    }

    public private(set) var entries: [Entry] = []
    /// The service roots' version segments (`v1.0`, `beta`) a request path may start with.
    public private(set) var versions: Set<String> = []
    /// Declared templates, and example paths no template covers, for "nearest documented paths".
    private var documentedPaths: [PathTemplate] = []
    /// Path aliases (`/me/drive` for `/drives/{drive-id}`), applied to examples and requests alike.
    private var aliases: [PathAlias] = []
    /// Declared paths no example answers, which the metadata answers for (with `--metadata`, not verbatim).
    public private(set) var synthesizedRoutes: [SynthesizedRoute] = []
    /// The metadata's answerer by API version ("" for every version).
    private var synthesizers: [String: MockSynthesis] = [:]

    /// A declared path the docs show no example of.
    public struct SynthesizedRoute: Sendable {
        public var method: String
        public var template: PathTemplate
        public var file: String
        public var line: Int
        public var apiVersion: String?
        /// The route's index in `synthesizedRoutes`.
        public var position: Int
    }

    /// Builds the catalog from every paired request example of `docs`, or of its `pages` (indexes) when given.
    /// `verbatim` serves every body byte for byte as documented; otherwise JSON bodies are served as strict JSON
    /// with the values their types reject replaced.
    public init(docs: DocSet, pages: Set<Int>? = nil, verbatim: Bool = false) {
        aliases = docs.configuration.pathAliases
        let conformance = Conformance(docs: docs)
        for (pageIndex, page) in docs.pages.enumerated() where pages?.contains(pageIndex) ?? true {
            let declared = page.method?.declaredPaths ?? []
            // The declared templates with the aliases applied, once per page.
            let aliased = declared.map { (method: $0.method, template: $0.template.applying(aliases: aliases)) }
            let documented = Set(page.method?.tables(.requestBody).flatMap(\.parameters).map(\.name) ?? [])
            let pageEntries = entries.count
            for (index, request) in page.requests.enumerated() {
                guard let line = request.message.requestLine, let url = request.url,
                    let response = page.response(pairedWith: index)
                else { continue }
                // A bare JSON response shows no status: serve the success status the Response section states.
                let stated = page.method?.response?.statuses.first { $0.code < 400 }
                let status =
                    response.message.statusLine.map { (code: $0.code, reason: $0.reason) }
                    ?? (code: stated?.code ?? 200, reason: stated?.reason ?? "")
                guard response.message.statusLine != nil || response.origin == .bareJSON else { continue }
                let path = PathTemplate(Self.decodedPath(url.template.path)).applying(aliases: aliases)
                let templates = aliased.filter { $0.method == line.method && $0.template.matches(path) }.map(\.template)
                if let version = url.apiVersion { versions.insert(version) }
                var served = Self.response(
                    response, status: status, docs: docs, conformance: conformance, verbatim: verbatim)
                let redirectTarget =
                    verbatim || !(300..<400).contains(status.code)
                    ? nil
                    : Self.redirectTarget(
                        after: response, answering: index, on: page, docs: docs, conformance: conformance)
                if response.origin == .bareJSON,
                    !served.headers.contains(where: { $0.name.lowercased() == "content-type" })
                {
                    served.headers.append((name: "Content-Type", value: "application/json"))
                }
                entries.append(
                    Entry(
                        name: request.name ?? "\(page.file):\(request.range.start.line)", file: page.file,
                        line: request.range.start.line, method: line.method,
                        apiVersion: url.apiVersion ?? page.apiVersion,
                        examplePath: path, literalPath: path.path.contains("{") ? nil : path.path.lowercased(),
                        declaredPaths: templates, query: Self.queryPairs(url.template.query),
                        requestBody: request.json?.value, documentedBodyProperties: documented,
                        response: served, redirectTarget: redirectTarget,
                        responseType: Self.shortTypeName(response.annotation?.odataType),
                        pageSubject: Self.subject(ofPage: page.file), position: entries.count))
            }
            // A response to an ignored request (a report's `302`, shown after a request the tools skip) answers
            // the page's declared paths when no example of the page does (not when serving verbatim).
            if !verbatim, entries.count == pageEntries, let methodName = declared.first?.method,
                let answer = page.responsesAnsweringIgnored.first,
                let status = page.responses[answer].message.statusLine
            {
                let response = page.responses[answer]
                if let version = page.apiVersion { versions.insert(version) }
                let templates = aliased.filter { $0.method == methodName }.map(\.template)
                var served = Self.response(
                    response, status: (status.code, status.reason), docs: docs, conformance: conformance,
                    verbatim: false)
                let redirectTarget =
                    (300..<400).contains(status.code)
                    ? Self.redirectTarget(
                        after: response, answering: nil, on: page, docs: docs, conformance: conformance)
                    : nil
                if served.headers.isEmpty, served.body != nil {
                    served.headers.append((name: "Content-Type", value: "application/json"))
                }
                entries.append(
                    Entry(
                        name: response.name ?? "\(page.file):\(response.range.start.line)", file: page.file,
                        line: response.range.start.line, method: methodName, apiVersion: page.apiVersion,
                        examplePath: templates[0], literalPath: nil, declaredPaths: templates, query: [],
                        requestBody: nil, documentedBodyProperties: documented, response: served,
                        redirectTarget: redirectTarget,
                        responseType: Self.shortTypeName(response.annotation?.odataType),
                        pageSubject: Self.subject(ofPage: page.file), position: entries.count))
            }
            // Declared templates none of the page's examples instantiates are answered by its examples (not when
            // serving verbatim: a self-check must not pass a request with another example's answer).
            for method in Set(declared.map(\.method)) where !verbatim {
                let examples = (pageEntries..<entries.count).filter { entries[$0].method == method }
                guard !examples.isEmpty else { continue }
                let unused = aliased.filter { $0.method == method }.map(\.template)
                    .filter { template in
                        !examples.contains { entries[$0].declaredPaths.contains { $0.path == template.path } }
                            && !examples.contains { template.matches(entries[$0].examplePath) }
                    }
                for entry in examples { entries[entry].fallbackPaths = unused }
            }
        }
        if !verbatim, !docs.metadata.isEmpty {
            collectSynthesizedRoutes(docs: docs, pages: pages)
        }
        for index in entries.indices {
            entries[index].requestBodyText = entries[index].requestBody?.compactDescription
            entries[index].queryOptions = Set(entries[index].query.map(RouteFit.optionName))
            let paths = entries[index].declaredPaths + entries[index].fallbackPaths + [entries[index].examplePath]
            let firsts = paths.map { $0.segmentNames.first.flatMap { $0?.lowercased() } }
            entries[index].firstSegments = firsts.contains(nil) ? nil : Set(firsts.compactMap { $0 })
        }
        var seen = Set<String>()
        documentedPaths = entries.flatMap { entry in
            (entry.declaredPaths.isEmpty ? [entry.examplePath] : entry.declaredPaths) + entry.fallbackPaths
        }
        .filter { seen.insert($0.path).inserted }
        documentedPaths += synthesizedRoutes.map(\.template).filter { seen.insert($0.path).inserted }
    }

    /// The declared paths no example answers (by method), and the metadata that answers for them.
    private mutating func collectSynthesizedRoutes(docs: DocSet, pages: Set<Int>?) {
        let resolverAliases = aliases.map { (from: $0.alias, to: $0.replacement) }
        for entry in docs.metadata.entries {
            synthesizers[entry.version ?? ""] = MockSynthesis(metadata: entry.metadata, aliases: resolverAliases)
        }
        var seen = Set<String>()
        for (pageIndex, page) in docs.pages.enumerated() where pages?.contains(pageIndex) ?? true {
            for declared in page.method?.declaredPaths ?? [] {
                let template = declared.template.applying(aliases: aliases)
                let answered = entries.contains { entry in
                    entry.method == declared.method
                        && (entry.declaredPaths + entry.fallbackPaths).contains { $0.path == template.path }
                }
                guard !answered, seen.insert("\(declared.method) \(template.path)").inserted else { continue }
                if let version = page.apiVersion { versions.insert(version) }
                synthesizedRoutes.append(
                    SynthesizedRoute(
                        method: declared.method, template: template, file: page.file, line: declared.range.start.line,
                        apiVersion: page.apiVersion, position: synthesizedRoutes.count))
            }
        }
    }

    /// The metadata's answer to a request on a synthesized route: status, body and the type it was made from.
    func synthesize(
        _ route: SynthesizedRoute, method: String, path: String, query: String?, base: String
    ) -> MockSynthesis.Answer? {
        guard let synthesis = synthesizers[route.apiVersion ?? ""] ?? synthesizers[""] else { return nil }
        var text = Self.decodedPath(path)
        let segment = text.drop { $0 == "/" }.prefix { $0 != "/" }
        var root = base
        if versions.contains(String(segment)) || String(segment) == route.apiVersion {
            root += "/" + segment
            text = String(text[segment.endIndex...])
        }
        return synthesis.answer(method: method, path: text, query: Self.queryPairs(query), base: root)
    }

    /// What a client finds at the address a documented redirect leads to: the documented answer after it (a
    /// further response to request `index`, or an ignored response right after the redirect, as report pages
    /// show their CSV), or nil.
    private static func redirectTarget(
        after response: ResponseExample, answering index: Int?, on page: PageContract, docs: DocSet,
        conformance: Conformance
    ) -> Response? {
        if let index,
            let followUp = page.responses(answering: index).dropFirst().lazy.map({ page.responses[$0] })
                .first(where: { ($0.status ?? 0) < 300 })
        {
            return Self.response(
                followUp, status: (followUp.status ?? 200, followUp.message.statusLine?.reason ?? ""), docs: docs,
                conformance: conformance, verbatim: false)
        }
        let start = response.range.start
        let next = (page.requests.map(\.range.start) + page.responses.map(\.range.start)).filter { $0 > start }.min()
        guard
            let followUp = page.ignoredResponses.first(where: { ignored in
                ignored.range.start > start && next.map { ignored.range.start < $0 } ?? true
                    && (ignored.message.statusLine?.code ?? 0) < 300
            }), let line = followUp.message.statusLine
        else { return nil }
        return Self.response(
            followUp.message, annotation: nil, json: nil, status: (line.code, line.reason), docs: docs,
            conformance: conformance, verbatim: false)
    }

    /// The response to serve for a documented one.
    private static func response(
        _ response: ResponseExample, status: (code: Int, reason: String), docs: DocSet, conformance: Conformance,
        verbatim: Bool
    ) -> Response {
        Self.response(
            response.message, annotation: response.annotation, json: response.json, status: status, docs: docs,
            conformance: conformance, verbatim: verbatim)
    }

    private static func response(
        _ message: HTTPResponseMessage, annotation: BlockAnnotation?, json: JSONParseResult?,
        status: (code: Int, reason: String), docs: DocSet, conformance: Conformance, verbatim: Bool
    ) -> Response {
        var headers = message.headers.fields
            .filter { !Self.managedHeaders.contains($0.name.lowercased()) }
            .map { (name: $0.name, value: $0.value) }
        guard let text = message.body?.text, status.code != 204, status.code != 304 else {
            return Response(status: status.code, reason: status.reason, headers: headers, body: nil)
        }
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
        let firstByte = text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let looksJSON =
            contentType.contains("json")
            || (contentType.isEmpty && (firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")))
        guard !verbatim, looksJSON, !text.trimmingSpaces().isEmpty else {
            return Response(status: status.code, reason: status.reason, headers: headers, body: Array(text.utf8))
        }
        // The most tolerant reading: unquoted keys and single-quoted strings too.
        let parsed = json.flatMap { $0.value == nil ? nil : $0 } ?? JSONParser.parse(text)
        var adjusted: [String] = parsed.isStrict ? [] : ["json"]
        guard var value = parsed.value else {
            // Not JSON even tolerantly: an empty object of the declared shape is all a client can read.
            let empty = annotation?.describesCollection == true ? "{\n  \"value\": []\n}" : "{}"
            return Response(
                status: status.code, reason: status.reason, headers: headers, body: Array(empty.utf8),
                adjusted: ["json"])
        }
        if let annotation, let name = annotation.odataType,
            !DocSet.isPrimitiveTypeName(name), let resource = docs.resource(named: name)
        {
            let key = annotation.collectionProperty ?? "value"
            if annotation.describesCollection, var members = value.members,
                let position = members.firstIndex(where: { $0.key == key }),
                let elements = members[position].value.elements
            {
                var items: [JSONValue] = []
                for (offset, element) in elements.enumerated() {
                    let (item, corrections) = conformance.corrected(element, as: resource)
                    items.append(item)
                    adjusted += corrections.map { "$.\(key)[\(offset)]" + $0.path.dropFirst() }
                }
                members[position].value = JSONValue(.array(items), range: members[position].value.range)
                value = JSONValue(.object(members), range: value.range)
            } else if !annotation.describesCollection {
                let (corrected, corrections) = conformance.corrected(value, as: resource)
                value = corrected
                adjusted += corrections.map(\.path)
            }
        }
        if !contentType.contains("json") {
            headers.removeAll { $0.name.lowercased() == "content-type" }
            headers.append((name: "Content-Type", value: "application/json"))
        }
        let body = adjusted.isEmpty ? Array(text.utf8) : Array(value.strictJSON.utf8)
        return Response(status: status.code, reason: status.reason, headers: headers, body: body, adjusted: adjusted)
    }

    /// `microsoft.graph.user` → `user`.
    static func shortTypeName(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        let normalized = DocSet.normalizedTypeName(name)
        return String(normalized.split(separator: ".").last ?? "").lowercased()
    }

    /// `api/user-list-messages.md` → `user`.
    static func subject(ofPage file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return String(base.prefix { $0 != "-" && $0 != "." }).lowercased()
    }

    /// Headers the server computes itself.
    static let managedHeaders: Set<String> = [
        "content-length", "transfer-encoding", "connection", "keep-alive", "date",
    ]

    /// `b=2&a=1` → `["a=1", "b=2"]`, percent-decoding left to the caller.
    public static func queryPairs(_ query: String?) -> [String] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { String($0) }.sorted()
    }

    // MARK: - Routing

    /// The outcome of routing one request.
    public enum Route: Sendable {
        /// Examples that answer, best first, as positions in `entries` (a route is cached per path, and an
        /// entry is large to copy).
        case examples([Int])
        /// The path is documented, but not for this method.
        case methodNotAllowed(allowed: [String])
        /// Nothing documented matches; the closest documented paths.
        case notFound(nearest: [String])
        /// A declared path no example shows, answered from the metadata.
        case synthesized(SynthesizedRoute)
    }

    /// Routes a request: its method, path (without query) and query, the `Prefer: example=` name, and body.
    public func route(
        method: String, path rawPath: String, query: String?, preferredExample: String?, body: JSONValue?
    ) -> Route {
        // The version segment is cut from the text, not from parsed segments: a path parsed twice would have its
        // `root:/a/b.txt:` addressing collapsed twice.
        var text = Self.decodedPath(rawPath)
        var version: String?
        let segment = text.drop { $0 == "/" }.prefix { $0 != "/" }
        if versions.contains(String(segment)) {
            version = String(segment)
            text = String(text[segment.endIndex...])
        }
        let path = PathTemplate(text).applying(aliases: aliases)
        let literal = path.path.lowercased()
        // Each entry's templates are matched once; the ranking reads what matched.
        let count = path.segments.count
        var candidates: [(position: Int, match: RouteMatch)] = []
        let first = path.segmentNames.first.flatMap { $0?.lowercased() }
        // By index, not by value: copying an entry retains every one of its fields.
        for position in entries.indices
        where version == nil || entries[position].apiVersion == nil || entries[position].apiVersion == version {
            // Most entries start elsewhere (`/groups/…` for a `/users/…` request): no template of theirs can match.
            if let first, let firsts = entries[position].firstSegments, !firsts.contains(first) { continue }
            var match = RouteMatch()
            match.isLiteral = entries[position].literalPath == literal
            for template in entries[position].declaredPaths where template.matches(path) {
                match.declared = true
                if template.segments.count == count {
                    match.ownShape = true
                    break
                }
            }
            // An example written as a template (`GET /me/drive/special/{name}`) answers like one.
            match.example = entries[position].literalPath == nil && entries[position].examplePath.matches(path)
            if (match.isLiteral || match.example) && entries[position].examplePath.segments.count == count {
                match.ownShape = true
            }
            if !match.instantiates {
                for template in entries[position].fallbackPaths where template.matches(path) {
                    match.fallback = true
                    if template.segments.count == count {
                        match.ownShape = true
                        break
                    }
                }
                guard match.fallback else { continue }
            }
            candidates.append((position, match))
        }
        let wanted = method == "HEAD" ? ["HEAD", "GET"] : [method]
        // A declared path no example shows, answered from the metadata: looked for only when no example answers.
        func synthesized() -> SynthesizedRoute? {
            synthesizedRoutes.first { route in
                (version == nil || route.apiVersion == nil || route.apiVersion == version)
                    && wanted.contains(route.method) && route.template.matches(path)
            }
        }
        guard !candidates.isEmpty else {
            return synthesized().map { .synthesized($0) } ?? .notFound(nearest: nearest(to: path))
        }
        let byMethod = candidates.filter { wanted.contains(entries[$0.position].method) }
        guard !byMethod.isEmpty else {
            if let route = synthesized() { return .synthesized(route) }
            return .methodNotAllowed(allowed: Array(Set(candidates.map { entries[$0.position].method })).sorted())
        }
        if byMethod.count == 1 { return .examples([byMethod[0].position]) }
        if let preferredExample,
            let chosen = byMethod.first(where: { entries[$0.position].name == preferredExample })
        {
            return .examples(
                [chosen.position] + byMethod.map(\.position).filter { entries[$0].name != preferredExample })
        }
        let fit = RouteFit(path: path, query: Self.queryPairs(query), body: body?.compactDescription)
        let scored = byMethod.map { candidate in
            (score: fit.score(entries[candidate.position], candidate.match), position: candidate.position)
        }
        let ordered = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return .examples(ordered.map(\.position))
    }

    /// The three documented paths closest to `path`, for a 404: those sharing the longest leading run of
    /// segments first, then those sharing the most segment names, then the fewest differing segments.
    func nearest(to path: PathTemplate) -> [String] {
        let names = path.segmentNames.map { $0?.lowercased() }
        let wanted = Set(names.compactMap { $0 })
        let ranked = documentedPaths.map { candidate -> (prefix: Int, shared: Int, distance: Int, path: String) in
            let candidateNames = candidate.segmentNames.map { $0?.lowercased() }
            var prefix = 0
            for (lhs, rhs) in zip(names, candidateNames) {
                // A placeholder on either side matches the other's segment.
                guard lhs == nil || rhs == nil || lhs == rhs else { break }
                prefix += 1
            }
            // Names the request shares with the candidate, or nearly (`gadgets` and `widgets`).
            let own = Set(candidateNames.compactMap { $0 })
            let shared = wanted.count { own.contains($0) || closestMatch(to: $0, in: own) != nil }
            return (prefix, shared, candidate.distance(to: path), candidate.path)
        }
        .filter { $0.prefix > 0 || $0.shared > 0 }
        .sorted {
            ($0.prefix, $0.shared, -$0.distance, $1.path) > ($1.prefix, $1.shared, -$1.distance, $0.path)
        }
        return ranked.prefix(3).map(\.path)
    }

    /// A request path with its percent-escapes decoded, so `resizedRange(deltaRows=1,%20deltaColumns=2)` meets
    /// the documented `resizedRange(deltaRows={n}, deltaColumns={n})`. Escapes of the bytes that shape a path
    /// template (`/ ? # { } < >`) and malformed escapes are kept as written.
    static func decodedPath(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        let bytes = Array(path.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexDigitValue(bytes[index + 1]), let low = hexDigitValue(bytes[index + 2])
            {
                let byte = high << 4 | low
                if !Self.structuralBytes.contains(byte) {
                    decoded.append(byte)
                    index += 3
                    continue
                }
            }
            decoded.append(bytes[index])
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static let structuralBytes: Set<UInt8> = Set("/?#{}<>".utf8)
}

/// What of an entry's paths matched a request.
struct RouteMatch {
    var isLiteral = false
    /// A declared template the example instantiates.
    var declared = false
    /// The example's own path, written as a template.
    var example = false
    /// A template the page declares without an example.
    var fallback = false
    /// One of them has the request's own number of segments.
    var ownShape = false

    var instantiates: Bool { isLiteral || declared || example }
}

/// How well an example fits a request, compared lexicographically: the exact path written in the example, a
/// template of the request's own shape, a template the example instantiates rather than one its page declares
/// without an example, the response type the route names, the page about that type, the same query, the same
/// body, and then the fewest query options apart.
struct RouteFit {
    let query: [String]
    let body: String?
    /// The route's last two segment names in the singular (`messages` → `message`, `users` → `user`).
    let subject: String
    let parent: String
    /// The request's query option names (`$select`).
    let optionNames: Set<String>

    init(path: PathTemplate, query: [String], body: String?) {
        self.query = query
        self.body = body
        optionNames = Set(query.map(Self.optionName))
        // Names of things, not keys that read as names (`me-token-to-replace`, `AAMkAD…=`) or `$count`.
        let names = path.segmentNames.compactMap { $0?.lowercased() }.filter { name in
            name.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: ".") }
        }
        subject = names.last.map(Self.singular) ?? ""
        parent = names.count >= 2 ? Self.singular(names[names.count - 2]) : ""
    }

    /// The comparison keys, most important first (see `RouteFit`), compared without building arrays: a
    /// request with a new key every time ranks its candidates on every request.
    struct Score: Comparable {
        var literal = false, shape = false, instantiates = false
        var typeFit = 0, pageFit = false, query = false, body = false, optionDistance = 0

        static func < (lhs: Score, rhs: Score) -> Bool {
            if lhs.literal != rhs.literal { return !lhs.literal }
            if lhs.shape != rhs.shape { return !lhs.shape }
            if lhs.instantiates != rhs.instantiates { return !lhs.instantiates }
            if lhs.typeFit != rhs.typeFit { return lhs.typeFit < rhs.typeFit }
            if lhs.pageFit != rhs.pageFit { return !lhs.pageFit }
            if lhs.query != rhs.query { return !lhs.query }
            if lhs.body != rhs.body { return !lhs.body }
            return lhs.optionDistance > rhs.optionDistance
        }
    }

    func score(_ entry: MockCatalog.Entry, _ match: RouteMatch) -> Score {
        var score = Score()
        score.literal = match.isLiteral
        score.instantiates = match.instantiates
        // A path of the entry's own shape beats one that matched only by dropping a trailing segment that reads
        // as a type cast: `/me/extensions/Com.Contoso.Referral` is an extension, not a cast of the list.
        score.shape = match.ownShape
        if !subject.isEmpty, !entry.responseType.isEmpty {
            if entry.responseType == subject {
                score.typeFit = 2
            } else if entry.responseType.hasSuffix(subject) {
                score.typeFit = 1
            }
        }
        let page = entry.pageSubject
        score.pageFit = !page.isEmpty && (page == entry.responseType || page == subject || page == parent)
        score.query = entry.query == query
        score.body = body != nil && entry.requestBodyText == body
        if !optionNames.isEmpty || !entry.queryOptions.isEmpty {
            let shared = optionNames.count { entry.queryOptions.contains($0) }
            score.optionDistance = optionNames.count + entry.queryOptions.count - 2 * shared
        }
        return score
    }

    /// `$select=id` → `$select`.
    static func optionName(_ pair: String) -> String {
        String(pair.prefix { $0 != "=" }).lowercased()
    }

    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        for ending in ["sses", "ches", "shes", "xes"] where name.hasSuffix(ending) { return String(name.dropLast(2)) }
        if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
        return name
    }
}
