public import SpecmarkLint

/// A value that must never appear in any output: its description is redacted.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The value itself; read it only to put it on the wire.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "[REDACTED]" }
    public var debugDescription: String { "[REDACTED]" }
}

/// How a replay runs.
public struct ReplayOptions: Sendable {
    /// How `--compare` compares bodies.
    public enum CompareMode: String, Sendable, CaseIterable {
        /// Property presence and JSON types.
        case types
        /// Also the values of stable literals (never ids, timestamps, etags or OData links).
        case values
    }

    /// Base URLs by API version (`v1.0`, `beta`); the empty key is for every version.
    public var baseURLs: [String: String]
    /// Whether the target is a live service (only GET and HEAD unless writes are allowed) or the mock.
    public var isLive: Bool
    /// The bearer token for `Authorization`, from an environment variable.
    public var token: Secret?
    /// Extra headers for every request (`--header 'Name: value'`); values are treated as secrets in output.
    public var extraHeaders: [(name: String, value: Secret)]
    public var parameters: ReplayParameters
    /// Whether POST, PUT, PATCH and DELETE examples may be sent to a live service.
    public var allowWrites: Bool
    /// When set, mutating examples run only if their name or method matches one of these (`*` wildcards).
    public var allowPatterns: [String]
    public var concurrency: Int
    /// The time one request (with its body) may take.
    public var timeout: Duration
    /// The time the whole run may take; examples not started by then are skipped.
    public var deadline: Duration?
    /// Attempts per example for 429, 503 and connection errors.
    public var maximumAttempts: Int
    /// The longest a `Retry-After` is honoured.
    public var maximumRetryWait: Duration
    /// Response bodies larger than this fail the example.
    public var maximumBodySize: Int
    public var compare: CompareMode
    /// Where to write one HAR 1.2 file per exchange, or nil.
    public var recordDirectory: String?
    /// Whether to ask for each example by name (`Prefer: example=NAME`), as Specmark's mock understands.
    public var preferExample = false
    /// The severities of the replay rules (`rules:` in `.specmark.yml`); a finding whose rule is off is not
    /// reported, and an example fails only on errors.
    public var rules: LintConfiguration = .default

    public init(
        baseURLs: [String: String] = [:], isLive: Bool = true, token: Secret? = nil,
        extraHeaders: [(name: String, value: Secret)] = [], parameters: ReplayParameters = ReplayParameters(),
        allowWrites: Bool = false, allowPatterns: [String] = [], concurrency: Int = 4, timeout: Duration = .seconds(30),
        deadline: Duration? = nil, maximumAttempts: Int = 3, maximumRetryWait: Duration = .seconds(30),
        maximumBodySize: Int = 16 << 20, compare: CompareMode = .types, recordDirectory: String? = nil
    ) {
        self.baseURLs = baseURLs
        self.isLive = isLive
        self.token = token
        self.extraHeaders = extraHeaders
        self.parameters = parameters
        self.allowWrites = allowWrites
        self.allowPatterns = allowPatterns
        self.concurrency = concurrency
        self.timeout = timeout
        self.deadline = deadline
        self.maximumAttempts = maximumAttempts
        self.maximumRetryWait = maximumRetryWait
        self.maximumBodySize = maximumBodySize
        self.compare = compare
        self.recordDirectory = recordDirectory
    }

    /// Parses `--base-url`: one URL for every version, or `v1.0=…,beta=…`.
    public static func baseURLs(from text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for part in text.split(separator: ",").map({ String($0) }) {
            if let equals = part.firstIndex(of: "="), !part.hasPrefix("http") {
                result[String(part[..<equals])] = String(part[part.index(after: equals)...])
            } else {
                result[""] = part
            }
        }
        guard !result.isEmpty, result.values.allSatisfy({ $0.hasPrefix("http://") || $0.hasPrefix("https://") }) else {
            return nil
        }
        return result.mapValues { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// Every secret value, for redaction.
    var secrets: [String] {
        ([token?.value] + extraHeaders.map { $0.value.value }).compactMap { $0 }.filter { $0.count >= 4 }
    }
}
