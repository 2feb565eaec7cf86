public import SpecmarkContract
import SpecmarkMarkdown

/// Every kind of disagreement a replay finds between a service's answer and the docs.
///
/// The replay records a kind, never a severity: the raw value is the id of the replay rule that documents it
/// (SpecmarkLint's `Rules/Replay`), and that rule's default severity, changed only by configuration, decides how
/// it is reported and whether the example fails.
public enum ReplayFinding: String, Hashable, Sendable, CaseIterable {
    case statusMismatch = "replay-status-mismatch"
    case contentTypeMismatch = "replay-content-type-mismatch"
    case headerMissing = "replay-header-missing"
    case propertyMissing = "replay-property-missing"
    case propertyTypeMismatch = "replay-property-type-mismatch"
    case valueMismatch = "replay-value-mismatch"
    case propertyUndeclared = "replay-property-undeclared"
    case bodyNotJSON = "replay-body-not-json"
    case requestFailed = "replay-request-failed"

    /// The id of the rule that documents and configures this kind.
    public var ruleID: String { rawValue }
}

/// One disagreement, anchored in the documented example: what kind, what and where, but no severity.
public struct ReplayIssue: Hashable, Sendable {
    public var kind: ReplayFinding
    /// Lower-case, no final period, naming the thing and the evidence.
    public var message: String
    public var location: SourceLocation
    /// A stable anchor within the file for baselines; see ``Diagnostic/anchor``.
    public var anchor: String

    public init(_ kind: ReplayFinding, _ message: FindingMessage, at location: SourceLocation, anchor: String) {
        self.kind = kind
        self.message = message.text
        self.location = location
        self.anchor = anchor
    }
}
