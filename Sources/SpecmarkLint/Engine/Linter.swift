public import Logging
public import SpecmarkContract
import SpecmarkMarkdown

/// Runs rules over a doc set: page rules concurrently, one page at a time; doc-set rules once; then applies
/// the configured severity, the page's suppressions, and assigns fingerprints.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    public var configuration: LintConfiguration

    public init(rules: [any LintRule] = BuiltInRules.all, configuration: LintConfiguration = .default) {
        self.rules = rules
        self.configuration = configuration
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
    public func lintReportingDependencies(
        _ docs: DocSet, pages: [Int]? = nil, logger: Logger
    ) async
        -> (diagnostics: [Diagnostic], consultedFiles: Set<String>)
    {
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
        let options = configuration.options
        let indexes = pages ?? Array(docs.pages.indices)
        logger.debug("linting", metadata: ["pages": "\(indexes.count)", "rules": "\(enabled.count)"])
        // Doc-set rules run beside the page rules, each in its own task: they read the same immutable model. One
        // that checks pages independently runs as one task per share of the pages, so it is not the last to end:
        // four shares a core, so the last share to start ends soon after the others.
        let selected = Set(indexes.map { docs.pages[$0].file })
        var docSetTasks: [(rule: LintRule, reported: Set<String>?)] = []
        for rule in docSetRules {
            if rule.checksPagesIndependently, indexes.count > 1 {
                let shares = min(availableCores * 4, indexes.count)
                for share in 0..<shares {
                    let part = indexes[(share * indexes.count / shares)..<((share + 1) * indexes.count / shares)]
                    docSetTasks.append((rule, Set(part.map { docs.pages[$0].file })))
                }
            } else {
                docSetTasks.append((rule, pages == nil ? nil : selected))
            }
        }
        async let docSetFindings = withTaskGroup(of: (Int, [Diagnostic], Set<String>).self) { group in
            for (order, task) in docSetTasks.enumerated() {
                group.addTask {
                    var findings = Findings(file: "", reportedFiles: task.reported)
                    task.rule.check(docs, options: options, report: &findings)
                    let diagnostics = findings.items.compactMap { finding -> Diagnostic? in
                        guard pages == nil || selected.contains(finding.file) else { return nil }
                        return self.diagnostic(finding, rule: task.rule.description, descriptions: descriptions)
                    }
                    return (order, diagnostics, findings.consultedFiles)
                }
            }
            var results = [[Diagnostic]](repeating: [], count: docSetTasks.count)
            var consulted = Set<String>()
            for await (order, diagnostics, files) in group {
                results[order] = diagnostics
                consulted.formUnion(files)
            }
            return (results.flatMap { $0 }, consulted)
        }
        let perPage = await concurrentMap(indexes) { index -> [Diagnostic] in
            let page = docs.pages[index]
            var diagnostics: [Diagnostic] = []
            // By index: binding each rule would copy its existential for every page.
            for ruleIndex in pageRules.indices {
                var findings = Findings(file: page.file)
                pageRules[ruleIndex].check(page, in: docs, options: options, report: &findings)
                guard !findings.items.isEmpty else { continue }
                let description = pageRules[ruleIndex].description
                for finding in findings.items {
                    if let diagnostic = diagnostic(finding, rule: description, descriptions: descriptions) {
                        diagnostics.append(diagnostic)
                    }
                }
            }
            // Nothing read from a page is lost: a diagnostic no registered rule claims keeps its own severity.
            diagnostics.append(contentsOf: page.diagnostics.filter { !known.contains($0.ruleID) })
            return diagnostics
        }
        var diagnostics = perPage.flatMap { $0 }
        let (docSetDiagnostics, consultedFiles) = await docSetFindings
        diagnostics += docSetDiagnostics
        diagnostics.append(
            contentsOf: docs.diagnostics.filter {
                !known.contains($0.ruleID) && (pages == nil || selected.contains($0.location.file))
            })
        let unused = Suppressions.apply(
            to: &diagnostics, pages: indexes, of: docs, knownRules: known,
            reportUnused: descriptions[SuppressionUnusedRule.id].flatMap(configuration.severity(for:)))
        diagnostics.append(contentsOf: unused)
        diagnostics.sort(by: Diagnostic.sourceOrder)
        Fingerprints.assign(&diagnostics)
        return (diagnostics, consultedFiles)
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
        // A per-finding severity (a lesser case of the rule) applies only while the rule is at its default.
        let effective = severity == rule.defaultSeverity ? (finding.severity ?? severity) : severity
        return Diagnostic(
            ruleID: finding.ruleID ?? rule.id, severity: effective, message: finding.message,
            location: SourceLocation(file: finding.file, range: finding.range), notes: finding.notes,
            anchor: finding.anchor)
    }
}
