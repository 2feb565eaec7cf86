import SpecmarkContract
import SpecmarkMarkdown

/// A response example does not start with a status line.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPStatusLineInvalidRule: ExtractedRule {
    let finding = ExtractionFinding.httpStatusLineInvalid

    let description = RuleDescription(
        id: "http-status-line-invalid",
        family: .http,
        summary: "a response example does not start with a status line",
        defaultSeverity: .error,
        rationale: """
            A response block must start with `HTTP/1.1 200 OK` (version, code, reason); a block that starts otherwise — often a pasted request — has no status to check.
            """,
        triggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\" } -->\n```http\n1️⃣POST https://graph.microsoft.com/v1.0/widgets\n```\n"
            )
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n")
        ]
    )
}
