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
            read one object where there are many. When the request addresses one entity by its key, the body is \
            what is wrong, and the message says so.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("1️⃣{ \"value\": [ { \"id\": \"1\" } ] }1️⃣"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget' is annotated as one widget but its body is a 'value' collection, and \
                    the request addresses one widget by its key: the body should be that widget itself
                    """
                ]),
            // A request for the collection: the annotation is what is wrong.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                1️⃣{ "value": [ { "id": "1" } ] }1️⃣
                ```
                """,
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'list_widgets' is annotated as one widget but its body is a 'value' collection; add \
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
