public import Logging
public import SpecmarkContract
import SpecmarkMarkdown

/// Runs rules over a doc set: page rules concurrently, one page at a time; doc-set rules once; then applies
/// the configured severity to every finding.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    public var configuration: LintConfiguration

    public init(rules: [any LintRule] = BuiltInRules.all, configuration: LintConfiguration = .default) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Lints `docs`; `pages` limits the page rules to some pages (for shards and changed files), while the
    /// whole doc set stays available for lookups. Returns diagnostics in report order.
    public func lint(_ docs: DocSet, pages: [Int]? = nil, logger: Logger) async -> [Diagnostic] {
        let enabled = rules.compactMap { rule -> (rule: any LintRule, severity: Severity)? in
            configuration.severity(for: rule.description).map { (rule, $0) }
        }
        let pageRules = enabled.filter { $0.rule.isPageRule }
        let docSetRules = enabled.filter { !$0.rule.isPageRule }
        let known = Set(rules.map(\.description.id))
        let options = configuration.options
        let indexes = pages ?? Array(docs.pages.indices)
        logger.debug("linting", metadata: ["pages": "\(indexes.count)", "rules": "\(enabled.count)"])
        let perPage = await concurrentMap(indexes) { index -> [Diagnostic] in
            let page = docs.pages[index]
            var diagnostics: [Diagnostic] = []
            for (rule, severity) in pageRules {
                var findings = Findings(file: page.file)
                rule.check(page, in: docs, options: options, report: &findings)
                diagnostics.append(
                    contentsOf: findings.items.map { Self.diagnostic($0, rule: rule.description, severity: severity) })
            }
            // Nothing read from a page is lost: a diagnostic no registered rule claims keeps its own severity.
            diagnostics.append(contentsOf: page.diagnostics.filter { !known.contains($0.ruleID) })
            return diagnostics
        }
        var diagnostics = perPage.flatMap { $0 }
        let selected = Set(indexes.map { docs.pages[$0].file })
        for (rule, severity) in docSetRules {
            var findings = Findings(file: "")
            rule.check(docs, options: options, report: &findings)
            for finding in findings.items where pages == nil || selected.contains(finding.file) {
                diagnostics.append(Self.diagnostic(finding, rule: rule.description, severity: severity))
            }
        }
        diagnostics.append(contentsOf: docs.diagnostics.filter { !known.contains($0.ruleID) })
        diagnostics.sort(by: Diagnostic.sourceOrder)
        return diagnostics
    }

    private static func diagnostic(_ finding: Finding, rule: RuleDescription, severity: Severity) -> Diagnostic {
        // A per-finding severity (a lesser case of the rule) applies only while the rule is at its default.
        let effective = severity == rule.defaultSeverity ? (finding.severity ?? severity) : severity
        return Diagnostic(
            ruleID: finding.ruleID ?? rule.id, severity: effective, message: finding.message,
            location: SourceLocation(file: finding.file, range: finding.range), notes: finding.notes,
            anchor: finding.anchor)
    }
}
