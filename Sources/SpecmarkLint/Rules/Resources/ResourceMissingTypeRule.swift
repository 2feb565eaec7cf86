import SpecmarkContract
import SpecmarkMarkdown

/// A resource annotation has no @odata.type.
///
/// Produced by ``PageExtractor``, while it collects the page's type definitions, as an ``ExtractionFinding`` this rule
/// reports.
struct ResourceMissingTypeRule: ExtractedRule {
    let finding = ExtractionFinding.resourceMissingType

    let description = RuleDescription(
        id: "resource-missing-type",
        family: .resources,
        summary: "a resource annotation has no @odata.type",
        defaultSeverity: .warning,
        rationale: """
            A `resource` annotation names the type its JSON defines; without `@odata.type` nothing can refer to it.
            """,
        triggeringExamples: [
            RuleExample(
                """
                1️⃣<!-- { "blockType": "resource", "keyProperty": "id" } -->1️⃣
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/widget.md",
                messages: ["resource annotation has no '@odata.type', so no type is defined"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/widget.md")
        ]
    )
}
