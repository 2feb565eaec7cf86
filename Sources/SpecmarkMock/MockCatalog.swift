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
        /// The example's query parameters as `name=value` pairs, sorted.
        public var query: [String]
        /// The example's request body, when it is JSON.
        public var requestBody: JSONValue?
        /// Properties the page's Request body table documents (empty when it has no table).
        public var documentedBodyProperties: Set<String>
        public var response: Response
    }

    /// A response exactly as documented.
    public struct Response: Sendable {
        public var status: Int
        public var reason: String
        /// Headers in order, as written (Content-Length and hop-by-hop headers left out; the server sets them).
        public var headers: [(name: String, value: String)]
        /// The body bytes as written; nil when the example shows none (and always for 204 and 304).
        public var body: [UInt8]?
    }

    public private(set) var entries: [Entry] = []
    /// The service roots' version segments (`v1.0`, `beta`) a request path may start with.
    public private(set) var versions: Set<String> = []
    /// Declared templates, and example paths no template covers, for "nearest documented paths".
    private var documentedPaths: [PathTemplate] = []
    /// Path aliases (`/me/drive` for `/drives/{drive-id}`), applied to examples and requests alike.
    private var aliases: [PathAlias] = []

    /// Builds the catalog from every paired request example of `docs`, or of its `pages` (indexes) when given.
    public init(docs: DocSet, pages: Set<Int>? = nil) {
        aliases = docs.configuration.pathAliases
        for (pageIndex, page) in docs.pages.enumerated() where pages?.contains(pageIndex) ?? true {
            let declared = page.method?.declaredPaths ?? []
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
                let templates = declared.filter { $0.method == line.method }.map {
                    $0.template.applying(aliases: aliases)
                }
                .filter { $0.matches(path) }
                let documented = Set(page.method?.tables(.requestBody).flatMap(\.parameters).map(\.name) ?? [])
                var body: [UInt8]?
                if let text = response.message.body?.text, status.code != 204, status.code != 304 {
                    body = Array(text.utf8)
                }
                var headers = response.message.headers.fields
                    .filter { !Self.managedHeaders.contains($0.name.lowercased()) }
                    .map { (name: $0.name, value: $0.value) }
                if response.origin == .bareJSON { headers.append((name: "Content-Type", value: "application/json")) }
                if let version = url.apiVersion { versions.insert(version) }
                entries.append(
                    Entry(
                        name: request.name ?? "\(page.file):\(request.range.start.line)", file: page.file,
                        line: request.range.start.line, method: line.method,
                        apiVersion: url.apiVersion ?? page.apiVersion,
                        examplePath: path, literalPath: path.path.contains("{") ? nil : path.path.lowercased(),
                        declaredPaths: templates, query: Self.queryPairs(url.template.query),
                        requestBody: request.json?.value, documentedBodyProperties: documented,
                        response: Response(status: status.code, reason: status.reason, headers: headers, body: body)))
            }
        }
        var seen = Set<String>()
        documentedPaths = entries.flatMap { entry in
            entry.declaredPaths.isEmpty ? [entry.examplePath] : entry.declaredPaths
        }
        .filter { seen.insert($0.path).inserted }
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
        /// Examples that answer, best first.
        case examples([Entry])
        /// The path is documented, but not for this method.
        case methodNotAllowed(allowed: [String])
        /// Nothing documented matches; the closest documented paths.
        case notFound(nearest: [String])
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
        let candidates = entries.filter { entry in
            (version == nil || entry.apiVersion == nil || entry.apiVersion == version)
                && (entry.literalPath == literal || entry.declaredPaths.contains { $0.matches(path) }
                    // An example written as a template (`GET /me/drive/special/{name}`) answers like one.
                    || (entry.literalPath == nil && entry.examplePath.matches(path)))
        }
        guard !candidates.isEmpty else {
            let nearest = documentedPaths.map { ($0.distance(to: path), $0.path) }.sorted { $0 < $1 }
            return .notFound(nearest: nearest.prefix(3).map(\.1))
        }
        let wanted = method == "HEAD" ? ["HEAD", "GET"] : [method]
        let byMethod = candidates.filter { wanted.contains($0.method) }
        guard !byMethod.isEmpty else {
            return .methodNotAllowed(allowed: Array(Set(candidates.map(\.method))).sorted())
        }
        if let preferredExample, let chosen = byMethod.first(where: { $0.name == preferredExample }) {
            return .examples([chosen] + byMethod.filter { $0.name != preferredExample })
        }
        let requestQuery = Self.queryPairs(query)
        let requestBody = body?.compactDescription
        let scored = byMethod.enumerated().map { offset, entry -> (Int, Int, Entry) in
            var score = 0
            if entry.literalPath == literal { score += 8 }
            // A path of the entry's own shape beats one that matched only by dropping a trailing segment that
            // reads as a type cast: `/me/extensions/Com.Contoso.Referral` is an extension, not a cast of the list.
            let count = path.segments.count
            if entry.declaredPaths.contains(where: { $0.segments.count == count && $0.matches(path) })
                || (entry.examplePath.segments.count == count
                    && (entry.literalPath == literal || entry.examplePath.matches(path)))
            {
                score += 4
            }
            if entry.query == requestQuery { score += 2 }
            if let requestBody, entry.requestBody?.compactDescription == requestBody { score += 1 }
            return (score, offset, entry)
        }
        let ordered = scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
        return .examples(ordered)
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
