import SpecmarkContract
import SpecmarkMarkdown

/// A request example has no response example.
struct ExampleRequestUnpairedRule: LintRule {
    let description = RuleDescription(
        id: "example-request-unpaired",
        family: .pairing,
        summary: "a request example has no response example",
        defaultSeverity: .warning,
        rationale: """
            Readers, mocks and replay need to know what a request returns. A response pairs with a request when \
            its annotation names the request, or when it is the next response after it, before any other request \
            (a response block annotated `ignored` counts). Unannotated requests to other hosts (notifications sent \
            to a bot, uploads to a storage URL) are not examples of the API and are not checked.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ### Request
                <!-- { "blockType": "request", "name": "get_widget" } -->
                1️⃣```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```1️⃣
                ### Response
                The response is the widget.
                """,
                messages: ["request 'get_widget' has no response example"]),
            // A response after another request answers that request.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                1️⃣```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```1️⃣
                <!-- { "blockType": "request", "name": "get_gadget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/gadgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """,
                messages: ["request 'get_widget' has no response example"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 204 No Content
                ```
                """),
            // Responses that name their requests pair with them wherever they are.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "request", "name": "get_gadget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/gadgets/1
                ```
                <!-- { "blockType": "response", "name": "get_gadget" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                <!-- { "blockType": "response", "name": "get_widget" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A response block annotated `ignored` answers the request.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget_photo" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/photo/$value
                ```
                <!-- { "blockType": "ignored" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: image/jpeg
                ```
                """),
            // An unannotated request to another host is not an example of the API.
            RuleExample(
                """
                The service then posts the event to your bot:
                ```http
                POST https://bot.contoso.com/api/calls
                Content-Type: application/json

                { "value": [] }
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        let paired = Set(page.pairs.map(\.request) + page.requestsAnsweredByIgnored)
        for (index, request) in page.requests.enumerated()
        where !paired.contains(index) && !page.isForeign(request: index, serviceRoots: docs.configuration.serviceRoots)
        {
            report.report(
                .hasNoResponse(page.label(ofRequest: index)), at: request.range,
                anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func hasNoResponse(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has no response example")
    }
}
