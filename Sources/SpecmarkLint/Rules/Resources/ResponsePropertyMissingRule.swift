import SpecmarkContract

/// A non-truncated response omits a property its resource marks as required. Reported by ``BodyConformanceRule``, which
/// checks each body once.
struct ResponsePropertyMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "response-property-missing",
        family: .resources,
        summary: "a non-truncated response omits a property its resource marks as required",
        defaultSeverity: .warning,
        rationale: """
            A response example not annotated `truncated` claims to be complete; one without a property the Properties \
            table marks `Required.` contradicts the table.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("1️⃣{ \"id\": \"1\", \"size\": 3 }1️⃣"), otherPages: ExamplePages.withWidget,
                messages: ["response to 'get_widget': $ has no 'name', which widget marks as required"])
        ],
        nonTriggeringExamples: [
            // A truncated response shows only some properties.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"size\": 3 }",
                    annotation: "\"@odata.type\": \"microsoft.graph.widget\", \"truncated\": true"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
