import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A declared method is not one the addressed target allows. Reported by ``MetadataPathUnresolvedRule``, which
/// resolves each declared path once.
struct MetadataMethodNotAllowedRule: CompanionRule {
    let description = RuleDescription(
        id: "metadata-method-not-allowed",
        family: .metadata,
        summary: "a declared method is not allowed on what the path addresses",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, what a path addresses decides the methods it takes: functions are called with \
            GET, actions with POST, collections take GET and POST but not PATCH or DELETE, and the metadata's \
            capability annotations (`InsertRestrictions`, `UpdateRestrictions`, `DeleteRestrictions`) narrow \
            them further. A page that declares another method documents a call the service rejects.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                1️⃣POST1️⃣ /widgets/{id}/measure(unit='mm')
                2️⃣GET2️⃣ /widgets/{id}/paint
                3️⃣PATCH3️⃣ /widgets
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "POST is not allowed on a function (microsoft.graph.measure)",
                    "GET is not allowed on an action (microsoft.graph.paint)",
                    "PATCH is not allowed on a collection (widgets)",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/measure(unit='mm')
                POST /widgets/{id}/paint
                PATCH /widgets/{id}
                POST /widgets
                DELETE /widgets/{id}
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )
}

extension FindingMessage {
    static func notAllowed(_ problem: MethodProblem, target: PathResolution.Segment) -> FindingMessage {
        FindingMessage("\(problem) (\(target.operation?.name ?? target.text))")
    }
}
