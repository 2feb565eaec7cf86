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

                1️⃣{ "id": "1" }
                ```
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                """)
        ]
    )

    static let methodsWithoutBody: Set<String> = ["GET", "HEAD", "DELETE"]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, request) in page.requests.enumerated() {
            guard let method = request.method, Self.methodsWithoutBody.contains(method),
                let body = request.message.body, let origin = body.lineOrigins.first
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
