import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import Synchronization

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
