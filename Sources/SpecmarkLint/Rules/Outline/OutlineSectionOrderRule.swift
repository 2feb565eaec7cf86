import SpecmarkContract

/// A page's sections are out of the outline's order. Reported by ``OutlineRule``.
struct OutlineSectionOrderRule: CompanionRule {
    let description = RuleDescription(
        id: "outline-section-order",
        family: .outline,
        summary: "a page's sections are out of the outline's order",
        defaultSeverity: .warning,
        rationale: """
            Readers expect Permissions before HTTP request before Response, page after page; a section out of place is \
            hard to find.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget
                ## Permissions
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Request body
                1️⃣## Request headers1️⃣
                ## Response
                ## Examples
                """,
                messages: ["section 'Request headers' comes after 'Request body', but the outline puts it before"])
        ],
        nonTriggeringExamples: [RuleExample(OutlineRule.conformingMethodPage)]
    )
}
