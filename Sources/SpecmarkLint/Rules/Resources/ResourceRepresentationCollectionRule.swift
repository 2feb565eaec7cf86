import SpecmarkContract
import SpecmarkMarkdown

/// A resource's JSON representation is a collection response rather than one instance.
///
/// Produced by ``PageExtractor``, while it collects the page's type definitions, as an ``ExtractionFinding`` this rule
/// reports; the type's properties are then read from the collection's first element.
struct ResourceRepresentationCollectionRule: ExtractedRule {
    let finding = ExtractionFinding.resourceRepresentationCollection

    let description = RuleDescription(
        id: "resource-representation-collection",
        family: .resources,
        summary: "a resource's JSON representation is a collection response, not one instance",
        defaultSeverity: .warning,
        rationale: """
            The JSON representation shows what one instance of the type looks like. A response to a list request \
            pasted there (`{ "value": [ { … } ] }`) says the type has a single property named `value`; Specmark \
            reads the type's properties from the first element, so the page is still checked, and reports the \
            shape once so that the representation can be unwrapped.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                1️⃣{
                  "value": [
                    { "id": "String", "isActive": true }
                  ]
                }1️⃣
                ```
                """, file: "resources/gadget.md",
                messages: [
                    """
                    the JSON representation of 'microsoft.graph.gadget' is a collection response ('value' array); \
                    show one instance, whose properties are read from the first element
                    """
                ])
        ],
        nonTriggeringExamples: [
            // A type whose own property is named value.
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |value|[gadgetReading](gadgetreading.md) collection|The readings.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadgetReadings" } -->
                ```json
                { "value": [ { "reading": "String" } ] }
                ```
                """, file: "resources/gadgetreadings.md"),
            RuleExample(
                """
                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                { "id": "String", "isActive": true }
                ```
                """, file: "resources/gadget.md"),
        ]
    )
}
