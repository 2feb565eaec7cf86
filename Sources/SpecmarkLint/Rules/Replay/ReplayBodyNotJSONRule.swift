import SpecmarkContract

/// The documented response shows JSON but the service's body is not JSON.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayBodyNotJSONRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-body-not-json",
        family: .replay,
        summary: "the documented response shows JSON but the service's body is not JSON",
        defaultSeverity: .error,
        rationale: """
            A client parsing the documented JSON fails on the service's body.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
