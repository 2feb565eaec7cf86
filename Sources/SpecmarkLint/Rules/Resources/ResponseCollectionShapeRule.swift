import SpecmarkContract

/// A response's body does not have the shape its annotation declares (collection or single entity). Reported by
/// ``BodyConformanceRule``, which checks each body once.
struct ResponseCollectionShapeRule: CompanionRule {
    let description = RuleDescription(
        id: "response-collection-shape",
        family: .resources,
        summary: "a response's body does not have the shape its annotation declares (collection or single entity)",
        defaultSeverity: .error,
        rationale: """
            An annotation that says `isCollection` (or `Collection(x)`) promises a `value` array; a single-entity \
            annotation on a `{ \"value\": [ … ] }` body (a real v1.0 page does this for one riskyUser) tells tools to \
            read one object where there are many.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("1️⃣{ \"value\": [ { \"id\": \"1\" } ] }1️⃣"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget' is annotated as one widget but its body is a 'value' collection; add \
                    "isCollection": true
                    """
                ]),
            RuleExample(
                ExamplePages.response(
                    "1️⃣{ \"id\": \"1\" }1️⃣", annotation: "\"@odata.type\": \"Collection(microsoft.graph.widget)\""),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget' is annotated as a collection of widget but its body has no 'value' array"
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    "{ \"value\": [ { \"id\": \"1\" } ] }",
                    annotation: "\"@odata.type\": \"microsoft.graph.widget\", \"isCollection\": true"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
