import SpecmarkContract
import SpecmarkMarkdown

/// A JSON body is not valid JSON.
///
/// Produced by ``PageExtractor`` (through ``JSONParser``), while the page's examples and JSON representations are
/// extracted, as an ``ExtractionFinding`` this rule reports.
struct BodyInvalidJSONRule: ExtractedRule {
    let finding = ExtractionFinding.bodyInvalidJSON

    let description = RuleDescription(
        id: "body-invalid-json",
        family: .bodies,
        summary: "a JSON body is not valid JSON",
        defaultSeverity: .error,
        rationale: """
            A request body that is not JSON cannot be sent; a response body that is not JSON cannot be compared with the service or with the resource definition. The finding points at the exact character where reading stopped.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /a\nContent-Type: application/json\n\n{\n  1️⃣model: \"x\"\n}\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nPOST /a\nContent-Type: application/json\n\n{\n  \"model\": \"x\"\n}\n```\n"
            )
        ]
    )
}
