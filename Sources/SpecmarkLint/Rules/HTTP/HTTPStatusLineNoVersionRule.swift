import SpecmarkContract
import SpecmarkMarkdown

/// A status line has no HTTP version.
///
/// Produced by ``HTTPMessageParser``, while the page's examples are extracted, as an ``ExtractionFinding`` this rule
/// reports.
struct HTTPStatusLineNoVersionRule: ExtractedRule {
    let finding = ExtractionFinding.httpStatusLineNoVersion

    let description = RuleDescription(
        id: "http-status-line-no-version",
        family: .http,
        summary: "a status line has no HTTP version",
        defaultSeverity: .warning,
        rationale: """
            `HTTP 201 Created` is not an HTTP status line; write `HTTP/1.1 201 Created`.
            """,
        triggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"response\" } -->\n```http\n1️⃣HTTP 204 No Content\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample("<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n")
        ]
    )
}
