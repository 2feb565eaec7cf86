import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import Synchronization

/// How one example ended. Every example ends with exactly one outcome.
public enum ReplayOutcome: String, Sendable, Hashable {
    case passed, failed, skipped, error
}

/// One example's replay.
public struct ReplayCaseResult: Sendable {
    public var name: String
    public var file: String
    public var line: Int
    public var method: String
    /// The URL sent (secrets redacted), or the documented target when nothing was sent.
    public var url: String
    public var outcome: ReplayOutcome
    /// Why it was skipped or errored, or a summary of what failed.
    public var reason: String
    public var status: Int?
    /// Mismatches, anchored in the documented response.
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    public var attempts: Int
}

/// A whole run.
public struct ReplayResult: Sendable {
    public var cases: [ReplayCaseResult]

    public func count(_ outcome: ReplayOutcome) -> Int { cases.filter { $0.outcome == outcome }.count }

    /// `6 examples: 5 passed, 1 failed, 0 skipped, 0 errors`.
    public var summary: String {
        "\(cases.count) \(cases.count == 1 ? "example" : "examples"): \(count(.passed)) passed, \(count(.failed)) failed, \(count(.skipped)) skipped, \(count(.error)) \(count(.error) == 1 ? "error" : "errors")"
    }

    /// Every mismatch, in report order.
    public var diagnostics: [Diagnostic] {
        var all = cases.flatMap(\.diagnostics)
        all.sort(by: Diagnostic.sourceOrder)
        Fingerprints.assign(&all)
        return all
    }
}

/// Sends documented requests and compares what comes back with the docs.
///
/// Against a live service only GET and HEAD are sent unless writes are allowed; 429 and 503 are retried
/// honouring `Retry-After`, connection errors with jittered backoff, both a bounded number of times; response
/// bodies are capped; every example ends with exactly one outcome. The `HTTPClient` it creates is shut down
/// before `run` returns, on every path.
public struct ReplayEngine: Sendable {
    public let docs: DocSet
    public let options: ReplayOptions
    public let logger: Logger
    /// The rule that documents each kind of finding, whose configured severity the finding gets.
    private let rules: [ReplayFinding: RuleDescription]

    public init(docs: DocSet, options: ReplayOptions, logger: Logger) {
        self.docs = docs
        self.options = options
        self.logger = logger
        var rules: [ReplayFinding: RuleDescription] = [:]
        for kind in ReplayFinding.allCases {
            if let rule = BuiltInRules.rule(withID: kind.ruleID) { rules[kind] = rule.description }
        }
        self.rules = rules
    }

    /// The diagnostics for what a comparison found, at the severities configured for their rules; an issue whose
    /// rule is off in its file is dropped.
    func diagnostics(_ issues: [ReplayIssue]) -> [Diagnostic] {
        issues.compactMap { issue in
            guard let rule = rules[issue.kind],
                let severity = options.rules.severity(for: rule, in: issue.location.file)
            else { return nil }
            return Diagnostic(
                ruleID: issue.kind.ruleID, severity: severity, message: redact(issue.message),
                location: issue.location, anchor: issue.anchor)
        }
    }

