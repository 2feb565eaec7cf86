import SpecmarkContract

/// A heading is a near miss of a section the outline requires. Reported by ``OutlineRule``.
struct OutlineHeadingMisspeltRule: CompanionRule {
    let description = RuleDescription(
        id: "outline-heading-misspelt",
        family: .outline,
        summary: "a heading is a near miss of a section the outline requires",
        defaultSeverity: .warning,
        rationale: """
            `## Permision` or `## Reponse` is the section readers and tools look for, misspelt; it is reported here \
            instead of as a missing section.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget
                1️⃣## Permision1️⃣
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Request headers
                ## Request body
                2️⃣## Reponse2️⃣
                ## Examples
                """,
                messages: [
                    "heading 'Permision' looks like a misspelling of 'Permissions'",
                    "heading 'Reponse' looks like a misspelling of 'Response'",
                ],
                fixed: OutlineRule.conformingMethodPage)
        ],
        nonTriggeringExamples: [
            RuleExample(OutlineRule.conformingMethodPage)
        ]
    )
}
