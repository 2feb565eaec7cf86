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
                "<!-- { \"blockType\": \"response\" } -->\n```http\n1️⃣HTTP/1.1 200 OK\n\n{ \"id\": \"1\" }\n```\n")
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ \"id\": \"1\" }\n```\n"
            )
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, response) in page.responses.enumerated()
        where response.json != nil && response.message.headers["Content-Type"] == nil {
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
