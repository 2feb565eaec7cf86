public import SpecmarkContract

/// The findings replay reports, with the same stable ids, summaries and rationales as lint rules.
public enum ReplayRules {
    /// One replay finding kind.
    public struct Rule: Sendable {
        public let id: String
        public let severity: Severity
        public let summary: String
        public let rationale: String
    }

    public static let all: [Rule] = [
        Rule(
            id: ResponseComparison.statusMismatch, severity: .error,
            summary: "the service answered a status neither the documented response nor the Response section shows",
            rationale: """
                Readers write their error handling from the documented status. A service answering 201 where the \
                page shows 200 (and the Response section names neither) means one of them is wrong.
                """),
        Rule(
            id: ResponseComparison.contentTypeMismatch, severity: .error,
            summary: "the service's Content-Type differs from the documented response's",
            rationale: """
                Clients choose a parser by media type; a page showing application/json for a service sending \
                text/plain sends readers to the wrong one.
                """),
        Rule(
            id: ResponseComparison.headerMissing, severity: .warning,
            summary: "a header the documented response shows was not sent",
            rationale: """
                Documented headers such as Location or Preference-Applied are part of the contract. Headers that \
                vary by server or moment (Date, request-id, Content-Length) are never compared.
                """),
        Rule(
            id: ResponseComparison.propertyMissing, severity: .error,
            summary: "a property (or the whole body) the documented response shows was not sent",
            rationale: """
                Code written from the example reads the property and fails. OData control information \
                (@odata.*) is never compared, and truncated examples only promise what they show.
                """),
        Rule(
            id: ResponseComparison.typeMismatch, severity: .error,
            summary: "a value's JSON type differs from the documented example's or the resource's property type",
            rationale: """
                A number documented as a string, or an object where an array is shown, breaks typed clients. \
                null is accepted for any type.
                """),
        Rule(
            id: ResponseComparison.valueMismatch, severity: .error,
            summary: "with --compare values, a stable literal differs from the documented one",
            rationale: """
                Only values that should not vary between calls are compared: never ids, timestamps, etags, \
                versions, URLs or anything shaped like a GUID or a date.
                """),
        Rule(
            id: ResponseComparison.undeclared, severity: .warning,
            summary: "the service sent a property the response's resource type does not define",
            rationale: """
                Properties a service sends but the resource page omits are invisible to readers; the resource's \
                Properties table is where they belong.
                """),
        Rule(
            id: ResponseComparison.notJSON, severity: .error,
            summary: "the documented response shows JSON but the service's body is not JSON",
            rationale: "A client parsing the documented JSON fails on the service's body."),
        Rule(
            id: ReplayEngine.requestFailed, severity: .error,
            summary: "the request could not be completed: refused, reset, timed out, too large or kept throttled",
            rationale: """
                Nothing could be compared, so the example is an error rather than a pass. The message names the \
                host and what happened; 429 and 503 are retried (honouring Retry-After) before this is reported.
                """),
    ]

    public static func rule(withID id: String) -> Rule? {
        all.first { $0.id == id }
    }
}
