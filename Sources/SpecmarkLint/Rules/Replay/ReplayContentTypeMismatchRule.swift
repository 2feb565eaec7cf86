import SpecmarkContract

/// The service's Content-Type differs from the documented response's.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayContentTypeMismatchRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-content-type-mismatch",
        family: .replay,
        summary: "the service's Content-Type differs from the documented response's",
        defaultSeverity: .error,
        rationale: """
            Clients choose a parser by media type; a page showing application/json for a service sending \
            text/plain sends readers to the wrong one. Parameters (`charset`, `odata.metadata`) are not compared.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
