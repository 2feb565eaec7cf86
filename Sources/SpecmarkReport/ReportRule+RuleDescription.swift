public import SpecmarkLint

extension ReportRule {
    /// What reporters need of a lint or replay rule.
    public init(_ rule: RuleDescription) {
        self.init(
            id: rule.id, family: rule.family.rawValue, summary: rule.summary, rationale: rule.rationale,
            defaultSeverity: rule.defaultSeverity)
    }
}
