import SpecmarkContract

/// A request body sends a property the Request body table does not document. Reported by ``BodyConformanceRule``, which checks each body once.
struct RequestPropertyUndeclaredRule: CompanionRule {
    let description = RuleDescription(
        id: "request-property-undeclared",
        family: .resources,
        summary: "a request body sends a property the Request body table does not document",
        defaultSeverity: .warning,
        rationale: """
            The Request body table says what a client may send; an example that sends more documents an undocumented (or misspelt) property.
            """,
        triggeringExamples: [
            RuleExample(
                "## Request body\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name. Required.|\n\n## Example\n<!-- { \"blockType\": \"request\", \"name\": \"create_widget\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n{ \"name\": \"A\", 1️⃣\"colour\": \"red\" }\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "## Request body\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name. Required.|\n\n## Example\n<!-- { \"blockType\": \"request\", \"name\": \"create_widget\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n{ \"name\": \"A\" }\n```\n"
            )
        ]
    )
}
