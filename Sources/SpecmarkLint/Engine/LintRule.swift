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
    /// Whether the doc-set check looks at the pages `Findings.pagesToCheck` gives one by one, reporting in each
    /// page's own file and reading the rest only for lookups, so the linter may run it over shares of the pages
    /// at once.
    var checksPagesIndependently: Bool { get }
    /// Other rule ids this rule's check reports for (by setting `Finding.ruleID`), when one pass finds several
    /// kinds of problem; each of those ids is documented by its own rule and configured on its own.
    var reportsFor: [String] { get }
    /// Checks one page.
    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings)
    /// Checks the whole doc set once.
    func check(_ docs: DocSet, context: RuleContext, report: inout Findings)
}

extension LintRule {
    public var isPageRule: Bool { true }
    public var checksPagesIndependently: Bool { false }
    public var reportsFor: [String] { [] }
    public func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {}
    public func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {}
}

/// A rule whose findings are found while reading the page, where the positions are known: extraction records an
/// ``ExtractionIssue`` of the rule's ``finding`` kind, and the check reports the page's issues of that kind, so
/// the rule still has an id, documentation, examples and a configurable severity. Each such rule's file names
/// the type that produces its findings.
public protocol ExtractedRule: LintRule {
    /// The kind of issue the rule reports; its raw value is the rule's id.
    var finding: ExtractionFinding { get }
}

/// A rule whose findings another rule's check reports (see ``LintRule/reportsFor``); it documents its id.
public protocol CompanionRule: LintRule {}

extension CompanionRule {
    public var isPageRule: Bool { false }
}

extension ExtractedRule {
    public func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for issue in page.issues where issue.kind == finding {
            report.forward(issue)
        }
    }
}

/// A rule whose findings come from reading files and merging pages (unreadable files, duplicate types): like an
/// ``ExtractedRule``, over the doc set's own issues.
public protocol DocSetExtractedRule: LintRule {
    /// The kind of issue the rule reports; its raw value is the rule's id.
    var finding: ExtractionFinding { get }
}

extension DocSetExtractedRule {
    public var isPageRule: Bool { false }

    public func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {
        for issue in docs.issues where issue.kind == finding {
            report.forward(issue)
        }
    }
}

/// A rule whose findings `specmark replay` reports, comparing a service's answers with the docs: the linter never
/// runs it, but it has an id, documentation and a severity configured like any lint rule (`rules:` in
/// `.specmark.yml`), which the replay applies.
public protocol ReplayRule: LintRule {}

extension ReplayRule {
    public var isPageRule: Bool { false }
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
    public var requiredFrontMatter: [String] = Defaults.requiredFrontMatter
    /// Site-absolute link prefixes ApiDoctor skips (`/graph`, `/azure`, …), as `links.ignore-prefixes` and a
    /// Graph `link-validation-config.json` give them. Specmark checks no site-absolute link (they name pages of
    /// the published site, not files of the doc set), so this is read and kept, and no rule narrows on it yet.
    public var linkIgnorePrefixes: [String] = []
    /// Metadata types the metadata rules leave alone (qualified or short names): `metadata-ignore` in the
    /// configuration, ApiDoctor's `ignorableModels`.
    public var metadataIgnoredTypes: [String] = []
    /// Permission names known to be valid; empty means "the names the doc set uses".
    public var knownPermissions: [String] = []
    /// Request headers any page may send without documenting them.
    public var standardHeaders: [String] = Defaults.standardHeaders
    /// OData system query options any example may use without a query parameter table row.
    public var systemQueryOptions: [String] = Defaults.systemQueryOptions

    /// The sections each kind of page must have, in order.
    public var outline: [PageKind: [OutlineSection]] = Defaults.outline

    public init() {}

