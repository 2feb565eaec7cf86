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
            clients cannot rely on — often a renamed or misspelt property. Open types (by the annotation's \
            `openType` or the page's own words, "This is an open type"), directory extension properties \
            (`extension_{appId}_{name}`), `@odata.*` control information and `name@odata.x` annotations are exempt. \
            A resource page with no Properties table declares the properties its JSON representation shows.
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
            // A page that calls its type open in prose.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"colour\": \"red\" }",
                    annotation: "\"@odata.type\": \"microsoft.graph.widgetExtension\""),
                otherPages: [
                    "resources/widgetextension.md": """
                    # widgetExtension resource type

                    Holds what a client adds to a widget. This type is an _open type_: clients choose the names.

                    ## Properties
                    |Property|Type|Description|
                    |:---|:---|:---|
                    |id|String|The identifier.|

                    ## JSON representation
                    <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetExtension" } -->
                    ```json
                    { "id": "String" }
                    ```
                    """
                ]),
            // A directory extension property, named after the application that registered it.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCentre\": \"A-17\" }"),
                otherPages: ExamplePages.withWidget),
            // A resource page without a Properties table declares what its JSON representation shows.
            RuleExample(
                ExamplePages.response(
                    "{ \"label\": \"front\", \"isPrimary\": true }",
                    annotation: "\"@odata.type\": \"microsoft.graph.widgetLabel\""),
                otherPages: [
                    "resources/widgetlabel.md": """
                    # widgetLabel resource type

                    A label printed on a widget.

                    ## JSON representation
                    <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetLabel" } -->
                    ```json
                    { "label": "String", "isPrimary": true }
                    ```
                    """
                ]),
        ]
    )
}
