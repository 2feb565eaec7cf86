import HTTPTypes
public import Hummingbird
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle
public import SpecmarkContract
import SpecmarkMarkdown

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How the mock server runs.
public struct MockConfiguration: Sendable {
    /// The address to bind; loopback unless the user says otherwise.
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port.
    public var port = 4010
    /// Whether to reject requests whose bodies the docs would reject (400 with the reason).
    public var validateRequests = false
    /// Request bodies larger than this get 413.
    public var maximumBodySize = 1 << 20
    /// Whether to serve every response byte for byte as documented (what `replay --mock` checks the docs
    /// with); otherwise JSON is served strict, with type-correct values, and redirects stay on the mock.
    public var verbatim = false
    /// The OpenAPI description of the pages served: `GET /__specmark/openapi.json` answers with it, so tools
    /// pointed at the mock can discover what it serves.
    public var openAPIDocument: OpenAPIDocumentSource?

    public init(
        host: String = "127.0.0.1", port: Int = 4010, validateRequests: Bool = false, maximumBodySize: Int = 1 << 20,
        verbatim: Bool = false, openAPIDocument: OpenAPIDocumentSource? = nil
    ) {
        self.host = host
        self.port = port
        self.validateRequests = validateRequests
        self.maximumBodySize = maximumBodySize
        self.verbatim = verbatim
        self.openAPIDocument = openAPIDocument
    }
}

/// Counts how often each example was served.
public final class MockCoverage: Sendable {
    private let hits: NIOLockedValueBox<[String: Int]>

    public init() {
        hits = NIOLockedValueBox([:])
    }

    func record(_ name: String) {
        hits.withLockedValue { $0[name, default: 0] += 1 }
    }

    /// Hits by example name.
    public var counts: [String: Int] { hits.withLockedValue { $0 } }
}

