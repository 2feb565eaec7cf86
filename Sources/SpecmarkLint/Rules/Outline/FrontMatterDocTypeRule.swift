import SpecmarkContract

/// A page's doc_type contradicts its content. Reported by ``OutlineRule``.
struct FrontMatterDocTypeRule: CompanionRule {
    let description = RuleDescription(
        id: "front-matter-doc-type",
        family: .outline,
        summary: "a page's doc_type contradicts its content",
        defaultSeverity: .warning,
        rationale: """
            `doc_type` decides how the docs site files a page and which outline it must follow. A page that \
            declares HTTP methods and defines no resource is an apiPageType; one that defines a resource and \
            declares no method is a resourcePageType.
            """,
        triggeringExamples: [
            RuleExample(
                "---\ndoc_type: 1️⃣resourcePageType\n---\n# Update widget\n## HTTP request\n```http\nPATCH /widgets/{id}\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\ndoc_type: apiPageType\n---\n# Update widget\n## HTTP request\n```http\nPATCH /widgets/{id}\n```\n"
            )
        ]
    )
}
