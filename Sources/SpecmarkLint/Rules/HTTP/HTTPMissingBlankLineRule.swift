import SpecmarkContract
import SpecmarkMarkdown

/// A body starts without a blank line after the headers.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPMissingBlankLineRule: ExtractedRule {
    let finding = ExtractionFinding.httpMissingBlankLine

    let description = RuleDescription(
        id: "http-missing-blank-line",
        family: .http,
        summary: "a body starts without a blank line after the headers",
        defaultSeverity: .warning,
        rationale: """
            HTTP separates headers from the body with an empty line; without it the body's first line reads as a header.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /a\nContent-Type: application/json\n1️⃣{ \"a\": 1 }\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /a\nContent-Type: application/json\n\n{ \"a\": 1 }\n```\n"
            )
        ]
    )
}
