import SpecmarkContract
import SpecmarkMarkdown

/// An annotation has a key Specmark does not know.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationUnknownKeyRule: ExtractedRule {
    let finding = ExtractionFinding.annotationUnknownKey

    let description = RuleDescription(
        id: "annotation-unknown-key",
        family: .annotations,
        summary: "an annotation has a key Specmark does not know",
        defaultSeverity: .warning,
        rationale: """
            Unknown keys are usually misspellings (`scope` for `scopes`, `trunacted` for `truncated`) that silently \
            do nothing. The message suggests the closest known key, when one is close.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response", 1️⃣"trunacted"1️⃣: true } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation key 'trunacted' is not one Specmark knows; did you mean 'truncated'?"]),
            // No known key is close.
            RuleExample(
                """
                <!-- { "blockType": "response", 1️⃣"owner"1️⃣: "sensors-team" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["annotation key 'owner' is not one Specmark knows"]),
            // The page annotation has keys of its own.
            RuleExample(
                """
                <!-- { "type": "#page.annotation", 1️⃣"descripton"1️⃣: "Reads one widget." } -->
                # Get widget
                """,
                messages: ["annotation key 'descripton' is not one Specmark knows; did you mean 'description'?"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response", "truncated": true } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """)
        ]
    )
}
