import SpecmarkContract
import SpecmarkMarkdown

/// Prose inside an HTTP example block.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPProseInBlockRule: ExtractedRule {
    let finding = ExtractionFinding.httpProseInBlock

    let description = RuleDescription(
        id: "http-prose-in-block",
        family: .http,
        summary: "prose inside an HTTP example block",
        defaultSeverity: .warning,
        rationale: """
            Lines like `Request body` or `Here is the response:` belong outside the fence; inside it they break the message for every reader and tool.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n1️⃣Request body\n{ \"a\": 1 }\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /widgets\nContent-Type: application/json\n\n{ \"a\": 1 }\n```\n"
            )
        ]
    )
}
