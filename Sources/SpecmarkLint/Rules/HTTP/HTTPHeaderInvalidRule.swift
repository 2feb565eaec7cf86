import SpecmarkContract
import SpecmarkMarkdown

/// A line among the headers is not a Name: value header.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPHeaderInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.httpHeaderInvalid

    let description = RuleDescription(
        id: "http-header-invalid",
        family: .http,
        summary: "a line among the headers is not a Name: value header",
        defaultSeverity: .warning,
        rationale: """
            Between the first line and the blank line, every line must be a header; anything else is dropped by clients.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\n1️⃣client_id=abc&state=1\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /a\nPrefer: return=minimal\n```\n"
            )
        ]
    )
}
