import SpecmarkContract
import SpecmarkMarkdown

/// A type is defined on two pages that contradict each other.
///
/// Produced by ``DocSet``, while it merges definitions of one type from several pages, as an ``ExtractionFinding`` this
/// rule reports.
struct ResourceDuplicateRule: DocSetExtractedRule {
    let finding = ExtractionFinding.resourceDuplicate

    let description = RuleDescription(
        id: "resource-duplicate",
        family: .resources,
        summary: "a type is defined on two pages that contradict each other",
        defaultSeverity: .warning,
        rationale: """
            Some workloads define one type across several pages, and Specmark merges them; where two definitions \
            disagree (another base type, another type for a property), only the first one counts.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                1️⃣|size|Int32|Bytes.|1️⃣

                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                {}
                ```
                """,
                file: "resources/widget-more.md",
                otherPages: [
                    "resources/widget.md": """
                    ## Properties
                    |Property|Type|Description|
                    |:---|:---|:---|
                    |size|String|Text.|

                    <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                    ```json
                    {}
                    ```
                    """
                ],
                messages: [
                    """
                    property 'size' of 'microsoft.graph.widget' is Int32 here but String in resources/widget.md
                    """
                ]),
            // Another base type.
            RuleExample(
                """
                <!-- {
                  "blockType": "resource", "@odata.type": "microsoft.graph.widget",
                  1️⃣"baseType"1️⃣: "microsoft.graph.item"
                } -->
                ```json
                {}
                ```
                """,
                file: "resources/widget-more.md",
                otherPages: [
                    "resources/widget.md": """
                    <!-- {
                      "blockType": "resource", "@odata.type": "microsoft.graph.widget",
                      "baseType": "microsoft.graph.entity"
                    } -->
                    ```json
                    {}
                    ```
                    """
                ],
                messages: [
                    """
                    type 'microsoft.graph.widget' is defined again with base type 'microsoft.graph.item', but \
                    resources/widget.md says 'microsoft.graph.entity'
                    """
                ]),
        ],
        nonTriggeringExamples: [
            // Definitions that add properties to each other merge.
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |color|String|Paint.|

                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                {}
                ```
                """,
                file: "resources/widget-more.md",
                otherPages: [
                    "resources/widget.md": """
                    ## Properties
                    |Property|Type|Description|
                    |:---|:---|:---|
                    |size|String|Text.|

                    <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                    ```json
                    {}
                    ```
                    """
                ])
        ]
    )
}