/// Builds the mock application: the same function serves `specmark serve`, `specmark replay --mock` and the tests.
///
/// `onServerRunning` receives the bound port (useful with port 0); `catalog`, when given, is the one built from
/// `docs` and `pages` already.
public func buildMockApplication(
    docs: DocSet, pages: Set<Int>? = nil, catalog: MockCatalog? = nil, configuration: MockConfiguration,
    logger: Logger,
    coverage: MockCoverage = MockCoverage(), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let responder = MockResponder(
        catalog: catalog ?? MockCatalog(docs: docs, pages: pages, verbatim: configuration.verbatim),
        configuration: configuration, coverage: coverage,
        logger: logger)
    return Application(
        responder: responder,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "specmark-mock"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// Routes already taken, for requests without a body: clients repeat paths, and routing a path means parsing
/// and matching it against every documented template.
final class RouteCache: Sendable {
    private let routes = NIOLockedValueBox<[String: MockCatalog.Route]>([:])
    static let capacity = 4096

    func route(_ key: String, compute: () -> MockCatalog.Route) -> MockCatalog.Route {
        if let cached = routes.withLockedValue({ $0[key] }) { return cached }
        let route = compute()
        routes.withLockedValue { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[key] = route
        }
        return route
    }
}

/// Answers requests with the documented examples.
struct MockResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let catalog: MockCatalog
    let configuration: MockConfiguration
    let coverage: MockCoverage
    let logger: Logger
    let cache = RouteCache()

    static let exampleHeader = HTTPField.Name("X-Specmark-Example")!
    static let sourceHeader = HTTPField.Name("X-Specmark-Source")!
    static let hostHeader = HTTPField.Name("Host")!
    static let synthesizedHeader = HTTPField.Name("X-Specmark-Synthesized")!
    static let adjustedHeader = HTTPField.Name("X-Specmark-Adjusted")!
    /// Where the mock answers for a documented redirect to another host.
    static let redirectPrefix = "/__specmark/redirect/"
    static let preferHeader = HTTPField.Name("Prefer")!
    static let preferenceAppliedHeader = HTTPField.Name("Preference-Applied")!

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        let path = request.uri.path
        var example = "-"
        let response: Response
        do {
            (response, example) = try await answer(request)
        } catch {
            response = Self.error(500, "InternalServerError", "the mock failed: \(error)")
        }
        let elapsed = (ContinuousClock.now - started).components
        let microseconds = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        logger.info(
            "\(method) \(path) \(response.status.code) example=\(example) \(microseconds / 1000).\(microseconds % 1000 / 100)ms"
        )
        return response
    }

    private func answer(_ request: Request) async throws -> (Response, String) {
        let method = request.method.rawValue
        let path = request.uri.path
        if path.hasPrefix(Self.redirectPrefix) { return redirectTarget(path: path, method: method) }
        if path.hasPrefix("/__specmark/") { return (control(path: path, method: method), "-") }
        // Bodies are capped before anything else reads them.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maximumBodySize {
            return (tooLarge(), "-")
        }
        let bodyBytes: ByteBuffer
        do {
            bodyBytes = try await request.body.collect(upTo: configuration.maximumBodySize)
        } catch is NIOTooManyBytesError {
            return (tooLarge(), "-")
        } catch {
            // A malformed body (bad chunk sizes, a connection cut mid-body) is the client's fault, not ours.
            return (Self.error(400, "BadRequest", "the request body could not be read"), "-")
        }
        let bodyText = String(buffer: bodyBytes)
        let parsed = bodyText.isEmpty ? nil : JSONParser.parse(bodyText, tolerating: [])
        let preferred = request.headers[Self.preferHeader].flatMap(Self.preferredExample)
        let query = request.uri.query
        let route: MockCatalog.Route
        if parsed == nil {
            let key = "\(method) \(path)?\(query ?? "")#\(preferred ?? "")"
            route = cache.route(key) {
                catalog.route(method: method, path: path, query: query, preferredExample: preferred, body: nil)
            }
        } else {
            route = catalog.route(
                method: method, path: path, query: query, preferredExample: preferred, body: parsed?.value)
        }
        switch route {
        case .synthesized(let route):
            let authority = request.head.authority ?? request.headers[Self.hostHeader]
            let base = "http://\(authority ?? "\(configuration.host):\(configuration.port)")"
            guard let answer = catalog.synthesize(route, method: method, path: path, query: query, base: base) else {
                return (
                    Self.error(
                        404, "ResourceNotFound",
                        "\(method) \(path) is declared in \(route.file) but has no example, and the metadata does not resolve it"
                    ),
                    "-"
                )
            }
            let name = "synthesized:\(route.method) \(route.template.path)"
            coverage.record(name)
            var headers = HTTPFields()
            if answer.body != nil { headers[.contentType] = "application/json" }
            headers[Self.synthesizedHeader] = answer.type
            headers[Self.sourceHeader] = "\(route.file):\(route.line)"
            let body = answer.body.map { ResponseBody(byteBuffer: ByteBuffer(string: $0)) } ?? ResponseBody()
            return (Response(status: HTTPResponse.Status(code: answer.status), headers: headers, body: body), name)
        case .notFound(let nearest):
            let hint = nearest.isEmpty ? "" : "; the nearest documented paths are " + nearest.joined(separator: ", ")
            return (Self.error(404, "ResourceNotFound", "no documented example answers \(method) \(path)\(hint)"), "-")
        case .methodNotAllowed(let allowed):
            var response = Self.error(
                405, "MethodNotAllowed", "\(path) is documented for \(allowed.joined(separator: ", ")), not \(method)")
            response.headers[.allow] = allowed.joined(separator: ", ")
            return (response, "-")
        case .examples(let positions):
            guard let position = positions.first else {
                return (Self.error(404, "ResourceNotFound", "no example"), "-")
            }
            let entry = catalog.entries[position]
            if configuration.validateRequests,
                let problem = validate(request, text: bodyText, parsed: parsed, entry: entry)
            {
                return (Self.error(400, "BadRequest", problem), entry.name)
            }
            coverage.record(entry.name)
            var response = serve(entry, authority: request.head.authority ?? request.headers[Self.hostHeader])
            if preferred == entry.name { response.headers[Self.preferenceAppliedHeader] = "example=\(entry.name)" }
            return (response, entry.name)
        }
    }

    /// The documented response: byte for byte when serving verbatim, otherwise as the catalog prepared it, with
    /// a redirect to another host pointed at the mock itself.
    private func serve(_ entry: MockCatalog.Entry, authority: String?) -> Response {
        var response = Self.response(entry.response)
        response.headers[Self.exampleHeader] = entry.name
        response.headers[Self.sourceHeader] = entry.source
        if !configuration.verbatim, (300..<400).contains(entry.response.status),
            let location = response.headers[.location], Self.isOffHost(location, authority: authority)
        {
            let target = "\(Self.redirectPrefix)\(entry.position)"
            response.headers[.location] = authority.map { "http://\($0)\(target)" } ?? target
            response.headers[Self.adjustedHeader] = "location"
        }
        return response
    }

    /// A catalog response as an HTTP response, with `X-Specmark-Adjusted` naming what differs from the page.
    private static func response(_ documented: MockCatalog.Response) -> Response {
        var headers = HTTPFields()
        for header in documented.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        if let adjusted = documented.adjustedHeader { headers[adjustedHeader] = adjusted }
        let body = documented.body.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
        return Response(
            status: HTTPResponse.Status(code: documented.status, reasonPhrase: documented.reason),
            headers: headers, body: body)
    }

    /// Whether a `Location` points away from the mock: an absolute URL whose host is not the one the client used.
    static func isOffHost(_ location: String, authority: String?) -> Bool {
        let lowered = location.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        let rest = lowered.drop { $0 != "/" }.dropFirst(2)
        let host = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        return host != authority?.lowercased()
    }

    /// The answer at a redirect's address on the mock: the documented answer after the redirect, or an empty CSV.
    private func redirectTarget(path: String, method: String) -> (Response, String) {
        guard method == "GET" || method == "HEAD" else {
            return (Self.error(405, "MethodNotAllowed", "\(path) answers GET only"), "-")
        }
        guard let position = Int(path.dropFirst(Self.redirectPrefix.count)), catalog.entries.indices.contains(position)
        else {
            return (Self.error(404, "ResourceNotFound", "\(path) is no redirect this mock made"), "-")
        }
        let entry = catalog.entries[position]
        var response: Response
        if let target = entry.redirectTarget {
            response = Self.response(target)
        } else {
            var headers = HTTPFields()
            headers[.contentType] = "text/csv"
            headers[Self.adjustedHeader] = "body"
            response = Response(status: .ok, headers: headers, body: ResponseBody())
        }
        response.headers[Self.exampleHeader] = entry.name
        response.headers[Self.sourceHeader] = "\(entry.file):\(entry.line)"
        return (response, entry.name)
    }

    /// Why the docs would reject this request, or nil.
    private func validate(
        _ request: Request, text: String, parsed: JSONParseResult?, entry: MockCatalog.Entry
    ) -> String? {
        guard !text.isEmpty else { return nil }
        guard let contentType = request.headers[.contentType] else {
            return "the request has a body but no Content-Type header"
        }
        let mediaType = contentType.split(separator: ";").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        guard mediaType.hasSuffix("json") else { return nil }
        guard let parsed, let value = parsed.value else {
            let detail = parsed?.error.map { " (\($0.message) at \($0.position))" } ?? ""
            return "the request body is not valid JSON\(detail)"
        }
        guard !entry.documentedBodyProperties.isEmpty, let members = value.members else { return nil }
        // Property names compare without case, as the service reads them (`SaveToSentItems`), and what the
        // example's own body sends is documented by the example.
        let known = Set(
            (Array(entry.documentedBodyProperties) + (entry.requestBody?.members?.map(\.key) ?? [])).map {
                $0.lowercased()
            })
        let undocumented = members.map(\.key).filter { !$0.contains("@") && !known.contains($0.lowercased()) }
        guard undocumented.isEmpty else {
            return "the Request body table does not document \(undocumented.map { "'\($0)'" }.joined(separator: ", "))"
        }
        return nil
    }

    // MARK: - Control endpoints

    private func control(path: String, method: String) -> Response {
        guard method == "GET" else { return Self.error(405, "MethodNotAllowed", "\(path) answers GET only") }
        switch path {
        case "/__specmark/health":
            return Self.json("{\"status\":\"ok\",\"examples\":\(catalog.entries.count)}")
        case "/__specmark/coverage":
            let counts = coverage.counts
            let examples = catalog.entries.map { entry in
                "{\"name\":\(quotedJSON(entry.name)),\"file\":\(quotedJSON(entry.file)),\"line\":\(entry.line),\"method\":\(quotedJSON(entry.method)),\"path\":\(quotedJSON(entry.examplePath.path)),\"hits\":\(counts[entry.name] ?? 0)}"
            }
            let never = catalog.entries.filter { (counts[$0.name] ?? 0) == 0 }.map { quotedJSON($0.name) }
            let served = catalog.entries.count - never.count
            // Declared paths without an example, answered from the metadata (with --metadata).
            let synthesized = catalog.synthesizedRoutes.map { route in
                let hits = counts["synthesized:\(route.method) \(route.template.path)"] ?? 0
                return
                    "{\"method\":\(quotedJSON(route.method)),\"path\":\(quotedJSON(route.template.path)),\"file\":\(quotedJSON(route.file)),\"line\":\(route.line),\"hits\":\(hits)}"
            }
            return Self.json(
                "{\"examples\":[\(examples.joined(separator: ","))],\"served\":\(served),\"neverHit\":[\(never.joined(separator: ","))],\"synthesized\":[\(synthesized.joined(separator: ","))]}"
            )
        case "/__specmark/openapi.json":
            guard let document = configuration.openAPIDocument?.text else {
                return Self.error(404, "ResourceNotFound", "this server was started without an OpenAPI document")
            }
            return Self.json(document)
        default:
            return Self.error(
                404, "ResourceNotFound",
                "\(path) is not a Specmark endpoint (try /__specmark/health, /__specmark/coverage or /__specmark/openapi.json)"
            )
        }
    }

    private func tooLarge() -> Response {
        Self.error(
            413, "RequestEntityTooLarge", "the request body is larger than \(configuration.maximumBodySize) bytes")
    }

    /// `Prefer: example=get_user` (other preferences may share the header).
    static func preferredExample(_ header: String) -> String? {
        for preference in header.split(separator: ",") {
            let trimmed = String(preference).trimmingSpaces()
            if trimmed.hasPrefix("example=") {
                var name = String(trimmed.dropFirst("example=".count))
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                    name = String(name.dropFirst().dropLast())
                }
                return name
            }
        }
        return nil
    }

    static func json(_ text: String, status: Int = 200) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A Graph-style error: `{"error":{"code":…,"message":…}}`.
    static func error(_ status: Int, _ code: String, _ message: String) -> Response {
        json("{\"error\":{\"code\":\(quotedJSON(code)),\"message\":\(quotedJSON(message))}}", status: status)
    }
}

