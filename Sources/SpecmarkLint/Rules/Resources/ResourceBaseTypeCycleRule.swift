import SpecmarkContract
import SpecmarkMarkdown

/// Resource base types form a cycle.
///
/// Produced by ``DocSet``, after it has merged every type, as an ``ExtractionFinding`` this rule reports.
struct ResourceBaseTypeCycleRule: DocSetExtractedRule {
    let finding = ExtractionFinding.resourceBaseTypeCycle

    let description = RuleDescription(
        id: "resource-base-type-cycle",
        family: .resources,
        summary: "resource base types form a cycle",
        defaultSeverity: .error,
        rationale: """
            A type cannot inherit from itself; the cycle makes its properties undefined.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "resource", "@odata.type": "ns.a", 1️⃣"baseType"1️⃣: "ns.b" } -->
                ```json
                {}
                ```
                """,
                file: "resources/a.md",
                otherPages: [
                    "resources/b.md": """
                    <!-- { "blockType": "resource", "@odata.type": "ns.b", "baseType": "ns.a" } -->
                    ```json
                    {}
                    ```
                    """
                ],
                messages: ["base types of 'ns.a' form a cycle: ns.a → ns.b → ns.a"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "resource", "@odata.type": "ns.a", "baseType": "ns.b" } -->
                ```json
                {}
                ```
                """,
                file: "resources/a.md",
                otherPages: [
                    "resources/b.md": """
                    <!-- { "blockType": "resource", "@odata.type": "ns.b" } -->
                    ```json
                    {}
                    ```
                    """
                ])
        ]
    )
}
