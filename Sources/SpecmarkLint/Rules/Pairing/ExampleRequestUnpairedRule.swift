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
            (a response block annotated `ignored` counts); a response that names several requests answers each, \
            and a bare ```` ```json ```` block right after a request is its response body. An ignored request \
            between a request and its response is another form of the request, not the one answered. Unannotated \
            requests to other hosts (notifications sent to a bot, uploads to a storage URL) are not examples of \
            the API, and neither are sample requests in prose: unannotated requests on resource and overview pages, \
            or outside the Example sections of a method page.
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
            // On a method page, an unannotated request in an Example section is an example too.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Example
                1️⃣```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```1️⃣
                """,
                messages: ["request 'GET /widgets/1' has no response example"]),
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
            // A response that names several requests answers each of them.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget_by_id" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "request", "name": "get_widget_by_serial" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets(serial='A-7')
                ```
                <!-- { "blockType": "response", "name": ["get_widget_by_id", "get_widget_by_serial"] } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // An ignored request between a request and its response is another form of the request.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_my_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/widgets/1
                ```
                With an app token, name the user instead:
                <!-- { "blockType": "ignored" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/users/7/widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A bare JSON block right after a request is its response body.
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
            // A sample request in an overview page's walkthrough is not an example.
            RuleExample(
                """
                ---
                doc_type: conceptualPageType
                ---
                # Widgets overview
                ## Widgets in a room
                To list the widgets of a room, call:
                ```http
                GET /rooms/{room-id}/widgets
                ```
                """),
            // Nor is an addressing form in the prose of a method page, outside its examples.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Address a widget by serial number
                ```http
                GET /widgets(serial='{serial}')
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "response" } -->
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
            && !page.isProseSample(request: index)
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
