import SpecmarkContract
import SpecmarkMarkdown

/// A status line's reason phrase is not the standard one for its code.
struct HTTPReasonPhraseRule: LintRule {
    let description = RuleDescription(
        id: "http-reason-phrase",
        family: .http,
        summary: "a status line's reason phrase is not the standard one for its code",
        defaultSeverity: .warning,
        rationale: """
            `204 NoContent` and `201 OK` read as typos at best; `204 Accepted` names another status (202) and \
            leaves readers unsure which one the service returns. Use the phrase RFC 9110 gives the code (an older \
            standard phrase such as RFC 7231's `Payload Too Large` is accepted), or none.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 1️⃣NoContent1️⃣
                ```
                """,
                messages: ["status 204 has reason phrase 'NoContent'; the standard phrase is 'No Content'"],
                fixed: """
                    <!-- { "blockType": "response" } -->
                    ```http
                    HTTP/1.1 204 No Content
                    ```
                    """),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 201 1️⃣OK1️⃣
                ```
                """,
                messages: ["status 201 has the reason phrase of 200 ('OK'); 201 is 'Created'"],
                fixed: """
                    <!-- { "blockType": "response" } -->
                    ```http
                    HTTP/1.1 201 Created
                    ```
                    """),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 1️⃣Accepted1️⃣
                ```
                """,
                messages: ["status 204 has the reason phrase of 202 ('Accepted'); 204 is 'No Content'"],
                fixed: """
                    <!-- { "blockType": "response" } -->
                    ```http
                    HTTP/1.1 204 No Content
                    ```
                    """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/2 200
                ```
                """),
            // An older standard phrasing (RFC 7231's) is accepted.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 413 Payload Too Large
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, response) in page.responses.enumerated() {
            guard let line = response.message.statusLine, let range = line.reasonRange,
                let standard = ReasonPhrase.standard[line.code], line.reason != standard,
                !(ReasonPhrase.alternatives[line.code]?.contains(line.reason) ?? false)
            else { continue }
            let other = ReasonPhrase.standard.first {
                $0.value.equalsIgnoringCase(line.reason) && $0.key != line.code
            }
            report.report(
                other.map { .phraseOfOtherStatus(line, other: $0.key, standard: standard) }
                    ?? .phraseNotStandard(line, standard: standard),
                at: range, anchor: page.anchor(ofResponse: index),
                fix: .replace(range, expected: line.reason, with: standard, title: "Write '\(standard)'"))
        }
    }
}

extension FindingMessage {
    fileprivate static func phraseNotStandard(_ line: HTTPStatusLine, standard: String) -> FindingMessage {
        FindingMessage("status \(line.code) has reason phrase '\(line.reason)'; the standard phrase is '\(standard)'")
    }

    fileprivate static func phraseOfOtherStatus(_ line: HTTPStatusLine, other: Int, standard: String) -> FindingMessage
    {
        FindingMessage(
            "status \(line.code) has the reason phrase of \(other) ('\(line.reason)'); \(line.code) is '\(standard)'")
    }
}
