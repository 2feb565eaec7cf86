import SpecmarkContract
import SpecmarkMarkdown

/// A 204 No Content response carries a body, a Content-Type or a declared type.
struct Response204HasContentRule: LintRule {
    let description = RuleDescription(
        id: "response-204-has-content",
        family: .status,
        summary: "a 204 No Content response carries a body, a Content-Type or a declared @odata.type",
        defaultSeverity: .error,
        rationale: """
            204 means there is no content. A body, a `Content-Type` header or an `@odata.type` in the response \
            annotation contradicts the status; tools that generate SDKs or tests from the annotation will expect \
            an object that never comes.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- {
                  "blockType": "response",
                  1️⃣"@odata.type"1️⃣: "microsoft.graph.widget"
                } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """,
                messages: ["204 No Content response 'HTTP/1.1 204 No Content' declares type 'microsoft.graph.widget'"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                1️⃣Content-Type: application/json1️⃣

                2️⃣{2️⃣ "id": "1" }
                ```
                """,
                messages: [
                    "204 No Content response 'HTTP/1.1 204 No Content' has a Content-Type header",
                    "204 No Content response 'HTTP/1.1 204 No Content' has a body",
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, response) in page.responses.enumerated() where response.status == 204 {
            let label = page.label(ofResponse: index)
            let anchor = page.anchor(ofResponse: index)
            if let annotation = response.annotation, let type = annotation.odataType {
                let member = annotation.json.member("@odata.type") ?? annotation.json.member("@type")
                report.report(
                    .declaresType(label, type), at: member?.keyRange ?? annotation.range,
                    anchor: "\(anchor):@odata.type")
            }
            if let header = response.message.headers["Content-Type"] {
                report.report(
                    .hasContentType(label), at: header.range,
                    anchor: "\(anchor):content-type")
            }
            if let body = response.message.body, let origin = body.lineOrigins.first {
                report.report(
                    .hasBody(label), at: SourceRange(at: origin), anchor: "\(anchor):body")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func declaresType(_ label: String, _ type: String) -> FindingMessage {
        FindingMessage("204 No Content \(label) declares type '\(type)'")
    }

    fileprivate static func hasContentType(_ label: String) -> FindingMessage {
        FindingMessage("204 No Content \(label) has a Content-Type header")
    }

    fileprivate static func hasBody(_ label: String) -> FindingMessage {
        FindingMessage("204 No Content \(label) has a body")
    }
}
