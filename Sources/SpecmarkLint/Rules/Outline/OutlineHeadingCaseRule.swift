import SpecmarkContract

/// A section heading differs from the outline's title only in case. Reported by ``OutlineRule``.
struct OutlineHeadingCaseRule: CompanionRule {
    let description = RuleDescription(
        id: "outline-heading-case",
        family: .outline,
        summary: "a section heading differs from the outline's title only in case",
        defaultSeverity: .note,
        rationale: """
            `## HTTP Request` is the HTTP request section; tools match it, but the docs are consistent about case.
            """,
        triggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n1️⃣## HTTP Request\n```http\nGET /widgets/{id}\n```\n## Request headers\n## Request body\n## Response\n## Examples\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n## HTTP request\n```http\nGET /widgets/{id}\n```\n## Request headers\n## Request body\n## Response\n## Examples\n"
            )
        ]
    )
}
