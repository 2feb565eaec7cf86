import SpecmarkContract
import SpecmarkMarkdown

/// A GET, HEAD or DELETE request example carries a body.
struct RequestBodyNotAllowedRule: LintRule {
    let description = RuleDescription(
        id: "request-body-not-allowed",
        family: .requests,
        summary: "a GET, HEAD or DELETE request example carries a body",
        defaultSeverity: .warning,
        rationale: """
            GET, HEAD and DELETE requests have no defined body semantics; clients and proxies drop it. A body here \
            is usually the response pasted into the request block.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                Content-Type: application/json

                1️⃣{1️⃣ "id": "1" }
                ```
                """,
                messages: ["GET request 'get_widget' has a body; GET requests carry none"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE https://graph.microsoft.com/v1.0/widgets/1
                Content-Type: application/json

                1️⃣{1️⃣ "reason": "retired" }
                ```
                """,
                messages: ["DELETE request 'delete_widget' has a body; DELETE requests carry none"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "check_widget" } -->
                ```http
                HEAD https://graph.microsoft.com/v1.0/widgets/1

                1️⃣i1️⃣d=1
                ```
                """,
                messages: ["HEAD request 'check_widget' has a body; HEAD requests carry none"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets
                Content-Type: application/json

                { "displayName": "Gauge" }
                ```
                """),
        ]
    )

    static let methodsWithoutBody: Set<String> = ["GET", "HEAD", "DELETE"]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, request) in page.requests.enumerated() {
            // A response pasted into the block is example-request-holds-response's finding.
            guard let method = request.method, Self.methodsWithoutBody.contains(method),
                let body = request.message.body, let origin = body.lineOrigins.first,
                ExampleRequestHoldsResponseRule.pastedResponse(in: request) == nil
            else { continue }
            report.report(
                .bodyNotAllowed(method, page.label(ofRequest: index)),
                at: SourceRange(at: origin), anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func bodyNotAllowed(_ method: String, _ label: String) -> FindingMessage {
        FindingMessage("\(method) \(label) has a body; \(method) requests carry none")
    }
}