    /// Runs the plan.
    public func run(_ plan: ReplayPlan) async -> ReplayResult {
        var configuration = HTTPClient.Configuration(
            // A redirect is an answer to compare with the docs (downloads document 302), not something to follow.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: Self.timeAmount(options.timeout)))
        configuration.httpVersion = .automatic
        // Connection failures are retried here, a bounded number of times with backoff, not until a timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, options.concurrency)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result = await execute(plan, client: client)
        do {
            try await client.shutdown()
        } catch {
            logger.debug("HTTP client shutdown failed", metadata: ["error": "\(error)"])
        }
        return result
    }

    private func execute(_ plan: ReplayPlan, client: HTTPClient) async -> ReplayResult {
        let started = ContinuousClock.now
        let deadline = options.deadline.map { started + $0 }
        var results = [ReplayCaseResult?](repeating: nil, count: plan.cases.count)
        var captured: [String: String] = [:]
        let recorder = options.recordDirectory.map { HARRecorder(directory: $0, secrets: options.secrets) }
        for level in plan.levels {
            let snapshot = captured
            let finished = results
            let outcomes = await concurrentMap(level, maxConcurrency: max(1, options.concurrency)) {
                index -> (ReplayCaseResult, [String: String]) in
                let entry = plan.cases[index]
                if let failed = entry.dependencies.first(where: { finished[$0]?.outcome != .passed }) {
                    return (self.skipped(entry, "it depends on '\(plan.cases[failed].name)', which did not pass"), [:])
                }
                if let deadline, ContinuousClock.now >= deadline {
                    return (self.skipped(entry, "the --deadline passed before it started"), [:])
                }
                return await self.replay(
                    entry, captured: snapshot, client: client, deadline: deadline, recorder: recorder)
            }
            for (offset, index) in level.enumerated() {
                results[index] = outcomes[offset].0
                captured.merge(outcomes[offset].1) { _, new in new }
            }
        }
        return ReplayResult(cases: results.compactMap { $0 })
    }

    // MARK: - One example

    private func skipped(_ entry: ReplayCase, _ reason: String) -> ReplayCaseResult {
        let page = docs.pages[entry.page]
        let request = page.requests[entry.request]
        return ReplayCaseResult(
            name: entry.name, file: page.file,
            line: request.message.requestLine?.range.start.line ?? request.range.start.line, method: entry.method,
            url: redact(request.message.requestLine?.target ?? ""), outcome: .skipped, reason: reason, status: nil,
            diagnostics: [], seconds: 0, attempts: 0)
    }

    private func replay(
        _ entry: ReplayCase, captured: [String: String], client: HTTPClient, deadline: ContinuousClock.Instant?,
        recorder: HARRecorder?
    ) async -> (ReplayCaseResult, [String: String]) {
        if let reason = entry.skipReason { return (skipped(entry, reason), [:]) }
        let page = docs.pages[entry.page]
        let request = page.requests[entry.request]
        let values = options.parameters.values(for: entry.name, captured: captured)
        let prepared: PreparedRequest
        switch prepare(request, name: entry.name, version: page.apiVersion, values: values) {
        case .success(let value): prepared = value
        case .failure(let problem): return (skipped(entry, problem.description), [:])
        }
        var result = ReplayCaseResult(
            name: entry.name, file: page.file,
            line: request.message.requestLine?.range.start.line ?? request.range.start.line, method: entry.method,
            url: redact(prepared.url), outcome: .error, reason: "", status: nil, diagnostics: [], seconds: 0,
            attempts: 0)
        let started = ContinuousClock.now
        var live: LiveResponse
        do {
            (live, result.attempts) = try await send(prepared, client: client, deadline: deadline)
            // A service echoing a credential must not put it in a finding, not even a truncated one.
            live = redact(live)
        } catch {
            result.attempts = error.attempts
            result.reason = redact(Self.describe(error.error, url: prepared.url, timeout: options.timeout))
            if error.attempts > 1 { result.reason += " (\(error.attempts) attempts)" }
            result.seconds = Self.seconds(since: started)
            result.diagnostics = diagnostics([failure(result.reason, page: page, request: entry.request)])
            recorder?.record(
                name: entry.name, request: prepared, response: nil, error: result.reason, seconds: result.seconds)
            logger.info("error \(entry.name): \(result.reason)")
            return (result, [:])
        }
        result.seconds = Self.seconds(since: started)
        result.status = live.status
        recorder?.record(name: entry.name, request: prepared, response: live, error: nil, seconds: result.seconds)
        if (live.status == 429 || live.status == 503) && result.attempts >= options.maximumAttempts {
            result.reason =
                "gave up after \(result.attempts) attempts: the service kept answering \(live.status)\(live.header("Retry-After").map { " (Retry-After: \($0))" } ?? "")"
            result.diagnostics = diagnostics([failure(result.reason, page: page, request: entry.request)])
            return (result, [:])
        }
        if !options.isLive, entry.responses.isEmpty, live.status == 404 || live.status == 405 {
            // The mock serves documented responses; none answers this request here or on another page (405: not
            // for this method), so its answer says nothing about the docs beyond what example-request-unpaired
            // reports.
            result.outcome = .skipped
            result.reason =
                "no response example answers this request, so the mock has none to serve (see example-request-unpaired)"
            return (result, [:])
        }
        // The documented response to compare with: the one with the status the service sent, else the first.
        let documentedIndex =
            entry.responses.first { page.responses[$0].status == live.status } ?? entry.responses.first
        if let documentedIndex {
            var comparison = ResponseComparison(
                docs: docs, page: page, response: documentedIndex, compare: options.compare)
            comparison.run(live)
            result.diagnostics = diagnostics(comparison.issues)
        } else if let stated = page.method?.response?.statuses.map(\.code), !stated.isEmpty,
            !stated.contains(live.status)
        {
            result.diagnostics = diagnostics([
                ReplayIssue(
                    .statusMismatch, .statusNotStated(live.status, stated),
                    at: SourceLocation(file: page.file, range: request.range),
                    anchor: "\(page.anchor(ofRequest: entry.request)):status")
            ])
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        result.outcome = errors.isEmpty ? .passed : .failed
        result.reason = errors.first?.message ?? ""
        logger.info("\(result.outcome.rawValue) \(entry.name) \(entry.method) \(result.url) \(live.status)")
        var captures: [String: String] = [:]
        if result.outcome == .passed, let rules = options.parameters.examples[entry.name]?.capture, !rules.isEmpty,
            let body = JSONParser.parse(String(decoding: live.body, as: UTF8.self)).value
        {
            for (variable, path) in rules {
                if let value = ReplayParameters.capture(path, from: body) { captures[variable] = value }
            }
        }
        return (result, captures)
    }

    /// The finding for an example that could not be completed, at its request line.
    private func failure(_ reason: String, page: PageContract, request index: Int) -> ReplayIssue {
        let request = page.requests[index]
        let range = request.message.requestLine?.range ?? request.range
        return ReplayIssue(
            .requestFailed, .requestFailed(page.label(ofRequest: index), reason),
            at: SourceLocation(file: page.file, range: range), anchor: "\(page.anchor(ofRequest: index)):request")
    }

    // MARK: - Building the request

    /// A request ready to send.
    struct PreparedRequest: Sendable {
        var method: String
        var url: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]?
    }

    /// Why a request cannot be built.
    struct PreparationProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// The request to send for `request`; an example without a version in its URL goes to `version`'s root.
    func prepare(
        _ request: RequestExample, name: String? = nil, version pageVersion: String? = nil, values: [String: String]
    ) -> Result<PreparedRequest, PreparationProblem> {
        guard let line = request.message.requestLine, let url = request.url else {
            return .failure(PreparationProblem(description: "the example has no readable request line"))
        }
        let version = url.apiVersion ?? pageVersion ?? ""
        guard let base = options.baseURLs[version] ?? options.baseURLs[""] else {
            return .failure(
                PreparationProblem(
                    description: "no --base-url for \(version.isEmpty ? "examples without a version" : version)"))
        }
        if url.host != nil, url.serviceRoot == nil, options.isLive {
            return .failure(
                PreparationProblem(description: "\(url.origin ?? "its host") is not a configured service root"))
        }
        var path = url.template.raw.trimmingSpaces()
        if !path.hasPrefix("/") { path = "/" + path }
        let substituted = ReplayParameters.substitute(path, values: values)
        if options.isLive, let missing = substituted.unresolved.first {
            return .failure(PreparationProblem(description: "no value for {\(missing)} (set it in --params)"))
        }
        var headers: [(name: String, value: String)] = []
        for header in request.message.headers.fields {
            let name = header.name.lowercased()
            if name == "authorization" || name == "host" || name == "content-length" { continue }
            headers.append((header.name, ReplayParameters.substitute(header.value, values: values).text))
        }
        if let token = options.token { headers.append(("Authorization", "Bearer \(token.value)")) }
        if options.preferExample, let name = name ?? request.name {
            // Added to the example's own preferences (`Prefer: outlook.timezone=…`), not beside them.
            if let index = headers.firstIndex(where: { $0.name.lowercased() == "prefer" }) {
                headers[index].value += ", example=\"\(name)\""
            } else {
                headers.append(("Prefer", "example=\"\(name)\""))
            }
        }
        for extra in options.extraHeaders {
            headers.removeAll { $0.name.lowercased() == extra.name.lowercased() }
            headers.append((extra.name, extra.value.value))
        }
        var body: [UInt8]?
        if let text = request.message.body?.text {
            body = Array(ReplayParameters.substitute(text, values: values).text.utf8)
        }
        return .success(
            PreparedRequest(
                method: line.method, url: base + Self.encoded(substituted.text), headers: headers, body: body))
    }

    /// Percent-encodes what cannot stand in a URL (spaces, braces, quotes, non-ASCII) and leaves the rest.
    static func encoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case 0x21, 0x24...0x3B, 0x3D, 0x3F...0x5A, 0x5F, 0x61...0x7A, 0x7E, 0x5B, 0x5D:
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    // MARK: - Sending

    /// Why sending failed, and how many attempts were made (connection errors of idempotent requests are retried).
    struct SendFailure: Error {
        var error: any Error
        var attempts: Int
    }

    /// Sends with retries; returns the last response and the attempts made, or throws a ``SendFailure``.
    private func send(
        _ prepared: PreparedRequest, client: HTTPClient, deadline: ContinuousClock.Instant?
    ) async throws(SendFailure)
        -> (LiveResponse, Int)
    {
        var attempt = 0
        while true {
            attempt += 1
            do {
                let response = try await sendOnce(prepared, client: client)
                if (response.status == 429 || response.status == 503) && attempt < options.maximumAttempts {
                    let wait = retryWait(response.header("Retry-After"), attempt: attempt)
                    if let deadline, ContinuousClock.now + wait >= deadline { return (response, attempt) }
                    logger.debug("retrying", metadata: ["status": "\(response.status)", "wait": "\(wait)"])
                    try await Task.sleep(for: wait)
                    continue
                }
                return (response, attempt)
            } catch let error
                where Self.isRetriable(error) && HTTPMethod.idempotent.contains(prepared.method)
                && attempt < options.maximumAttempts
            {
                // A POST whose connection dropped may have been applied: only idempotent methods are sent again.
                let wait = Self.backoff(attempt)
                if let deadline, ContinuousClock.now + wait >= deadline {
                    throw SendFailure(error: error, attempts: attempt)
                }
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw SendFailure(error: error, attempts: attempt)
                }
            } catch {
                throw SendFailure(error: error, attempts: attempt)
            }
        }
    }