    /// The defaults, made once: every rule holds options, and an outline section prepares its title's patterns.
    private enum Defaults {
        static let requiredFrontMatter = [
            "title", "description", "author", "localization_priority", "ms.prod", "doc_type",
        ]
        static let standardHeaders = [
            "Authorization", "Content-Type", "Content-Length", "Host", "Accept", "Accept-Encoding",
            "Accept-Language", "Accept-Charset", "Date", "Prefer", "If-Match", "If-None-Match", "If-Range",
            "Content-Range", "Range", "User-Agent", "client-request-id", "return-client-request-id", "Cache-Control",
        ]
        static let systemQueryOptions = [
            "$select", "$filter", "$expand", "$orderby", "$orderBy", "$top", "$skip", "$count", "$search", "$format",
            "$skiptoken", "$skipToken", "$deltatoken", "$deltaToken", "$apply", "$levels", "$id", "$value",
        ]
        static let outline: [PageKind: [OutlineSection]] = [
            .method: [
                OutlineSection(title: "Permissions|Prerequisites", level: 2),
                OutlineSection(title: "HTTP request", level: 2),
                OutlineSection(title: "Request headers", level: 2), OutlineSection(title: "Request body", level: 2),
                OutlineSection(title: "Response", level: 2), OutlineSection(title: "Example|Examples", level: 2),
            ],
            .resource: [
                OutlineSection(title: "Properties", level: 2, isRequired: false),
                OutlineSection(title: "Relationships", level: 2, isRequired: false),
                OutlineSection(title: "JSON representation", level: 2),
            ],
        ]
    }

    /// The defaults with `change` applied: `RuleOptions.with { $0.unannotatedExamples = .all }`.
    public static func with(_ change: (inout RuleOptions) -> Void) -> RuleOptions {
        var options = RuleOptions()
        change(&options)
        return options
    }
}

/// One section of a page outline.
public struct OutlineSection: Hashable, Sendable {
    /// The title; `*` matches any text (`* values`), `|` separates alternatives (`Example|Examples`).
    public var title: String {
        didSet { matcher = OutlineTitleMatcher(title) }
    }
    /// The heading level.
    public var level: Int
    public var isRequired: Bool
    /// Whether it may appear several times.
    public var allowsMultiple: Bool
    /// The title read once for matching: the outline rule asks it of every heading of every page.
    package private(set) var matcher: OutlineTitleMatcher

    public init(title: String, level: Int, isRequired: Bool = true, allowsMultiple: Bool = false) {
        self.title = title
        self.level = level
        self.isRequired = isRequired
        self.allowsMultiple = allowsMultiple
        matcher = OutlineTitleMatcher(title)
    }
}

/// An outline title's alternatives as prepared patterns: what ``OutlineRule/title(_:matches:ignoringCase:)``
/// answers, without finding the title's alternatives and wildcards again for every heading.
package struct OutlineTitleMatcher: Hashable, Sendable {
    /// Every alternative, compared without case.
    private let caseless: TitleMatcher.Patterns
    /// The alternatives without a wildcard, compared with case.
    private let exact: TitleMatcher.Patterns
    /// The alternatives with a wildcard, which are compared without case even when case counts.
    private let wildcards: TitleMatcher.Patterns

    init(_ title: String) {
        // A title of alternatives skips its empty ones; a single title is taken whole.
        let alternatives =
            title.containsByte(UInt8(ascii: "|")) ? title.splitBytes(UInt8(ascii: "|")).map(String.init) : [title]
        let hasWildcard = { (pattern: String) in pattern.containsByte(UInt8(ascii: "*")) }
        caseless = TitleMatcher.Patterns(alternatives, wildcard: "*", ignoringCase: true)
        exact = TitleMatcher.Patterns(alternatives.filter { !hasWildcard($0) }, wildcard: "*", ignoringCase: false)
        wildcards = TitleMatcher.Patterns(alternatives.filter(hasWildcard), wildcard: "*", ignoringCase: true)
    }

    /// Whether a heading's text matches the title; a wildcard alternative is compared without case either way.
    package func matches(_ text: String, ignoringCase: Bool) -> Bool {
        ignoringCase ? caseless.matches(text) : exact.matches(text) || wildcards.matches(text)
    }
}

/// A page rule's check, made once per run and called for every page.
///
/// Calling `check` on an `any LintRule` copies the rule's existential out of its array and destroys the copy
/// afterwards, for every rule and page (608,000 times for the Graph corpus). The closure holds the rule as its
/// own type, so a call retains and releases one closure context. It is a field, not an array's element: as an
/// element, a closure is called through a thunk that copied the whole page for each call.
package struct PageCheck: Sendable {
    package let run: @Sendable (PageContract, DocSet, RuleContext, inout Findings) -> Void
}

extension LintRule {
    /// ``check(_:in:context:report:)`` as a ``PageCheck``.
    package var pageCheck: PageCheck {
        PageCheck { page, docs, context, findings in check(page, in: docs, context: context, report: &findings) }
    }
}
