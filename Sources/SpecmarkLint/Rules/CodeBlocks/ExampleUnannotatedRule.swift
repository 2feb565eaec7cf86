import SpecmarkContract
import SpecmarkMarkdown

/// An HTTP example block has no annotation.
struct ExampleUnannotatedRule: LintRule {
    let description = RuleDescription(
        id: "example-unannotated",
        family: .codeBlocks,
        summary: "an http example block has no annotation",
        defaultSeverity: .warning,
        rationale: """
            Without an annotation an example has no name (so nothing can refer to it), no declared response type \
            and no `truncated` flag, and ApiDoctor skips it. Specmark still recognises it from its first line. By \
            default the rule reports only on pages that annotate some examples and not others (option \
            `unannotated-examples: all` reports everywhere); thousands of real pages annotate none. A bare \
            ```` ```json ```` block right after a request is read as its response body and needs an annotation \
            and a status line. Requests to other hosts (notifications a service sends to a bot) and sample \
            requests in prose (outside a method page's examples, with no response) are not examples of the API.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```

                1️⃣```http
                HTTP/1.1 200 OK
                ```1️⃣
                """,
                messages: [#"response to 'get_widget' has no annotation; add <!-- { "blockType": "response" } -->"#]),
            RuleExample(
                """
                1️⃣```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```1️⃣

                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """,
                messages: [
                    """
                    request example 'GET https://graph.microsoft.com/v1.0/widgets/1' has no annotation; add \
                    <!-- { "blockType": "request", "name": "…" } -->
                    """
                ]),
            // A bare JSON block after a request is its response, without annotation or status line.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                1️⃣```json
                { "id": "1" }
                ```1️⃣
                """,
                messages: [
                    """
                    response to 'get_widget' is a bare JSON block; add <!-- { "blockType": "response" } --> and a \
                    status line
                    """
                ]),
            // With `unannotated-examples: all`, a page that annotates nothing is reported too.
            RuleExample(
                """
                1️⃣```http
                HTTP/1.1 204 No Content
                ```1️⃣
                """,
                messages: [
                    #"response 'HTTP/1.1 204 No Content' has no annotation; add <!-- { "blockType": "response" } -->"#
                ],
                options: .with { $0.unannotatedExamples = .all }),
        ],
        nonTriggeringExamples: [
            // By default, a page that annotates none of its examples.
            RuleExample(
                """
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```

                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A request to another host is not an example of the API.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_subscription" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/subscriptions
                ```

                The service then notifies the bot:

                ```http
                POST https://bot.contoso.example/api/notify
                ```
                """,
                options: .with { $0.unannotatedExamples = .all }),
            // A sample request in the prose of a method page, outside its examples, is not an example.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Optional query parameters
                For example, to read only the name:
                ```http
                GET /widgets/{id}?$select=displayName
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
            // An annotation that cannot be read is annotation-invalid-json's finding.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                <!-- { "blockType": "response" "truncated": true } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // The HTTP request section declares paths; its blocks are not examples.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        let hasAnnotated =
            page.requests.contains { $0.origin == .annotated } || page.responses.contains { $0.origin == .annotated }
        guard context.options.unannotatedExamples == .all || hasAnnotated else { return }
        let roots = docs.configuration.serviceRoots
        // By index, reading fields in place: binding each example would copy all of it.
        let requests = page.requests
        for index in requests.indices
        where requests[index].origin == .inferred && !requests[index].hasUnreadableAnnotation
            && !page.isForeign(request: index, serviceRoots: roots) && !page.isProseSample(request: index)
        {
            let line = requests[index].message.requestLine.map { "\($0.method) \($0.target)" } ?? "request"
            report.report(
                .requestUnannotated(line),
                at: requests[index].range, anchor: page.anchor(ofRequest: index))
        }
        let responses = page.responses
        for index in responses.indices
        where responses[index].origin != .annotated && !responses[index].hasUnreadableAnnotation {
            let label = page.label(ofResponse: index)
            report.report(
                responses[index].origin == .bareJSON ? .bareJSONResponse(label) : .responseUnannotated(label),
                at: responses[index].range, anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func requestUnannotated(_ line: String) -> FindingMessage {
        FindingMessage(
            "request example '\(line)' has no annotation; add <!-- { \"blockType\": \"request\", \"name\": \"…\" } -->")
    }

    fileprivate static func bareJSONResponse(_ label: String) -> FindingMessage {
        FindingMessage("\(label) is a bare JSON block; add <!-- { \"blockType\": \"response\" } --> and a status line")
    }

    fileprivate static func responseUnannotated(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has no annotation; add <!-- { \"blockType\": \"response\" } -->")
    }
}
