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
            // The value's range is where YAML puts it: its first character.
            RuleExample(
                """
                ---
                doc_type: 1️⃣resourcePageType1️⃣
                ---
                # Update widget
                ## HTTP request
                ```http
                PATCH /widgets/{id}
                ```
                """,
                messages: [
                    """
                    doc_type is resourcePageType but the page declares an HTTP method and no resource; it should be \
                    apiPageType
                    """
                ]),
            RuleExample(
                """
                ---
                doc_type: 1️⃣apiPageType1️⃣
                ---
                # widget resource type
                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                { "id": "String" }
                ```
                """, file: "resources/widget.md",
                messages: [
                    """
                    doc_type is apiPageType but the page defines a resource and declares no HTTP method; it should be \
                    resourcePageType
                    """
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Update widget
                ## HTTP request
                ```http
                PATCH /widgets/{id}
                ```
                """),
            // A page that declares a method and defines a resource does not say clearly which it is.
            RuleExample(
                """
                ---
                doc_type: resourcePageType
                ---
                # widget resource type
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                { "id": "String" }
                ```
                """, file: "resources/widget.md"),
        ]
    )
}
