public import SpecmarkContract
public import SpecmarkMarkdown

/// A finding as a rule reports it: what and where, without severity (the linter applies configuration).
public struct Finding: Hashable, Sendable {
    /// Lower-case, no final period, naming the thing and the evidence.
    public var message: String
    /// The file; defaults to the page being checked.
    public var file: String
    public var range: SourceRange
    public var notes: [Diagnostic.Note]
    /// A stable anchor for baselines (an example name, a JSON path, a table row key, a heading).
    public var anchor: String
    /// The rule id, for rules that forward findings of several ids (the file and markdown rules).
    public var ruleID: String?
    /// A severity that differs from the rule's default for this one finding (a doc-set duplicate that is
    /// only a warning where an in-page one is an error); configuration still overrides.
    public var severity: Severity?
}

/// Collects the findings of one rule on one page (or one doc set).
public struct Findings: Sendable {
    /// The file findings go to unless they name another.
    public let file: String
    public private(set) var items: [Finding] = []
    /// Files outside the doc set a rule looked at (a link target's existence, its headings), which a cached
    /// result must check again before it is reused.
    public var consultedFiles: Set<String> = []

    /// For a doc-set rule in a run that reports only some pages, their files; nil when every page is reported.
    public let reportedFiles: Set<String>?

    public init(file: String, reportedFiles: Set<String>? = nil) {
        self.file = file
        self.reportedFiles = reportedFiles
    }

    /// Whether findings in `file` are reported: a doc-set rule may skip the work of checking other pages (their
    /// findings would be dropped), though it still reads them for what it compares against.
    public func reports(_ file: String) -> Bool {
        reportedFiles?.contains(file) ?? true
    }

    /// Reports a finding at `range` in the current file; `ruleID` names a companion rule it is for.
    public mutating func report(
        _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = [], anchor: String = "",
        ruleID: String? = nil, severity: Severity? = nil
    ) {
        items.append(
            Finding(
                message: message, file: file, range: range, notes: notes, anchor: anchor, ruleID: ruleID,
                severity: severity))
    }

    /// Reports a finding in another file.
    public mutating func report(
        _ message: String, in file: String, at range: SourceRange, notes: [Diagnostic.Note] = [], anchor: String = "",
        ruleID: String? = nil, severity: Severity? = nil
    ) {
        items.append(
            Finding(
                message: message, file: file, range: range, notes: notes, anchor: anchor, ruleID: ruleID,
                severity: severity))
    }

    /// Forwards a diagnostic found while reading or merging pages (its rule id and location kept).
    public mutating func forward(_ diagnostic: Diagnostic) {
        items.append(
            Finding(
                message: diagnostic.message, file: diagnostic.location.file, range: diagnostic.location.range,
                notes: diagnostic.notes, anchor: diagnostic.anchor, ruleID: diagnostic.ruleID, severity: nil))
    }
}
