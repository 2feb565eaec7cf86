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
    /// The rule id, for rules that report findings of several ids (see ``LintRule/reportsFor``).
    public var ruleID: String?
    /// The safe change that repairs it, if the rule knows one.
    public var fix: Fix?
}

/// Collects the findings of one rule on one page (or one doc set).
public struct Findings: Sendable {
    /// The file findings go to unless they name another.
    public let file: String
    public private(set) var items: [Finding] = []

    /// For a doc-set rule in a run that reports only some pages, their files; nil when every page is reported.
    public let reportedFiles: Set<String>?
    /// For a doc-set rule that checks pages independently (``LintRule/checksPagesIndependently``), the indexes of
    /// the pages this task checks, one share of the run's; nil when it checks them all.
    public let pages: ArraySlice<Int>?

    public init(file: String, reportedFiles: Set<String>? = nil, pages: ArraySlice<Int>? = nil) {
        self.file = file
        self.reportedFiles = reportedFiles
        self.pages = pages
    }

    /// Forgets the findings reported so far, keeping their storage: the linter reuses one `Findings` for every
    /// rule of a page.
    package mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
    }

    /// Whether findings in `file` are reported: a doc-set rule may skip the work of checking other pages (their
    /// findings would be dropped), though it still reads them for what it compares against.
    public func reports(_ file: String) -> Bool {
        reportedFiles?.contains(file) ?? true
    }

    /// The indexes of the pages of `docs` a doc-set rule that checks pages independently checks in this task: its
    /// share, or every page, less those whose findings are not reported.
    public func pagesToCheck(in docs: DocSet) -> [Int] {
        let share = pages.map(Array.init) ?? Array(docs.pages.indices)
        guard let reportedFiles else { return share }
        return share.filter { reportedFiles.contains(docs.pages[$0].file) }
    }

    /// Reports a finding at `range` in the current file; `ruleID` names a companion rule it is for.
    public mutating func report(
        _ message: FindingMessage, at range: SourceRange, notes: [Diagnostic.Note] = [], anchor: String = "",
        ruleID: String? = nil, fix: Fix? = nil
    ) {
        report(message, in: file, at: range, notes: notes, anchor: anchor, ruleID: ruleID, fix: fix)
    }

    /// Reports a finding in another file.
    public mutating func report(
        _ message: FindingMessage, in file: String, at range: SourceRange, notes: [Diagnostic.Note] = [],
        anchor: String = "", ruleID: String? = nil, fix: Fix? = nil
    ) {
        items.append(
            Finding(
                message: message.text, file: file, range: range, notes: notes, anchor: anchor, ruleID: ruleID,
                fix: fix))
    }

    /// Reports an issue found while reading or merging pages (its kind's rule id and its location kept).
    public mutating func forward(_ issue: ExtractionIssue) {
        items.append(
            Finding(
                message: issue.message, file: issue.location.file, range: issue.location.range, notes: issue.notes,
                anchor: issue.anchor, ruleID: issue.kind.ruleID))
    }
}
