import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import Synchronization

/// Sending with retries: 429 and 503 honouring `Retry-After`, connection errors with jittered backoff, a bounded
/// number of times, each attempt under the timeout.
extension ReplayEngine {

    /// Why sending failed, and how many attempts were made (connection errors of idempotent requests are retried).
    struct SendFailure: Error {
        var error: any Error
        var attempts: Int
    }

    /// Sends with retries; returns the last response and the attempts made, or throws a ``SendFailure``.
    func send(
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

    func sendOnce(_ prepared: PreparedRequest, client: HTTPClient) async throws -> LiveResponse {
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
    func retryWait(_ header: String?, attempt: Int) -> Duration {
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
