import SpecmarkContract
import SpecmarkMarkdown

/// A success response has no body though the Response section promises an object.
struct ResponseBodyMissingRule: LintRule {
    let description = RuleDescription(
        id: "response-body-missing",
        family: .status,
        summary: "a success response has no body though the Response section promises an object",
        defaultSeverity: .warning,
        rationale: """
            When the Response section says the method returns an object "in the response body", the example \
            should show one (truncated if long). Annotate `"isEmpty": true` where an empty body is right. A \
            response with a non-JSON `Content-Type` (a `text/plain` count) is not expected to show the object.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Response
                If successful, this method returns a `200 OK` response code and a widget object in the response body.
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
                ```http
                1️⃣HTTP/1.1 200 OK1️⃣
                ```
                """,
                messages: [
                    """
                    response to 'get_widget' has no body, but the Response section promises an object in the \
                    response body
                    """
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Response
                If successful, this method returns a `200 OK` response code and a widget object in the response body.
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "response", "isEmpty": true } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A non-JSON Content-Type.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `200 OK` response code and a count of widgets in the response body.
                ## Example
                <!-- { "blockType": "request", "name": "count_widgets" } -->
                ```http
                GET /widgets/$count
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: text/plain
                ```
                """),
            // Only success responses are expected to show the object.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `200 OK` response code and a widget object in the response body.
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 404 Not Found
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let section = page.method?.response, section.promisesBody, !section.promisesNoBody else { return }
        for (index, response) in page.responses.enumerated() {
            guard let line = response.message.statusLine, (200..<300).contains(line.code), line.code != 204,
                response.message.body == nil, response.annotation?.isEmpty != true,
                response.message.headers.mediaType.map({ $0.hasSuffix("json") }) ?? true
            else { continue }
            report.report(
                .bodyMissing(page.label(ofResponse: index)),
                at: line.range, anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func bodyMissing(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has no body, but the Response section promises an object in the response body")
    }
}
