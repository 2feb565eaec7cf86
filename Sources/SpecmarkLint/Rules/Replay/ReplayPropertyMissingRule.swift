import SpecmarkContract

/// A property (or the whole body) the documented response shows was not sent.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayPropertyMissingRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-property-missing",
        family: .replay,
        summary: "a property (or the whole body) the documented response shows was not sent",
        defaultSeverity: .error,
        rationale: """
            Code written from the example reads the property and fails. OData control information \
            (@odata.*) is never compared, and truncated examples only promise what they show.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
