import SpecmarkContract
import SpecmarkMarkdown

/// A request example does not start with METHOD URL.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPRequestLineInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.httpRequestLineInvalid

    let description = RuleDescription(
        id: "http-request-line-invalid",
        family: .http,
        summary: "a request example does not start with METHOD URL",
        defaultSeverity: .error,
        rationale: """
            A request block must start with an upper-case method and a URL (`GET https://…/users/1`), optionally followed by the HTTP version; anything else cannot be replayed or matched to the declared paths.
            """,
        triggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\n1️⃣get /widgets\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /widgets HTTP/1.1\n```\n")
        ]
    )
}
