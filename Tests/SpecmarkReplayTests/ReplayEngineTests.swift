import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SpecmarkContract
import SpecmarkLint
import SpecmarkMock
import SpecmarkReport
import Synchronization
import Testing

@testable import SpecmarkReplay

@Suite struct ReplayEngineTests {
    static let quiet = Logger(label: "replay-test") { _ in SwiftLogNoOpLogHandler() }

    // MARK: - Against the mock

    /// Replays `docs` against Specmark's own mock on a free loopback port, the way `replay --mock` does.
    static func replayAgainstMock(_ docs: DocSet, rules: LintConfiguration = .default) async throws -> ReplayResult {
        try await withMockServer(
            docs: docs, configuration: MockConfiguration(host: "127.0.0.1", port: 0, verbatim: true), logger: quiet
        ) { port in
            var options = ReplayOptions(isLive: false)
            options.preferExample = true
            options.baseURLs = ["": "http://127.0.0.1:\(port)", "v1.0": "http://127.0.0.1:\(port)/v1.0"]
            options.rules = rules
            let plan = try ReplayPlan(docs: docs, options: options)
            return await ReplayEngine(docs: docs, options: options, logger: quiet).run(plan)
        }
    }

    @Test func everySampleExamplePassesAgainstTheMock() async throws {
        let docs = try await DocSet.load(
            [ReplayFixtures.samples.appendingPathComponent("v1.0").path], logger: Self.quiet, display: { $0 })
        let result = try await Self.replayAgainstMock(docs)
        #expect(result.cases.count == 6)
        #expect(result.cases.allSatisfy { $0.outcome == .passed }, "\(result.cases.map { "\($0.name): \($0.reason)" })")
        #expect(Set(result.cases.map(\.method)) == ["GET", "POST", "PATCH", "DELETE"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary == "6 examples: 6 passed, 0 failed, 0 skipped, 0 errors")
    }

    /// The defect pages contradict themselves in one place a replay can see: a documented body whose value
    /// contradicts the resource's property type (and the misspelt property, which is a warning).
    @Test func theDefectSamplesFailOnlyWhereTheDocsContradictThemselves() async throws {
        let docs = try await DocSet.load(
            [
                ReplayFixtures.samples.appendingPathComponent("defects").path,
                ReplayFixtures.samples.appendingPathComponent("v1.0/resources").path,
            ],
            logger: Self.quiet, display: { URL(fileURLWithPath: $0).lastPathComponent })
        let result = try await Self.replayAgainstMock(docs)
        let failed = result.cases.filter { $0.outcome != .passed }
        #expect(failed.map(\.name) == ["body_type_mismatch_get_sensordevice"])
        #expect(result.diagnostics.map(\.ruleID) == ["replay-property-type-mismatch", "replay-property-undeclared"])
        let location = try #require(result.diagnostics.first?.location)
        #expect(location.file == "body-type-mismatch.md")
        #expect(location.range.start.line == 77)
        #expect(location.range.start.column == 3)
    }

    /// Replay rules are configured like lint rules: at a warning the contradiction no longer fails the example,
    /// turned off it is not reported, and per-file overrides apply.
    @Test func replayFindingsTakeTheirConfiguredSeverity() async throws {
        let docs = try await DocSet.load(
            [
                ReplayFixtures.samples.appendingPathComponent("defects").path,
                ReplayFixtures.samples.appendingPathComponent("v1.0/resources").path,
            ],
            logger: Self.quiet, display: { URL(fileURLWithPath: $0).lastPathComponent })
        let warning = try await Self.replayAgainstMock(
            docs, rules: LintConfiguration(settings: ["replay-property-type-mismatch": .on(.warning)]))
        let contradictions = { (result: ReplayResult) in
            result.diagnostics.filter { $0.ruleID == "replay-property-type-mismatch" }
        }
        #expect(contradictions(warning).map(\.severity) == [.warning])
        #expect(warning.cases.allSatisfy { $0.outcome == .passed })
        let off = try await Self.replayAgainstMock(
            docs, rules: LintConfiguration(settings: ["replay-property-type-mismatch": .off]))
        #expect(contradictions(off).isEmpty)
        let overridden = try await Self.replayAgainstMock(
            docs,
            rules: LintConfiguration(overrides: [
                .init(files: [Glob("body-type-*.md")], settings: ["replay-property-type-mismatch": .off])
            ]))
        #expect(contradictions(overridden).isEmpty)
    }