    private func sendOnce(_ prepared: PreparedRequest, client: HTTPClient) async throws -> LiveResponse {
        var request = HTTPClientRequest(url: prepared.url)
        request.method = NIOHTTP1.HTTPMethod(rawValue: prepared.method)
        for header in prepared.headers { request.headers.add(name: header.name, value: header.value) }
        if let body = prepared.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let timeout = options.timeout
        let cap = options.maximumBodySize
        let ready = request
        return try await withTimeout(timeout) {
            let response = try await client.execute(ready, timeout: Self.timeAmount(timeout))
            let body = try await response.body.collect(upTo: cap)
            return LiveResponse(
                status: Int(response.status.code), reason: response.status.reasonPhrase,
                headers: response.headers.map { (name: $0.name, value: $0.value) }, body: Array(buffer: body))
        }
    }

    /// `Retry-After` in seconds (or an HTTP date), bounded; otherwise exponential backoff.
    private func retryWait(_ header: String?, attempt: Int) -> Duration {
        var wait = Self.backoff(attempt)
        if let header {
            if let seconds = Double(header.trimmingSpaces()) {
                wait = .milliseconds(Int(max(0, seconds) * 1000))
            } else if let date = Self.httpDate(header) {
                wait = .milliseconds(Int(max(0, date.timeIntervalSinceNow) * 1000))
            }
        }
        return min(wait, options.maximumRetryWait)
    }

