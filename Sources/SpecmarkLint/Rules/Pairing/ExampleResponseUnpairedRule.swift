import SpecmarkContract
import SpecmarkMarkdown

/// A response example answers no request example.
struct ExampleResponseUnpairedRule: LintRule {
    let description = RuleDescription(
        id: "example-response-unpaired",
        family: .pairing,
        summary: "a response example answers no request example",
        defaultSeverity: .warning,
        rationale: """
            A response with no request before it cannot be replayed or served by the mock; usually a request block \
            lost its annotation or its fence. \
            A response to a request block annotated `ignored` is accounted for.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ### Response
                <!-- { "blockType": "response" } -->
                1️⃣```http
                HTTP/1.1 204 No Content
                ```1️⃣
                """,
                messages: ["response 'HTTP/1.1 204 No Content' answers no request example"])
        ],
        nonTriggeringExamples: [
            // A response to a request block annotated `ignored` is accounted for.
            RuleExample(
                """
                <!-- { "blockType": "ignored", "name": "get_count" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/$count
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        let paired = Set(page.pairs.map(\.response) + page.responsesAnsweringIgnored)
        for (index, response) in page.responses.enumerated() where !paired.contains(index) {
            report.report(
                .answersNoRequest(page.label(ofResponse: index)), at: response.range,
                anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func answersNoRequest(_ label: String) -> FindingMessage {
        FindingMessage("\(label) answers no request example")
    }
}
