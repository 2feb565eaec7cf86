import SpecmarkContract

/// A heading is a near miss of a section the outline requires. Reported by ``OutlineRule``.
struct OutlineHeadingMisspeltRule: CompanionRule {
    let description = RuleDescription(
        id: "outline-heading-misspelt",
        family: .outline,
        summary: "a heading is a near miss of a section the outline requires",
        defaultSeverity: .warning,
        rationale: """
            `## Permision` or `## Reponse` is the section readers and tools look for, misspelt; it is reported here instead of as a missing section.
            """,
        triggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n## HTTP request\n```http\nGET /widgets/{id}\n```\n## Request headers\n## Request body\n1️⃣## Reponse\n## Examples\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n## HTTP request\n```http\nGET /widgets/{id}\n```\n## Request headers\n## Request body\n## Response\n## Examples\n"
            )
        ]
    )
}
