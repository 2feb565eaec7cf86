import SpecmarkContract

/// A body value is a type name written as a placeholder. Reported by ``BodyConformanceRule``, which checks each body
/// once.
struct BodyValuePlaceholderRule: CompanionRule {
    let description = RuleDescription(
        id: "body-value-placeholder",
        family: .resources,
        summary: "a body value is a type name written as a placeholder",
        defaultSeverity: .warning,
        rationale: """
            `\"isActive\": \"Boolean\"` and `\"createdDateTime\": \"String (timestamp)\"` are placeholders from a \
            resource's JSON representation pasted into an example; a real value shows readers what to expect. This is \
            reported apart from type contradictions so placeholders and real mistakes can be told apart.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    """
                    {
                      "id": "1",
                      "isActive": 1️⃣"Boolean"1️⃣,
                      "createdDateTime": 2️⃣"String (timestamp)"2️⃣,
                      "dimensions": 3️⃣"microsoft.graph.widgetDimensions"3️⃣
                    }
                    """),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget': $.isActive is the placeholder \"Boolean\", not a Boolean value",
                    """
                    response to 'get_widget': $.createdDateTime is the placeholder "String (timestamp)", not a \
                    DateTimeOffset value
                    """,
                    """
                    response to 'get_widget': $.dimensions is the placeholder "microsoft.graph.widgetDimensions", not \
                    a widgetDimensions value
                    """,
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"isActive\": true, \"createdDateTime\": \"2021-06-01T09:00:00Z\" }"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
