import SpecmarkContract

/// The service sent a property the response's resource type does not define.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayPropertyUndeclaredRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-property-undeclared",
        family: .replay,
        summary: "the service sent a property the response's resource type does not define",
        defaultSeverity: .warning,
        rationale: """
            Properties a service sends but the resource page omits are invisible to readers; the resource's \
            Properties table is where they belong.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
