import SpecmarkContract

/// A page's sections are out of the outline's order. Reported by ``OutlineRule``.
struct OutlineSectionOrderRule: CompanionRule {
    let description = RuleDescription(
        id: "outline-section-order",
        family: .outline,
        summary: "a page's sections are out of the outline's order",
        defaultSeverity: .warning,
        rationale: """
            Readers expect Permissions before HTTP request before Response, page after page; a section out of place is hard to find.
            """,
        triggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n## HTTP request\n```http\nGET /widgets/{id}\n```\n## Request body\n1️⃣## Request headers\n## Response\n## Examples\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Get widget\n## Permissions\n## HTTP request\n```http\nGET /widgets/{id}\n```\n## Request headers\n## Request body\n## Response\n## Examples\n"
            )
        ]
    )
}
