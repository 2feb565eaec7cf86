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
            A response block must start with a status line, `HTTP/1.1 200 OK` (version, code and, optionally, \
            reason); a block that starts otherwise — often a pasted request — has no status to check.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣POST https://graph.microsoft.com/v1.0/widgets1️⃣
                ```
                """,
                messages: [
                    """
                    response block starts with a request line ('POST https://graph.microsoft.com/v1.0/widgets'), \
                    not a status line
                    """
                ]),
            // No status code.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP/1.1 OK1️⃣
                ```
                """,
                messages: ["status line 'HTTP/1.1 OK' is not 'HTTP/version code reason'"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
            // The reason phrase is optional.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204
                ```
                """),
            // A status line without its version is http-status-line-no-version's finding.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP 204 No Content
                ```
                """),
        ]
    )
}
