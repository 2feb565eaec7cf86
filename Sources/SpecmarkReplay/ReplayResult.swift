public import SpecmarkContract

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
