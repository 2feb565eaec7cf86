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
            Some workloads define one type across several pages, and Specmark merges them; where two definitions disagree (another base type, another type for a property), only the first one counts.
            """,
        triggeringExamples: [
            RuleExample(
                "## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n1️⃣|size|Int32|Bytes.|\n\n"
                    + "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{}\n```\n",
                file: "resources/widget-more.md",
                otherPages: [
                    "resources/widget.md":
                        "## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|size|String|Text.|\n\n"
                        + "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{}\n```\n"
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                "## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|color|String|Paint.|\n\n"
                    + "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{}\n```\n",
                file: "resources/widget-more.md",
                otherPages: [
                    "resources/widget.md":
                        "## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|size|String|Text.|\n\n"
                        + "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\" } -->\n```json\n{}\n```\n"
                ])
        ]
    )
}
