import SpecmarkContract

/// With --compare values, a stable literal differs from the documented one.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayValueMismatchRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-value-mismatch",
        family: .replay,
        summary: "with --compare values, a stable literal differs from the documented one",
        defaultSeverity: .error,
        rationale: """
            Only values that should not vary between calls are compared: never ids, timestamps, etags, \
            versions, URLs or anything shaped like a GUID or a date.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
