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
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget
                ## Permissions
                1️⃣## HTTP Request1️⃣
                ```http
                GET /widgets/{id}
                ```
                ## Request headers
                ## Request body
                ## Response
                ## Examples
                """,
                messages: ["heading 'HTTP Request' is written 'HTTP request' in the outline"],
                fixed: OutlineRule.conformingMethodPage)
        ],
        nonTriggeringExamples: [
            RuleExample(OutlineRule.conformingMethodPage)
        ]
    )
}
