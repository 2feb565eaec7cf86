import Foundation
public import SpecmarkContract

/// Recorded findings a run compares with: only findings not in the baseline fail the run.
///
/// Entries are matched by fingerprint (rule id, file and a stable anchor such as an example name, never a line
/// number), so editing other parts of a page keeps them matching.
public struct Baseline: Codable, Hashable, Sendable {
    /// One recorded finding.
    public struct Entry: Codable, Hashable, Sendable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var message: String
    }

    public var version = 1
    public var tool: String
    public var entries: [Entry]

    /// A baseline of `diagnostics` (suppressed ones are not recorded: they never fail).
    public init(_ diagnostics: [Diagnostic]) {
        tool = "specmark \(SpecmarkVersion.current)"
        entries = diagnostics.filter { $0.suppression == nil }.map {
            Entry(fingerprint: $0.fingerprint, rule: $0.ruleID, file: $0.location.file, message: $0.message)
        }
    }

    /// The error a baseline file can cause.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a baseline file.
    public static func load(_ path: String) throws(LoadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, reason: "cannot be read")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw LoadError(path: path, reason: "baseline version \(baseline.version) is not supported")
            }
            return baseline
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(path: path, reason: "is not a Specmark baseline (\(error))")
        }
    }

    /// The baseline as JSON, entries sorted so files diff well.
    public var json: String {
        var sorted = self
        sorted.entries.sort { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(sorted) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Marks each diagnostic `new` or `unchanged`; returns the entries that matched nothing (fixed since).
    @discardableResult
    public func apply(to diagnostics: inout [Diagnostic]) -> [Entry] {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        for index in diagnostics.indices where diagnostics[index].suppression == nil {
            let fingerprint = diagnostics[index].fingerprint
            if let count = remaining[fingerprint], count > 0 {
                remaining[fingerprint] = count - 1
                diagnostics[index].baselineState = .unchanged
            } else {
                diagnostics[index].baselineState = .new
            }
        }
        var fixed: [Entry] = []
        for entry in entries {
            guard let count = remaining[entry.fingerprint], count > 0 else { continue }
            remaining[entry.fingerprint] = count - 1
            fixed.append(entry)
        }
        return fixed
    }
}
