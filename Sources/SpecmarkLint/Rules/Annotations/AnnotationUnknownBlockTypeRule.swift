import SpecmarkContract
import SpecmarkMarkdown

/// An annotation's blockType is not one the docs use.
///
/// Produced by ``AnnotationDecoder``, while the page is extracted, as an ``ExtractionFinding`` this rule reports.
struct AnnotationUnknownBlockTypeRule: ExtractedRule {
    let finding = ExtractionFinding.annotationUnknownBlockType

    let description = RuleDescription(
        id: "annotation-unknown-block-type",
        family: .annotations,
        summary: "an annotation's blockType is not one the docs use",
        defaultSeverity: .warning,
        rationale: """
            Tools act on known block types only (request, response, resource, ignored, example, samples, \
            simulatedResponse, testParams, enum, permissions); a misspelt one turns the annotation into noise.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": 1️⃣"reqeust"1️⃣, "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["blockType 'reqeust' is not one Specmark knows; did you mean 'request'?"]),
            RuleExample(
                """
                <!-- { "blockType": 1️⃣"Response"1️⃣ } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["blockType 'Response' is spelt 'response'"]),
            // No known type is close.
            RuleExample(
                """
                <!-- { "blockType": 1️⃣"snippet"1️⃣ } -->
                ```http
                GET /widgets/1
                ```
                """,
                messages: ["blockType 'snippet' is not one Specmark knows"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "ignored" } -->
                ```http
                GET /widgets/1
                ```
                """),
        ]
    )
}
