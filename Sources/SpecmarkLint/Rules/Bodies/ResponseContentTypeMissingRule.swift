import SpecmarkContract
import SpecmarkMarkdown

/// A response with a JSON body has no Content-Type header.
struct ResponseContentTypeMissingRule: LintRule {
    let description = RuleDescription(
        id: "response-content-type-missing",
        family: .bodies,
        summary: "a response with a JSON body has no Content-Type header",
        defaultSeverity: .warning,
        rationale: """
            The documented response is what clients and mocks are built against; without its `Content-Type` a \
            reader cannot tell JSON from any other body, and replay cannot check the media type the service sends.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP/1.1 200 OK1️⃣

                { "id": "1" }
                ```
                """,
                messages: ["response 'HTTP/1.1 200 OK' has a JSON body but no Content-Type header"])
        ],
        nonTriggeringExamples: [
            // A bare JSON block after a request has no status line either: example-unannotated asks for both.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                ```json
                { "id": "1" }
                ```
                """),
            // Header names are compared case-insensitively.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-type: application/json

                { "id": "1" }
                ```
                """),
            // A response without a body.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 202 Accepted
                Location: https://graph.microsoft.com/v1.0/widgets/1/operations/7
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, response) in page.responses.enumerated()
        where response.json != nil && response.message.headers["Content-Type"] == nil && response.origin != .bareJSON {
            report.report(
                .contentTypeMissing(page.label(ofResponse: index)),
                at: response.message.statusLine?.range ?? response.range, anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func contentTypeMissing(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has a JSON body but no Content-Type header")
    }
}
