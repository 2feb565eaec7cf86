public import SpecmarkMarkdown

/// A problem found while reading a file, extracting its page or merging the doc set: what kind, what and where,
/// but no severity (the rule its kind names decides that; see ``ExtractionFinding``).
public struct ExtractionIssue: Hashable, Sendable {
    public var kind: ExtractionFinding
    /// Lower-case, no final period, naming the thing and the evidence.
    public var message: String
    public var location: SourceLocation
    /// Related places ("first defined here").
    public var notes: [Diagnostic.Note]
    /// A stable anchor within the file for baselines; see ``Diagnostic/anchor``.
    public var anchor: String

    public init(
        _ kind: ExtractionFinding, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = [],
        anchor: String = ""
    ) {
        self.kind = kind
        self.message = message
        self.location = location
        self.notes = notes
        self.anchor = anchor
    }

    /// The id of the rule that reports the issue.
    public var ruleID: String { kind.ruleID }

    /// The issue for a problem the Markdown layer found in `file`.
    public init(_ problem: MarkdownProblem, file: String) {
        self.init(
            ExtractionFinding(problem.kind), problem.message, at: SourceLocation(file: file, range: problem.range),
            notes: problem.notes.map { .init($0.message, at: SourceLocation(file: file, range: $0.range)) })
    }

    /// The diagnostic this issue is reported as, at `severity`.
    public func diagnostic(severity: Severity) -> Diagnostic {
        Diagnostic(
            ruleID: kind.ruleID, severity: severity, message: message, location: location, notes: notes,
            anchor: anchor)
    }
}
