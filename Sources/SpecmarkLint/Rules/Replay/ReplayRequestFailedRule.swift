import SpecmarkContract

/// The request could not be completed: refused, reset, timed out, too large or kept throttled.
///
/// Produced by SpecmarkReplay's `ReplayEngine` while it replays the examples, as a `ReplayFinding` this rule
/// documents and configures.
struct ReplayRequestFailedRule: ReplayRule {
    let description = RuleDescription(
        id: "replay-request-failed",
        family: .replay,
        summary: "the request could not be completed: refused, reset, timed out, too large or kept throttled",
        defaultSeverity: .error,
        rationale: """
            Nothing could be compared, so the example is an error rather than a pass. The message names the \
            host and what happened; 429 and 503 are retried (honouring Retry-After) before this is reported.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
