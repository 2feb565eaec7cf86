import SpecmarkContract
import SpecmarkMarkdown

/// A key appears twice in one JSON object.
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples are extracted, as an
/// ``ExtractionFinding`` this rule reports.
struct BodyDuplicateKeyRule: ExtractedRule {
    let finding = ExtractionFinding.bodyDuplicateKey

    let description = RuleDescription(
        id: "body-duplicate-key",
        family: .bodies,
        summary: "a key appears twice in one JSON object",
        defaultSeverity: .warning,
        rationale: """
            JSON readers keep either the first or the last duplicate; the example means one of them.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"1\", 1️⃣\"id\": \"2\" }\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"1\" }\n```\n"
            )
        ]
    )
}
