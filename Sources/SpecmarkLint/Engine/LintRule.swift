public import SpecmarkContract
import SpecmarkMarkdown

/// A lint rule: a stable id with its documentation, and a check over one page or the whole doc set.
///
/// Page rules run concurrently, one page at a time, with the merged doc set for lookups; doc-set rules run
/// once. Rules report findings without severity; the linter applies the configured one.
public protocol LintRule: Sendable {
    var description: RuleDescription { get }
    /// Whether the rule checks pages one at a time (true) or the doc set once (false).
    var isPageRule: Bool { get }
    /// Checks one page.
    func check(_ page: PageContract, in docs: DocSet, options: RuleOptions, report: inout Findings)
    /// Checks the whole doc set once.
    func check(_ docs: DocSet, options: RuleOptions, report: inout Findings)
}

extension LintRule {
    public var isPageRule: Bool { true }
    public func check(_ page: PageContract, in docs: DocSet, options: RuleOptions, report: inout Findings) {}
    public func check(_ docs: DocSet, options: RuleOptions, report: inout Findings) {}
}

/// A rule whose findings are found while reading the page (where the positions are known): the check
/// forwards the page's diagnostics of the rule's id, so the rule still has an id, documentation, examples and
/// a configurable severity.
public protocol ExtractedRule: LintRule {}

extension ExtractedRule {
    public func check(_ page: PageContract, in docs: DocSet, options: RuleOptions, report: inout Findings) {
        let id = description.id
        for diagnostic in page.diagnostics where diagnostic.ruleID == id {
            report.forward(diagnostic)
        }
    }
}

/// A rule whose findings come from reading files and merging pages (unreadable files, duplicate types).
public protocol DocSetExtractedRule: LintRule {}

extension DocSetExtractedRule {
    public var isPageRule: Bool { false }

    public func check(_ docs: DocSet, options: RuleOptions, report: inout Findings) {
        let id = description.id
        for diagnostic in docs.diagnostics where diagnostic.ruleID == id {
            report.forward(diagnostic)
        }
    }
}

/// Options rules read, set by configuration.
public struct RuleOptions: Hashable, Sendable {
    /// Where `example-unannotated` reports.
    public enum UnannotatedExamples: String, Hashable, Sendable, Codable, CaseIterable {
        /// Only on pages where some examples are annotated and others are not.
        case mixedPages = "mixed-pages"
        /// On every page.
        case all
    }

    public var unannotatedExamples: UnannotatedExamples = .mixedPages
    /// Front-matter keys every page must have (non-empty).
    public var requiredFrontMatter: [String] = [
        "title", "description", "author", "localization_priority", "ms.prod", "doc_type",
    ]
    /// Site-absolute link prefixes not checked (`/graph`, `/azure`, …); links starting with `/` are ignored
    /// when this is empty.
    public var linkIgnorePrefixes: [String] = []
    /// Permission names known to be valid; empty means "the names the doc set uses".
    public var knownPermissions: [String] = []
    /// Request headers any page may send without documenting them.
    public var standardHeaders: [String] = [
        "Authorization", "Content-Type", "Content-Length", "Host", "Accept", "Accept-Encoding", "Accept-Language",
        "Accept-Charset", "Date", "Prefer", "If-Match", "If-None-Match", "If-Range", "Content-Range", "Range",
        "User-Agent", "client-request-id", "return-client-request-id", "Cache-Control",
    ]
    /// OData system query options any example may use without a query parameter table row.
    public var systemQueryOptions: [String] = [
        "$select", "$filter", "$expand", "$orderby", "$orderBy", "$top", "$skip", "$count", "$search", "$format",
        "$skiptoken", "$skipToken", "$deltatoken", "$deltaToken", "$apply", "$levels", "$id", "$value",
    ]

    public init() {}
}
