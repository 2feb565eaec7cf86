import SpecmarkContract
import SpecmarkMarkdown

/// An example's URL is not under a configured service root.
struct ExampleHostUnknownRule: LintRule {
    let description = RuleDescription(
        id: "example-host-unknown",
        family: .paths,
        summary: "an example's URL looks like a mistyped service root",
        defaultSeverity: .error,
        rationale: """
            Examples must call the documented service (by default the Graph roots \
            `https://graph.microsoft.com/v1.0` and `/beta`; configure others with `service-roots`). \
            `https://graph/microsoft.com/v1.0/…` is a typo a reader will paste into a client. URLs of other \
            services (a bot's callback, an upload URL returned by an earlier call) are legitimate and not reported.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET 1️⃣https://graph/microsoft.com/v1.0/widgets/11️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_widget' is sent to host 'graph'; did you mean the service root \
                    https://graph.microsoft.com/v1.0?
                    """
                ])
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
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                """),
            // Another service's URL is not a mistyped service root.
            RuleExample(
                """
                ```http
                POST https://bot.contoso.com/api/calls
                Content-Type: application/json

                { "value": [] }
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, request) in page.requests.enumerated() {
            guard let url = request.url, let host = url.host, let line = request.message.requestLine,
                let root = url.mistypedServiceRoot(among: docs.configuration.serviceRoots)
            else { continue }
            report.report(
                .hostUnknown(page.label(ofRequest: index), host, root: root),
                at: line.targetRange, anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func hostUnknown(_ label: String, _ host: String, root: String) -> FindingMessage {
        FindingMessage("\(label) is sent to host '\(visible(host))'; did you mean the service root \(root)?")
    }
}
