import SpecmarkContract
import SpecmarkMarkdown

/// A request example holds more than one request line.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPMultipleRequestLinesRule: ExtractedRule {
    let finding = ExtractionFinding.httpMultipleRequestLines

    let description = RuleDescription(
        id: "http-multiple-request-lines",
        family: .http,
        summary: "a request example holds more than one request line",
        defaultSeverity: .warning,
        rationale: """
            One example block shows one request; put alternatives in their own blocks so each can be named, paired and replayed.
            """,
        triggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n1️⃣GET /b\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n```\n")
        ]
    )
}
