import SpecmarkContract

/// A body has a property its resource does not define. Reported by ``BodyConformanceRule``, which checks each body
/// once.
struct BodyPropertyUndeclaredRule: CompanionRule {
    let description = RuleDescription(
        id: "body-property-undeclared",
        family: .resources,
        summary: "a body has a property its resource does not define",
        defaultSeverity: .warning,
        rationale: """
            An example that shows a property the resource (and its base types) does not define documents something \
            clients cannot rely on — often a renamed or misspelt property. Open types, `@odata.*` control information \
            and `name@odata.x` annotations are exempt.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", 1️⃣\"colour\"1️⃣: \"red\", 2️⃣\"IsActive\"2️⃣: true }"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget': property 'colour' is not defined by widget",
                    "response to 'get_widget': property 'IsActive' is spelt 'isActive' in widget",
                ]),
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"capacity\": 4, 1️⃣\"colour\"1️⃣: \"red\" }",
                    annotation: "\"@odata.type\": \"microsoft.graph.bigWidget\""),
                otherPages: ExamplePages.withBigWidget,
                messages: [
                    """
                    response to 'get_widget': property 'colour' is not defined by bigWidget or its base types
                    """
                ]),
        ],
        nonTriggeringExamples: [
            // Control information and instance annotations are not properties.
            RuleExample(
                ExamplePages.response(
                    "{ \"@odata.context\": \"x\", \"id\": \"1\", \"name@odata.type\": \"String\", \"name\": \"A\" }"),
                otherPages: ExamplePages.withWidget),
            // Properties of the base types are declared.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"name\": \"A\", \"capacity\": 4 }",
                    annotation: "\"@odata.type\": \"microsoft.graph.bigWidget\""),
                otherPages: ExamplePages.withBigWidget),
            // An open type takes any property.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"colour\": \"red\" }",
                    annotation: "\"@odata.type\": \"microsoft.graph.widgetExtension\""),
                otherPages: [
                    "resources/widgetextension.md": """
                    ## Properties
                    |Property|Type|Description|
                    |:---|:---|:---|
                    |id|String|The identifier.|

                    ## JSON representation
                    <!-- {
                      "blockType": "resource", "@odata.type": "microsoft.graph.widgetExtension", "openType": true
                    } -->
                    ```json
                    { "id": "String" }
                    ```
                    """
                ]),
        ]
    )
}