    /// Every kind of replay finding is documented and configured by a replay rule of its id.
    @Test(arguments: ReplayFinding.allCases)
    func everyReplayFindingHasItsRule(_ kind: ReplayFinding) {
        let rules = BuiltInRules.replay.filter { $0.description.id == kind.ruleID }
        #expect(rules.count == 1)
        #expect(rules.first?.description.family == .replay)
        #expect(BuiltInRules.replay.count == ReplayFinding.allCases.count)
    }

    /// A request with no response example of its own, which the mock answers with a 404 (no other example has its
    /// path), is skipped against the mock; when another page's example answers it, it is checked as usual.
    @Test func requestsWithoutAResponseExampleAreSkippedAgainstTheMock() async throws {
        /// A page declaring `declared`, with request examples `(name, request line)`; those with a body are
        /// followed by a 200 response carrying it.
        func page(_ declared: [String], _ examples: [(name: String, request: String, body: String?)]) -> String {
            var text = "## HTTP request\n```http\n" + declared.joined(separator: "\n") + "\n```\n## Examples\n"
            for example in examples {
                text += "<!-- { \"blockType\": \"request\", \"name\": \"\(example.name)\" } -->\n"
                text += "```http\n\(example.request)\n```\n"
                if let body = example.body {
                    text += "<!-- { \"blockType\": \"response\" } -->\n"
                    text += "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n\(body)\n```\n"
                }
            }
            return text
        }
        let widgets = page(
            ["GET /widgets/{id}", "GET /gadgets/{id}"],
            [
                ("get_gadget", "GET https://graph.microsoft.com/v1.0/gadgets/1", nil),
                ("get_widget", "GET https://graph.microsoft.com/v1.0/widgets/1", #"{ "id": "1" }"#),
            ])
        let result = try await Self.replayAgainstMock(ReplayFixtures.docSet([("v1.0/api/widget-get.md", widgets)]))
        #expect(result.cases.map(\.name) == ["get_gadget", "get_widget"])
        #expect(result.cases.map(\.outcome) == [.skipped, .passed])
        #expect(
            result.cases.first?.reason
                == "no response example answers this request, so the mock has none to serve (see example-request-unpaired)"
        )
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary == "2 examples: 1 passed, 0 failed, 1 skipped, 0 errors")

