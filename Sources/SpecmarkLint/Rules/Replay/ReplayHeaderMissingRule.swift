import SpecmarkContract

/// A header the documented response shows was not sent.
///
/// Produced by SpecmarkReplay's `ResponseComparison` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayHeaderMissingRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-header-missing",
        family: .replay,
        summary: "a header the documented response shows was not sent",
        defaultSeverity: .warning,
        rationale: """
            Documented headers such as Location or Preference-Applied are part of the contract. Headers that \
            vary by server or moment (Date, request-id, Content-Length) are never compared.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
