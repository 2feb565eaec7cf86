import SpecmarkContract
import SpecmarkMarkdown

/// An annotation is not followed by a code block.
///
/// Produced by ``PageExtractor``, while it binds annotations to code blocks, as an ``ExtractionFinding`` this rule
/// reports.
struct AnnotationOrphanedRule: ExtractedRule {
    let finding = ExtractionFinding.annotationOrphaned

    let description = RuleDescription(
        id: "annotation-orphaned",
        family: .annotations,
        summary: "an annotation is not followed by a code block",
        defaultSeverity: .warning,
        rationale: """
            An annotation binds to the code block right after it, with only blank lines between. With prose or a \
            heading in between it binds to nothing, and the block it was meant for goes unannotated.
            """,
        triggeringExamples: [
            RuleExample(
                """
                1️⃣<!-- { "blockType": "request", "name": "get_widget" } -->1️⃣
                The request:

                ```http
                GET /widgets/1
                ```
                """,
                messages: ["'request' annotation 'get_widget' is not followed by a code block"]),
            RuleExample(
                """
                1️⃣<!-- { "blockType": "response" } -->1️⃣
                ### Response
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["'response' annotation is not followed by a code block"]),
            // Of two annotations in a row, only the second is right before the block.
            RuleExample(
                """
                1️⃣<!-- { "blockType": "request", "name": "get_widget" } -->1️⃣
                <!-- { "blockType": "request", "name": "get_sensor" } -->
                ```http
                GET /sensors/1
                ```
                """,
                messages: ["'request' annotation 'get_widget' is not followed by a code block"]),
            // Nothing after it at all.
            RuleExample(
                """
                ## Example
                1️⃣<!-- { "blockType": "response" } -->1️⃣
                """,
                messages: ["'response' annotation is not followed by a code block"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->

                ```http
                GET /widgets/1
                ```
                """),
            // The page annotation describes the page, not a block.
            RuleExample(
                """
                <!-- { "type": "#page.annotation", "title": "Get widget" } -->
                # Get widget
                """),
        ]
    )
}
