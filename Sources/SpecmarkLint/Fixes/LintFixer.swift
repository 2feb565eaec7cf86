public import Logging
public import SpecmarkContract

/// Applies the safe fixes of a lint to the pages' text, in passes: each pass applies the fixes that do not
/// overlap, reads the changed pages again, and lints them against the doc set, until no fix is left (a fix can
/// make another finding fixable, or two fixes of one line wait for each other). Nothing is written: the caller
/// gets each changed file's text before and after.
public struct LintFixer: Sendable {
    /// A fix that was applied.
    public struct AppliedFix: Hashable, Sendable {
        public var ruleID: String
        /// Where its finding was, in the text of the pass that applied it.
        public var location: SourceLocation
        public var title: String
    }

    /// One file the fixes changed.
    public struct FileChange: Sendable {
        /// The file, as reports show it.
        public var file: String
        public var original: [UInt8]
        public var fixed: [UInt8]
        public var applied: [AppliedFix]

        /// The unified diff from the original to the fixed text.
        public var diff: String { UnifiedDiff.make(file: file, old: original, new: fixed) }
    }

    /// What the fixes did.
    public struct Outcome: Sendable {
        /// The changed files, by file name.
        public var changes: [FileChange]
        /// The doc set with the fixed pages.
        public var docs: DocSet
        /// The findings of a lint of the fixed doc set (the same as those given when nothing changed).
        public var diagnostics: [Diagnostic]
    }

    /// The most passes a run makes; fixes that keep enabling others stop here.
    public static let maximumPasses = 10

    public var linter: Linter
    public var extractor: PageExtractor

    public init(linter: Linter, extraction: ExtractionConfiguration) {
        self.linter = linter
        self.extractor = PageExtractor(configuration: extraction)
    }

    /// The fixable findings: those with a fix that no suppression hides.
    public static func fixable(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.fix != nil && $0.suppression == nil }
    }

    /// Fixes the findings of `diagnostics` (a lint of `docs`, or of `pages` of it) in the pages' text, which
    /// `read` gives by file name (nil for a file that cannot be read: its fixes are skipped).
    public func fix(
        _ docs: DocSet, diagnostics: [Diagnostic], pages: [Int]? = nil, logger: Logger,
        read: @Sendable (String) -> [UInt8]?
    ) async -> Outcome {
        var docs = docs
        var changes: [String: FileChange] = [:]
        var current = diagnostics
        for pass in 1...Self.maximumPasses {
            let byFile = Dictionary(grouping: Self.fixable(current), by: \.location.file)
            var replaced: [Int: PageContract] = [:]
            for (file, found) in byFile.sorted(by: { $0.key < $1.key }) {
                guard let index = docs.pageIndex[file], let text = changes[file]?.fixed ?? read(file) else { continue }
                let fixes = found.compactMap(\.fix)
                let outcome = FixApplier.apply(fixes, to: text)
                guard !outcome.applied.isEmpty, outcome.bytes != text else { continue }
                var change = changes[file] ?? FileChange(file: file, original: text, fixed: text, applied: [])
                change.fixed = outcome.bytes
                change.applied += outcome.applied.map { found[$0] }.map {
                    AppliedFix(ruleID: $0.ruleID, location: $0.location, title: $0.fix?.title ?? "")
                }
                changes[file] = change
                replaced[index] = extractor.extract(bytes: outcome.bytes, file: file)
            }
            logger.debug("fix pass", metadata: ["pass": "\(pass)", "pages changed": "\(replaced.count)"])
            guard !replaced.isEmpty else { break }
            docs = docs.replacingPages(replaced)
            current = await linter.lint(docs, pages: replaced.keys.sorted(), logger: logger)
        }
        guard !changes.isEmpty else { return Outcome(changes: [], docs: docs, diagnostics: diagnostics) }
        // A fix can change what other pages find (a heading another page links to): lint what was linted again.
        var final = await linter.lint(docs, pages: pages, logger: logger)
        if pages != nil {
            // Findings in files that are not pages (unreadable files) were reported beside the pages'; no fix
            // changes them.
            final += diagnostics.filter { docs.pageIndex[$0.location.file] == nil }
            final.sort(by: Diagnostic.sourceOrder)
        }
        return Outcome(
            changes: changes.values.sorted { $0.file < $1.file }.filter { $0.original != $0.fixed }, docs: docs,
            diagnostics: final)
    }
}
