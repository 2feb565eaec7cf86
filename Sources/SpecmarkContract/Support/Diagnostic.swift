public import SpecmarkMarkdown

/// How serious a diagnostic is; the order is `note < warning < error`.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }
}

/// A file and a range in it.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path, as Specmark was given it (relative paths stay relative).
    public var file: String
    public var range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    public var description: String { "\(file):\(range.start.line):\(range.start.column)" }
}

/// One thing Specmark reports: a rule id, a severity, a message and where.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A related place that explains the diagnostic ("declared here").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// The stable kebab-case id of the rule that reported it.
    public var ruleID: String
    public var severity: Severity
    /// Lower-case, no final period, naming the thing and the evidence.
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]
    /// A stable anchor within the file (an example name, a JSON path, a table row key, a heading) that,
    /// with the rule id and file, identifies the finding across edits that move lines.
    public var anchor: String
    /// The identity baselines and SARIF use; see ``Fingerprints``. Empty until assigned.
    public var fingerprint: String = ""
    /// Set when an in-source directive or the page annotation suppresses the finding: it is still reported
    /// in JSON and SARIF, never counted as a failure.
    public var suppression: Suppression?
    /// Set when a run compares with a baseline.
    public var baselineState: BaselineState?
    /// The change that repairs it, when the rule knows one that is safe (`lint --fix`, an editor's quick fix).
    public var fix: Fix?

    public init(
        ruleID: String, severity: Severity, message: String, location: SourceLocation, notes: [Note] = [],
        anchor: String = "", fix: Fix? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.anchor = anchor
        self.fix = fix
    }
}

extension Diagnostic {
    /// The order reports use: by file, then position, then rule id.
    public static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        if lhs.location.range.start != rhs.location.range.start {
            return lhs.location.range.start < rhs.location.range.start
        }
        return lhs.ruleID < rhs.ruleID
    }

    /// Sorts `diagnostics` by ``sourceOrder(_:_:)``, keeping the order of ties, as `sort(by:)` (which is stable)
    /// does. The positions are sorted and the diagnostics moved once, instead of being moved at every step of
    /// the sort: a diagnostic is a few hundred bytes.
    public static func sortInSourceOrder(_ diagnostics: inout [Diagnostic]) {
        guard diagnostics.count > 1 else { return }
        var order = Array(diagnostics.indices)
        diagnostics.withUnsafeBufferPointer { items in
            // ``sourceOrder(_:_:)`` field by field: passing the diagnostics would copy both (a retain for each of
            // their strings) at every comparison.
            func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
                if items[lhs].location.file != items[rhs].location.file {
                    return items[lhs].location.file < items[rhs].location.file
                }
                if items[lhs].location.range.start != items[rhs].location.range.start {
                    return items[lhs].location.range.start < items[rhs].location.range.start
                }
                return items[lhs].ruleID < items[rhs].ruleID
            }
            order.sort { lhs, rhs in precedes(lhs, rhs) || (lhs < rhs && !precedes(rhs, lhs)) }
        }
        // Each diagnostic goes to its place by swaps along the permutation's cycles: moved, never copied.
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var position = start
            while order[position] != start {
                diagnostics.swapAt(position, order[position])
                placed[position] = true
                position = order[position]
            }
            placed[position] = true
        }
    }
}

/// Why a finding is suppressed.
public struct Suppression: Hashable, Sendable, Codable {
    /// Where the suppression was written.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An inline `specmark-disable` comment.
        case inlineComment
        /// An entry of the page annotation's `suppressions` list.
        case pageAnnotation
    }

    public var kind: Kind
    /// The reason given, or "".
    public var justification: String
    /// Where the suppressing directive is.
    public var location: SourceLocation?

    public init(kind: Kind, justification: String, location: SourceLocation?) {
        self.kind = kind
        self.justification = justification
        self.location = location
    }
}

/// How a finding relates to a baseline.
public enum BaselineState: String, Hashable, Sendable, Codable {
    /// Not in the baseline: it fails the run.
    case new
    /// In the baseline: reported, never failing.
    case unchanged
}
