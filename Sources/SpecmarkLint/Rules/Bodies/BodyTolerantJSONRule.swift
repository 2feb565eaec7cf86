import SpecmarkContract
import SpecmarkMarkdown

/// A JSON body is readable only tolerantly (trailing comma, comment, raw newline, ellipsis).
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples are extracted, as an
/// ``ExtractionFinding`` this rule reports.
struct BodyTolerantJSONRule: ExtractedRule {
    let finding = ExtractionFinding.bodyTolerantJSON

    let description = RuleDescription(
        id: "body-tolerant-json",
        family: .bodies,
        summary: "a JSON body is readable only tolerantly (trailing comma, comment, raw newline, ellipsis)",
        defaultSeverity: .warning,
        rationale: """
            Specmark reads trailing commas, comments, raw newlines in strings and `...` placeholders, but a client or a strict parser does not; an ellipsis is accepted silently only in a response annotated `truncated`.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /a\nContent-Type: application/json\n\n{ \"a\": 11️⃣, }\n```\n"
            ),
            RuleExample(
                "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"value\": [ 1️⃣... ] }\n```\n"
            ),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\", \"truncated\": true } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"value\": [ ... ] }\n```\n"
            )
        ]
    )
}
