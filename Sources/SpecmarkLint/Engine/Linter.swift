public import Logging
public import SpecmarkContract
import SpecmarkMarkdown

/// Runs rules over a doc set: page rules concurrently, one page at a time; doc-set rules once; then applies
/// the configured severity, the page's suppressions, and assigns fingerprints.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    public var configuration: LintConfiguration
    /// Makes the file lookup each run hands its rules (a fresh one per run, so answers never outlive it).
    public var makeFileLookup: @Sendable () -> any FileLookup

    public init(
        rules: [any LintRule] = BuiltInRules.all, configuration: LintConfiguration = .default,
        files makeFileLookup: @escaping @Sendable () -> any FileLookup = { FileSystemLookup() }
    ) {
        self.rules = rules
        self.configuration = configuration
        self.makeFileLookup = makeFileLookup
    }

    /// Lints `docs`; `pages` limits the check to some pages (for shards and changed files), while the whole doc
    /// set stays available for lookups. Returns diagnostics in report order, suppressed ones included (marked).
    public func lint(_ docs: DocSet, pages: [Int]? = nil, logger: Logger) async -> [Diagnostic] {
        await lintReportingDependencies(docs, pages: pages, logger: logger).diagnostics
    }

    /// The findings, and the files outside the doc set the rules looked at (for the result cache).
    ///
    /// With `pages`, only those pages are checked and reported; the rest of the doc set is context, so
    /// cross-page rules see everything and a run over shards reports exactly what one run over all pages does.
    /// `alsoReporting` names files that are not pages (unreadable files, folders the walk skipped) whose findings
    /// such a run reports too.
    public func lintReportingDependencies(
        _ docs: DocSet, pages: [Int]? = nil, alsoReporting: Set<String> = [], logger: Logger
    ) async -> (diagnostics: [Diagnostic], consultedFiles: Set<String>) {
        let descriptions = Dictionary(
            rules.map { ($0.description.id, $0.description) }, uniquingKeysWith: { first, _ in first })
        let configuration = self.configuration
        // A rule runs while its own id or any id it reports for is on.
        let enabled = rules.filter { rule in
            configuration.severity(for: rule.description) != nil
                || rule.reportsFor.contains { descriptions[$0].flatMap(configuration.severity(for:)) != nil }
        }
        let pageRules = enabled.filter { $0.isPageRule }
        let docSetRules = enabled.filter { !$0.isPageRule }
        let known = Set(descriptions.keys)
        let context = RuleContext(options: configuration.options, files: makeFileLookup())
        let indexes = pages ?? Array(docs.pages.indices)
        logger.debug("linting", metadata: ["pages": "\(indexes.count)", "rules": "\(enabled.count)"])
        // Doc-set rules run beside the page rules, each in its own task: they read the same immutable model. One
        // that checks pages independently runs as one task per share of the pages (four shares a core), so the
        // page workers can take over a core as soon as the shares on it are done.
        // The files a run over some pages reports; a run over all pages reports every file and needs no set.
        let selected = pages == nil ? [] : Set(indexes.map { docs.pages[$0].file }).union(alsoReporting)
        var docSetTasks: [(rule: LintRule, reported: Set<String>?, share: ArraySlice<Int>?)] = []
        for rule in docSetRules {
            if rule.checksPagesIndependently, indexes.count > 1 {
                // A share is a run of page indexes: each share's findings are its own pages' (such a rule reports
                // in the page it checks), so no set of their files is made and looked up.
                let shares = min(availableCores * 4, indexes.count)
                for share in 0..<shares {
                    let part = indexes[(share * indexes.count / shares)..<((share + 1) * indexes.count / shares)]
                    docSetTasks.append((rule, nil, part))
                }
            } else {
                docSetTasks.append((rule, pages == nil ? nil : selected, nil))
            }
        }
        // The doc-set tasks are queued ahead of the page workers, so the ones that cannot be split run while the
        // workers share out the pages, rather than on one core after them.
        let docSetWork = docSetTasks.map { task in
            { @Sendable () async -> [Diagnostic] in
                var findings = Findings(file: "", reportedFiles: task.reported, pages: task.share)
                task.rule.check(docs, context: context, report: &findings)
                return findings.items.compactMap { finding -> Diagnostic? in
                    guard pages == nil || selected.contains(finding.file) else { return nil }
                    return self.diagnostic(finding, rule: task.rule.description, descriptions: descriptions)
                }
            }
        }
        // Each worker makes its own checks: a call retains its check's closure context, and contexts both cores
        // retained moved between them at every call.
        let (perPage, docSetFindings) = await concurrentMap(
            indexes, startingFirst: docSetWork, worker: { pageRules.map(\.pageCheck) }
        ) { pageChecks, index -> PageFindings in
            // The page is borrowed from the doc set: a copy retained each of its fields, on a core that had not
            // touched them since the page was read.
            docs.pages.withUnsafeBufferPointer { pages in
                lint(pages[index], with: pageChecks, pageRules, in: docs, context: context, descriptions: descriptions)
            }
        }
        // Every path the metadata rules resolved (thousands of resolutions, each with its segments) is freed on
        // another thread while this one finishes the findings, not after them. No rule reads them any more.
        let resolutions = context.pathResolutions
        Task.detached { resolutions.removeAll() }
        let diagnostics = await Self.finish(
            perPage, docSet: docSetFindings, pages: indexes, of: docs, knownRules: known,
            reportUnused: { file in
                descriptions[SuppressionUnusedRule.id].flatMap { configuration.severity(for: $0, in: file) }
            })
        return (diagnostics, context.files.consulted)
    }

    /// One page's findings from the page rules, with what ``finish(_:docSet:pages:of:knownRules:reportUnused:)``
    /// needs to know of the page.
    private func lint(
        _ page: borrowing PageContract, with pageChecks: [PageCheck], _ pageRules: [LintRule], in docs: DocSet,
        context: RuleContext, descriptions: [String: RuleDescription]
    ) -> PageFindings {
        var diagnostics: [Diagnostic] = []
        // One `Findings` for the page, emptied after each rule: a new one per rule and page (600,000 for the
        // Graph corpus) retained and released the page's file name each time.
        var findings = Findings(file: page.file)
        for ruleIndex in pageChecks.indices {
            pageChecks[ruleIndex].run(page, docs, context, &findings)
            guard !findings.items.isEmpty else { continue }
            let description = pageRules[ruleIndex].description
            for finding in findings.items {
                if let diagnostic = diagnostic(finding, rule: description, descriptions: descriptions) {
                    diagnostics.append(diagnostic)
                }
            }
            findings.removeAll()
        }
        return PageFindings(
            diagnostics: diagnostics, suppresses: Suppressions.suppressesAnything(page),
            inOwnFile: !diagnostics.contains { $0.location.file != page.file })
    }

    /// The diagnostic for a finding at the severity configured for its rule id (a companion id's own setting
    /// when the finding names one) in its file, or nil when that rule is off there.
    private func diagnostic(
        _ finding: Finding, rule reporting: RuleDescription, descriptions: [String: RuleDescription]
    ) -> Diagnostic? {
        let rule = finding.ruleID.flatMap { descriptions[$0] } ?? reporting
        let configured: Severity?
        if configuration.hasOverrides(for: rule.id) {
            configured = configuration.severity(for: rule, in: finding.file)
        } else {
            configured = configuration.severity(for: rule)
        }
        guard let severity = configured else { return nil }
        return Diagnostic(
            ruleID: finding.ruleID ?? rule.id, severity: severity, message: finding.message,
            location: SourceLocation(file: finding.file, range: finding.range), notes: finding.notes,
            anchor: finding.anchor, fix: finding.fix)
    }
}