/// The mock could not start (the address is taken, the host cannot be bound).
public struct MockStartError: Error, CustomStringConvertible {
    public let description: String
}

/// Runs the mock for the duration of `body`, which receives the bound port; the server is shut down when `body`
/// returns or throws. Signals are left to the caller.
public func withMockServer<T: Sendable>(
    docs: DocSet, configuration: MockConfiguration, logger: Logger, coverage: MockCoverage = MockCoverage(),
    _ body: @escaping @Sendable (Int) async throws -> T
) async throws -> T {
    try await withRunningApplication(
        logger: logger,
        { onRunning in
            buildMockApplication(
                docs: docs, configuration: configuration, logger: logger, coverage: coverage, onServerRunning: onRunning
            )
        }, body)
}

/// Runs the application `build` makes (handing it the callback to call with the bound port) for the duration of
/// `body`, then shuts it down gracefully; an application that stops before listening surfaces its error.
public func withRunningApplication<App: ApplicationProtocol, T: Sendable>(
    logger: Logger, _ build: (@escaping @Sendable (Int) async -> Void) -> App,
    _ body: @escaping @Sendable (Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = build { port in
        continuation.yield(port)
        continuation.finish()
    }
    let services = ServiceGroup(
        configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await services.run()
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            // The server stopped before it was listening: surface its error.
            _ = try await group.next()
            throw MockStartError(description: "the server stopped before it was listening")
        }
        do {
            let result = try await body(port)
            await services.triggerGracefulShutdown()
            return result
        } catch {
            await services.triggerGracefulShutdown()
            throw error
        }
    }
}