    /// 200 ms, 400 ms, 800 ms… with ±25% jitter.
    static func backoff(_ attempt: Int) -> Duration {
        let base = 200.0 * pow(2.0, Double(max(0, attempt - 1)))
        return .milliseconds(Int(base * Double.random(in: 0.75...1.25)))
    }

    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingSpaces())
    }

    static func isRetriable(_ error: any Error) -> Bool {
        if let client = error as? HTTPClientError {
            return client == .remoteConnectionClosed || client == .connectTimeout
        }
        if error is ChannelError { return true }
        if let parser = error as? HTTPParserError, parser == .invalidEOFState { return true }
        let text = String(describing: error).lowercased()
        return text.contains("connection refused") || text.contains("connection reset") || text.contains("econnrefused")
    }

    /// A clear message for a transport failure, naming the host.
    static func describe(_ error: any Error, url: String, timeout: Duration) -> String {
        let host = URL(string: url)?.host ?? url
        if let timeout = error as? ReplayTimeout {
            return "no complete response from \(host) within \(timeout.duration)"
        }
        if error is NIOTooManyBytesError {
            return "the response body from \(host) is larger than the --max-body-size cap"
        }
        if let parser = error as? HTTPParserError, parser == .invalidEOFState {
            return "\(host) closed the connection before the response was complete"
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .remoteConnectionClosed: return "\(host) closed the connection before the response was complete"
            case .connectTimeout: return "connecting to \(host) timed out"
            case .readTimeout, .deadlineExceeded: return "no complete response from \(host) within \(timeout)"
            default: return "request to \(host) failed: \(client)"
            }
        }
        let text = String(describing: error)
        let lowered = text.lowercased()
        if lowered.contains("certificate") || lowered.contains("handshake") || lowered.contains("tls")
            || lowered.contains("ssl")
        {
            return "the TLS certificate of \(host) is not trusted (\(text))"
        }
        if lowered.contains("connection refused") || lowered.contains("econnrefused") {
            return "\(host) refused the connection"
        }
        if lowered.contains("connection reset") { return "\(host) reset the connection" }
        if lowered.contains("name") && (lowered.contains("resolve") || lowered.contains("known"))
            || lowered.contains("dns")
        {
            return "the host name \(host) could not be resolved"
        }
        return "request to \(host) failed: \(text)"
    }

    /// The response with every secret in its headers and body replaced.
    func redact(_ response: LiveResponse) -> LiveResponse {
        let secrets = options.secrets
        guard !secrets.isEmpty else { return response }
        var result = response
        result.headers = response.headers.map { (name: $0.name, value: redact($0.value)) }
        let body = String(decoding: response.body, as: UTF8.self)
        if secrets.contains(where: { body.contains($0) }) { result.body = Array(redact(body).utf8) }
        return result
    }

    /// Every secret replaced, so nothing from `--token-env` or `--header` reaches output.
    func redact(_ text: String) -> String {
        var result = text
        for secret in options.secrets { result = result.replacingOccurrences(of: secret, with: "[REDACTED]") }
        return result
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let components = duration.components
        return .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000)
    }
}

/// A request that took longer than its timeout (the head and the whole body).
struct ReplayTimeout: Error {
    let duration: Duration
}

/// Runs `operation`, throwing ``ReplayTimeout`` once `duration` has passed (and cancelling it).
func withTimeout<T: Sendable>(
    _ duration: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw ReplayTimeout(duration: duration)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw ReplayTimeout(duration: duration) }
        return first
    }
}

extension FindingMessage {
    fileprivate static func statusNotStated(_ status: Int, _ stated: [Int]) -> FindingMessage {
        FindingMessage(
            "the service answered \(status) where the Response section states \(stated.map(String.init).joined(separator: " or "))"
        )
    }

    fileprivate static func requestFailed(_ label: String, _ reason: String) -> FindingMessage {
        FindingMessage("\(label) could not be completed: \(reason)")
    }
}
