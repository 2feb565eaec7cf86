import SpecmarkContract
import SpecmarkMarkdown

/// An annotation key appears more than once.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationDuplicateKeyRule: ExtractedRule {
    let finding = ExtractionFinding.annotationDuplicateKey

    let description = RuleDescription(
        id: "annotation-duplicate-key",
        family: .annotations,
        summary: "an annotation key appears more than once",
        defaultSeverity: .warning,
        rationale: """
            JSON readers disagree on which duplicate wins; Specmark uses the first.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget", 1️⃣"name"1️⃣: "list_widgets" } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["annotation key 'name' appears more than once; the first is used"]),
            // Each repetition is reported, in a multi-line annotation too.
            RuleExample(
                """
                <!-- {
                  "blockType": "response",
                  "truncated": true,
                  1️⃣"truncated"1️⃣: false,
                  2️⃣"truncated"2️⃣: true
                } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: [
                    "annotation key 'truncated' appears more than once; the first is used",
                    "annotation key 'truncated' appears more than once; the first is used",
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                """)
        ]
    )
}
