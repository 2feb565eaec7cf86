import SpecmarkContract

/// A declared path's segment differs from the metadata's name only in case. Reported by
/// ``MetadataPathUnresolvedRule``, which resolves each declared path once.
struct MetadataPathCaseMismatchRule: CompanionRule {
    let description = RuleDescription(
        id: "metadata-path-case-mismatch",
        family: .metadata,
        summary: "a declared path's segment differs from the metadata's name only in case",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, OData names are case-sensitive: `calendargroups` is not the metadata's \
            `calendarGroups`. A service may accept either (Microsoft Graph does), but clients generated from the \
            metadata, and readers copying the path into them, use the declared spelling; write the path as the \
            metadata does. A segment that is not in the metadata in any case is `metadata-path-unresolved`.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/1️⃣Parts1️⃣
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: ["path segment 'Parts' does not resolve: the metadata spells it 'parts'"],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/parts
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )
}
