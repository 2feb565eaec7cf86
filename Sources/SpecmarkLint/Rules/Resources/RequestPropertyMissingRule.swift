import SpecmarkContract

/// A request body lacks a property the Request body table marks as required. Reported by ``BodyConformanceRule``, which checks each body once.
struct RequestPropertyMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "request-property-missing",
        family: .resources,
        summary: "a request body lacks a property the Request body table marks as required",
        defaultSeverity: .warning,
        rationale: """
            An example that leaves out a required property shows a request the service rejects.
            """,
        triggeringExamples: [
            RuleExample(
                "## Request body\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name. Required.|\n|size|Int32|Optional.|\n\n## Example\n<!-- { \"blockType\": \"request\", \"name\": \"create_widget\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n1️⃣{ \"size\": 3 }\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "## Request body\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name. Required.|\n|size|Int32|Optional.|\n\n## Example\n<!-- { \"blockType\": \"request\", \"name\": \"create_widget\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n{ \"name\": \"A\" }\n```\n"
            )
        ]
    )
}