        // Another page documents a gadget's response: the mock serves it, and the unpaired request is checked.
        let gadget = page(
            ["GET /gadgets/{id}"],
            [("get_gadget_elsewhere", "GET https://graph.microsoft.com/v1.0/gadgets/2", #"{ "id": "2" }"#)])
        let answered = try await Self.replayAgainstMock(
            ReplayFixtures.docSet([("v1.0/api/widget-get.md", widgets), ("v1.0/api/gadget-get.md", gadget)]))
        #expect(answered.cases.map(\.outcome) == [.passed, .passed, .passed])

        // Documented for GET only: the mock's 405 to an unpaired DELETE is skipped the same way.
        let delete = widgets.replacingOccurrences(
            of: "GET https://graph.microsoft.com/v1.0/gadgets/1",
            with: "DELETE https://graph.microsoft.com/v1.0/gadgets/2")
        let notAllowed = try await Self.replayAgainstMock(
            ReplayFixtures.docSet([("v1.0/api/widget-get.md", delete), ("v1.0/api/gadget-get.md", gadget)]))
        #expect(notAllowed.cases.map(\.outcome) == [.skipped, .passed, .passed])
        #expect(notAllowed.cases.first?.status == 405)
    }

    // MARK: - Against a service that deviates

    static let deviations = [
        "get_ok", "get_status", "get_missing", "get_type", "get_extra", "get_content_type", "get_throttled",
        "get_always_throttled", "get_hang", "get_reset", "get_huge",
    ]

    struct Reset: Error {}

    /// `hangReleased` ends the hanging example's wait once the replay is over, so the server can stop.
    static func deviatingRouter(log: RequestLog, hangReleased: Gate) -> Router<BasicRequestContext> {
        let router = Router()
        let throttled = Mutex(0)
        router.middlewares.add(LoggingMiddleware(log: log))
        router.get("/v1.0/widgets/get_ok") { _, _ in ReplayFixtures.json(ReplayFixtures.widgetBody) }
        router.get("/v1.0/widgets/get_status") { _, _ in
            ReplayFixtures.json(#"{"error":{"code":"NotFound"}}"#, status: .notFound)
        }
        router.get("/v1.0/widgets/get_missing") { _, _ in ReplayFixtures.json(#"{"id":"w1","count":3}"#) }
        router.get("/v1.0/widgets/get_type") { _, _ in ReplayFixtures.json(#"{"id":"w1","name":"first","count":"3"}"#) }
        router.get("/v1.0/widgets/get_extra") { _, _ in
            ReplayFixtures.json(#"{"id":"w1","name":"first","count":3,"colour":"red"}"#)
        }
        router.get("/v1.0/widgets/get_content_type") { _, _ in
            ReplayFixtures.json(ReplayFixtures.widgetBody, headers: [.contentType: "text/plain"])
        }
        router.get("/v1.0/widgets/get_throttled") { _, _ in
            let attempt = throttled.withLock { count in
                count += 1
                return count
            }
            return attempt == 1
                ? ReplayFixtures.json("{}", status: .tooManyRequests, headers: [HTTPField.Name("Retry-After")!: "0"])
                : ReplayFixtures.json(ReplayFixtures.widgetBody)
        }
        router.get("/v1.0/widgets/get_always_throttled") { _, _ in
            ReplayFixtures.json("{}", status: .tooManyRequests, headers: [HTTPField.Name("Retry-After")!: "0"])
        }
        router.get("/v1.0/widgets/get_hang") { _, _ in
            // Longer than any replay timeout, until the test lets go (at most a minute).
            for _ in 0..<1200 where !hangReleased.isOpen {
                try? await Task.sleep(for: .milliseconds(50))
            }
            return ReplayFixtures.json(ReplayFixtures.widgetBody)
        }
        router.get("/v1.0/widgets/get_reset") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .contentLength: "1000"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: #"{"id":"w1","#))
                    throw Reset()
                })
        }
        router.get("/v1.0/widgets/get_huge") { _, _ in
            let filler = String(repeating: "x", count: 3 << 20)
            return ReplayFixtures.json(#"{"id":"w1","name":"\#(filler)","count":3}"#)
        }
        return router
    }

    /// A flag one task sets and others read.
    final class Gate: Sendable {
        private let state = Atomic<Bool>(false)
        var isOpen: Bool { state.load(ordering: .acquiring) }
        func open() { state.store(true, ordering: .releasing) }
    }

    struct LoggingMiddleware: RouterMiddleware {
        let log: RequestLog

        func handle(
            _ request: Request, context: BasicRequestContext,
            next: (Request, BasicRequestContext) async throws -> Response
        ) async throws -> Response {
            log.record(request)
            return try await next(request, context)
        }
    }

    @Test func eachDeviationIsReportedOnceAtTheDocumentedLine() async throws {
        let page = ReplayFixtures.widgetPage(Self.deviations)
        let docs = ReplayFixtures.docSet([
            ("v1.0/api/widget-get.md", page), ("v1.0/resources/widget.md", ReplayFixtures.widgetResource),
        ])
        #expect(docs.resource(named: "microsoft.graph.widget") != nil)
        let log = RequestLog()
        let hangReleased = Gate()
        let result = try await withTestServer(Self.deviatingRouter(log: log, hangReleased: hangReleased)) { port in
            let options = ReplayOptions(
                // The hanging example ends at the timeout; the others answer well within it.
                baseURLs: ["v1.0": "http://127.0.0.1:\(port)/v1.0"], timeout: .seconds(2),
                maximumRetryWait: .milliseconds(20), maximumBodySize: 1 << 20)
            let plan = try ReplayPlan(docs: docs, options: options)
            let result = await ReplayEngine(docs: docs, options: options, logger: Self.quiet).run(plan)
            hangReleased.open()
            return result
        }

        // Every example ends with exactly one outcome, and the counts add up.
        #expect(result.cases.map(\.name) == Self.deviations)
        let outcomes = Dictionary(uniqueKeysWithValues: result.cases.map { ($0.name, $0.outcome) })
        #expect(outcomes["get_ok"] == .passed)
        #expect(outcomes["get_extra"] == .passed)  // an undeclared property is a warning
        #expect(outcomes["get_throttled"] == .passed)
        for name in ["get_status", "get_missing", "get_type", "get_content_type"] {
            #expect(outcomes[name] == .failed, "\(name)")
        }
        for name in ["get_always_throttled", "get_hang", "get_reset", "get_huge"] {
            #expect(outcomes[name] == .error, "\(name)")
        }
        #expect(result.count(.passed) + result.count(.failed) + result.count(.skipped) + result.count(.error) == 11)
        #expect(result.summary == "11 examples: 3 passed, 4 failed, 0 skipped, 4 errors")

        // Exactly one finding per deviation, each at the documented line concerned.
        func line(_ needle: String, _ example: String) -> Int? {
            ReplayFixtures.line(needle, in: page, after: "widgets/\(example)")
        }
        let expected: [(rule: String, example: String, line: Int?, column: Int)] = [
            ("replay-status-mismatch", "get_status", line("HTTP/1.1 200 OK", "get_status"), 1),
            ("replay-property-missing", "get_missing", line("\"name\"", "get_missing"), 3),
            ("replay-property-type-mismatch", "get_type", line("\"count\"", "get_type"), 3),
            // An undeclared property is reported at the body's `{`, the line above its first key.
            ("replay-property-undeclared", "get_extra", line("\"id\"", "get_extra").map { $0 - 1 }, 1),
            ("replay-content-type-mismatch", "get_content_type", line("Content-Type", "get_content_type"), 1),
            ("replay-request-failed", "get_always_throttled", line("GET https", "get_always_throttled") ?? 0 - 1, 1),
            ("replay-request-failed", "get_hang", line("GET https", "get_hang") ?? 0 - 1, 1),
            ("replay-request-failed", "get_reset", line("GET https", "get_reset") ?? 0 - 1, 1),
            ("replay-request-failed", "get_huge", line("GET https", "get_huge") ?? 0 - 1, 1),
        ]
        let diagnostics = result.diagnostics
        #expect(diagnostics.count == expected.count, "\(diagnostics.map { "\($0.ruleID) \($0.message)" })")
        for entry in expected {
            let matching = result.cases.first { $0.name == entry.example }?.diagnostics ?? []
            #expect(matching.count == 1, "\(entry.example)")
            #expect(matching.first?.ruleID == entry.rule, "\(entry.example)")
            let requestLine = ReplayFixtures.line("widgets/\(entry.example)", in: page)
            let wantedLine = entry.rule == "replay-request-failed" ? requestLine : entry.line
            #expect(matching.first?.location.range.start.line == wantedLine, "\(entry.example)")
            #expect(matching.first?.location.range.start.column == entry.column, "\(entry.example)")
            #expect(matching.first?.location.file == "v1.0/api/widget-get.md")
        }

        // The actual value is in the message.
        let messages = Dictionary(
            uniqueKeysWithValues: result.cases.map { ($0.name, $0.diagnostics.first?.message ?? $0.reason) })
        #expect(messages["get_status"]?.contains("answered 404") == true)
        #expect(messages["get_type"]?.contains("the string \"3\"") == true)
        #expect(messages["get_content_type"]?.contains("text/plain") == true)
        #expect(messages["get_extra"]?.contains("$.colour") == true)
        #expect(messages["get_always_throttled"]?.contains("gave up after 3 attempts") == true)
        #expect(messages["get_hang"]?.contains("within") == true)
        #expect(messages["get_reset"]?.contains("closed the connection") == true, "\(messages["get_reset"] ?? "")")
        #expect(messages["get_huge"]?.contains("--max-body-size") == true)

        // Retries: 429 twice for the throttled example (once, then 200), three times for the always-throttled.
        #expect(result.cases.first { $0.name == "get_throttled" }?.attempts == 2)
        #expect(log.count("GET /v1.0/widgets/get_throttled") == 2)
        #expect(log.count("GET /v1.0/widgets/get_always_throttled") == 3)
        #expect(log.count("GET /v1.0/widgets/get_hang") == 1)
        #expect(log.count("GET /v1.0/widgets/get_reset") == 3)
        #expect(log.count("GET /v1.0/widgets/get_huge") == 1)
        // Failed cases count their attempts too.
        let attempts = Dictionary(uniqueKeysWithValues: result.cases.map { ($0.name, $0.attempts) })
        #expect(attempts["get_always_throttled"] == 3)
        #expect(attempts["get_reset"] == 3)
        #expect(attempts["get_hang"] == 1)
        #expect(attempts["get_huge"] == 1)
        #expect(messages["get_reset"]?.hasSuffix("(3 attempts)") == true)
        #expect(messages["get_hang"]?.contains("attempts") == false)
    }

    // MARK: - Secrets

    @Test func secretsNeverReachAnyOutput() async throws {
        let token = "tok-SECRET-1f2e3d4c5b6a"
        let key = "key-SECRET-9a8b7c6d"
        let page = ReplayFixtures.widgetPage(["get_echo", "get_gone"])
        let docs = ReplayFixtures.docSet([
            ("v1.0/api/widget-get.md", page), ("v1.0/resources/widget.md", ReplayFixtures.widgetResource),
        ])
        let received = Mutex<[String]>([])
        let router = Router()
        router.get("/v1.0/widgets/get_echo") { request, _ in
            let authorization = request.headers[.authorization] ?? ""
            let apiKey = request.headers[HTTPField.Name("X-Api-Key")!] ?? ""
            received.withLock { $0 += [authorization, apiKey] }
            // The credentials echoed in a header, a value of the wrong type, an extra property and an error text.
            return ReplayFixtures.json(
                #"{"id":"w1","name":"\#(authorization)","count":"\#(apiKey)","\#(apiKey)":1}"#,
                headers: [HTTPField.Name("X-Echo")!: authorization])
        }
        router.get("/v1.0/widgets/get_gone") { request, _ in
            ReplayFixtures.json(
                #"{"error":"bad key \#(request.headers[HTTPField.Name("X-Api-Key")!] ?? "")"}"#, status: .unauthorized)
        }
        let capture = LogCapture()
        let recordings = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-har-\(UUID())")
        defer { try? FileManager.default.removeItem(at: recordings) }
        let result = try await withTestServer(router) { port in
            let options = ReplayOptions(
                baseURLs: ["v1.0": "http://127.0.0.1:\(port)/v1.0"], token: Secret(token),
                extraHeaders: [(name: "X-Api-Key", value: Secret(key))], recordDirectory: recordings.path)
            let plan = try ReplayPlan(docs: docs, options: options)
            return await ReplayEngine(docs: docs, options: options, logger: capture.logger()).run(plan)
        }
        // They were sent…
        #expect(received.withLock { $0 } == ["Bearer \(token)", key])
        // …and found wrong: the type mismatch names the value, redacted.
        let echo = try #require(result.cases.first { $0.name == "get_echo" })
        #expect(echo.outcome == .failed)
        #expect(echo.diagnostics.contains { $0.message.contains("the string \"[REDACTED]\"") })

        var outputs = [capture.text, "\(result)", "\(Secret(token))"]
        let input = result.reportInput(root: "/")
        for format in ReportFormat.allCases { outputs.append(format.render(input)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: recordings.path)
        #expect(files.sorted() == ["get_echo.har", "get_gone.har"])
        for file in files {
            outputs.append(try String(contentsOfFile: recordings.appendingPathComponent(file).path, encoding: .utf8))
        }
        for output in outputs {
            #expect(!output.contains(token))
            #expect(!output.contains(key))
            #expect(!output.contains("SECRET"))
        }
        #expect(outputs.last?.contains("[REDACTED]") == true)
    }

    // MARK: - Safety

    static let writesPage = """
        # Widgets
        ## Examples
        <!-- { "blockType": "request", "name": "list_widgets" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        { "value": [] }
        ```
        <!-- { "blockType": "request", "name": "create_widget" } -->
        ```http
        POST https://graph.microsoft.com/v1.0/widgets
        Content-Type: application/json

        { "name": "new" }
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 201 Created
        Content-Type: application/json

        { "id": "abc123", "name": "new" }
        ```
        <!-- { "blockType": "request", "name": "update_widget" } -->
        ```http
        PATCH https://graph.microsoft.com/v1.0/widgets/{id}
        Content-Type: application/json

        { "name": "renamed" }
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 204 No Content
        ```
        <!-- { "blockType": "request", "name": "delete_widget" } -->
        ```http
        DELETE https://graph.microsoft.com/v1.0/widgets/{id}
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 204 No Content
        ```
        """

    static func writesRouter(log: RequestLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(LoggingMiddleware(log: log))
        router.get("/v1.0/widgets") { _, _ in ReplayFixtures.json(#"{"value":[]}"#) }
        router.post("/v1.0/widgets") { _, _ in ReplayFixtures.json(#"{"id":"abc123","name":"new"}"#, status: .created) }
        router.patch("/v1.0/widgets/:id") { _, _ in Response(status: .noContent) }
        router.delete("/v1.0/widgets/:id") { _, _ in Response(status: .noContent) }
        return router
    }

    static func replayWrites(
        _ options: @escaping @Sendable (Int) -> ReplayOptions
    ) async throws -> (ReplayResult, RequestLog) {
        let docs = ReplayFixtures.docSet([("v1.0/api/widgets.md", writesPage)])
        let log = RequestLog()
        let result = try await withTestServer(writesRouter(log: log)) { port in
            let options = options(port)
            let plan = try ReplayPlan(docs: docs, options: options)
            return await ReplayEngine(docs: docs, options: options, logger: Self.quiet).run(plan)
        }
        return (result, log)
    }

    @Test func noMutatingRequestReachesALiveServiceWithoutAllowWrites() async throws {
        let (result, log) = try await Self.replayWrites { port in
            ReplayOptions(
                baseURLs: ["": "http://127.0.0.1:\(port)/v1.0"], parameters: ReplayParameters(values: ["id": "abc123"]))
        }
        #expect(log.all == ["GET /v1.0/widgets"])
        #expect(result.cases.map(\.outcome) == [.passed, .skipped, .skipped, .skipped])
        for skipped in result.cases.dropFirst() {
            #expect(skipped.reason == "\(skipped.method) is not sent to a live service without --allow-writes")
            #expect(skipped.attempts == 0)
        }
        #expect(result.summary == "4 examples: 1 passed, 0 failed, 3 skipped, 0 errors")
    }

    @Test func allowPatternsNarrowWhichWritesAreSent() async throws {
        let (result, log) = try await Self.replayWrites { port in
            ReplayOptions(
                baseURLs: ["": "http://127.0.0.1:\(port)/v1.0"], parameters: ReplayParameters(values: ["id": "abc123"]),
                allowWrites: true, allowPatterns: ["update_*", "DELETE"])
        }
        #expect(Set(log.all) == ["GET /v1.0/widgets", "PATCH /v1.0/widgets/abc123", "DELETE /v1.0/widgets/abc123"])
        let create = try #require(result.cases.first { $0.name == "create_widget" })
        #expect(create.outcome == .skipped)
        #expect(create.reason == "POST example 'create_widget' is not matched by any --allow pattern")
        #expect(result.count(.passed) == 3)
    }

    @Test func aPlaceholderWithoutAValueSkipsTheExampleInsteadOfSendingIt() async throws {
        let (result, log) = try await Self.replayWrites { port in
            ReplayOptions(baseURLs: ["": "http://127.0.0.1:\(port)/v1.0"], allowWrites: true)
        }
        #expect(!log.all.contains { $0.hasPrefix("PATCH") || $0.hasPrefix("DELETE") })
        let update = try #require(result.cases.first { $0.name == "update_widget" })
        #expect(update.outcome == .skipped)
        #expect(update.reason == "no value for {id} (set it in --params)")
    }

    // MARK: - Parameters and captures

    @Test func aCapturedIdFeedsTheExamplesThatRunAfterIt() async throws {
        let parameters = ReplayParameters(examples: [
            "create_widget": .init(capture: ["widgetId": "$.id"]),
            "update_widget": .init(values: ["id": "${widgetId}"]),
            "delete_widget": .init(values: ["id": "${widgetId}"], after: ["update_widget"]),
        ])
        let docs = ReplayFixtures.docSet([("v1.0/api/widgets.md", Self.writesPage)])
        let plan = try ReplayPlan(docs: docs, options: ReplayOptions(parameters: parameters, allowWrites: true))
        #expect(
            plan.levels.map { $0.map { plan.cases[$0].name } } == [
                ["list_widgets", "create_widget"], ["update_widget"], ["delete_widget"],
            ])
        let (result, log) = try await Self.replayWrites { port in
            ReplayOptions(baseURLs: ["": "http://127.0.0.1:\(port)/v1.0"], parameters: parameters, allowWrites: true)
        }
        #expect(result.count(.passed) == 4)
        let writes = log.all.filter { !$0.hasPrefix("GET") }
        #expect(writes == ["POST /v1.0/widgets", "PATCH /v1.0/widgets/abc123", "DELETE /v1.0/widgets/abc123"])
    }

    @Test func aDependencyCycleIsAPlanError() throws {
        let parameters = ReplayParameters(examples: [
            "create_widget": .init(after: ["delete_widget"]),
            "delete_widget": .init(after: ["create_widget"]),
        ])
        let docs = ReplayFixtures.docSet([("v1.0/api/widgets.md", Self.writesPage)])
        #expect(throws: ReplayPlan.PlanError.self) {
            try ReplayPlan(docs: docs, options: ReplayOptions(parameters: parameters))
        }
    }

    @Test func parametersFileErrorsNameTheLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-params-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.yml")
        try """
        values:
          id: abc123
        examples:
          create_widget:
            capture: { widgetId: $.id }
          delete_widget:
            after: create_widget
            values: { id: "${widgetId}" }
        """.write(to: good, atomically: true, encoding: .utf8)
        let parameters = try ReplayParameters.load(good.path)
        #expect(parameters.values == ["id": "abc123"])
        #expect(parameters.examples["create_widget"]?.capture == ["widgetId": "$.id"])
        #expect(parameters.examples["delete_widget"]?.after == ["create_widget"])
        #expect(parameters.values(for: "delete_widget", captured: ["widgetId": "w9"])["id"] == "w9")

        let bad = directory.appendingPathComponent("bad.yml")
        try "values:\n  id: abc\nexamples:\n  create_widget:\n    captures: {}\n".write(
            to: bad, atomically: true, encoding: .utf8)
        #expect {
            try ReplayParameters.load(bad.path)
        } throws: { error in
            "\(error)" == "\(bad.path):5: unknown key 'captures' (values, capture, after)"
        }
    }

    @Test func substitutionFillsPlaceholdersAndDocumentedIds() {
        let values = ["id": "real", "user-id": "u1", "6f1c2a3b-0d4e": "replaced"]
        #expect(
            ReplayParameters.substitute("/users/{user-id}/items/{id}", values: values).text == "/users/u1/items/real")
        #expect(ReplayParameters.substitute("/items/{id|name}", values: values).text == "/items/real")
        #expect(ReplayParameters.substitute("/things/6f1c2a3b-0d4e", values: values).text == "/things/replaced")
        #expect(ReplayParameters.substitute("/groups/{group-id}", values: values).unresolved == ["group-id"])
    }
}
