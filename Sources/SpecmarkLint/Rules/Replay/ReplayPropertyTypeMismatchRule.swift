import SpecmarkContract

/// A value's JSON type differs from the documented example's or the resource's property type.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayPropertyTypeMismatchRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-property-type-mismatch",
        family: .replay,
        summary: "a value's JSON type differs from the documented example's or the resource's property type",
        defaultSeverity: .error,
        rationale: """
            A number documented as a string, or an object where an array is shown, breaks typed clients. \
            null is accepted for any type.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
