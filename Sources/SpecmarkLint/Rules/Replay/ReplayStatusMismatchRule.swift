import SpecmarkContract

/// The service answered a status neither the documented response nor the Response section shows.
///
/// Produced by SpecmarkReplay's `ResponseComparison` (and by `ReplayEngine` for a request with no documented
/// response) while it replays the examples, as a `ReplayFinding` this rule documents and configures.
struct ReplayStatusMismatchRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-status-mismatch",
        family: .replay,
        summary: "the service answered a status neither the documented response nor the Response section shows",
        defaultSeverity: .error,
        rationale: """
            Readers write their error handling from the documented status. A service answering 201 where the \
            page shows 200 (and the Response section names neither) means one of them is wrong. The finding is at \
            the documented response's status line; the body of another status is not compared.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
