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
            `unannotated-examples: all` reports everywhere); thousands of real pages annotate none. Requests to \
            other hosts (notifications a service sends to a bot) are not examples of the API.
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
                ```
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```

                ```http
                HTTP/1.1 200 OK
                ```
                """)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        let hasAnnotated =
            page.requests.contains { $0.origin == .annotated } || page.responses.contains { $0.origin == .annotated }
        guard context.options.unannotatedExamples == .all || hasAnnotated else { return }
        let roots = docs.configuration.serviceRoots
        for (index, request) in page.requests.enumerated()
        where request.origin == .inferred && !request.hasUnreadableAnnotation
            && !page.isForeign(request: index, serviceRoots: roots)
        {
            let line = request.message.requestLine.map { "\($0.method) \($0.target)" } ?? "request"
            report.report(
                .requestUnannotated(line),
                at: request.range, anchor: page.anchor(ofRequest: index))
        }
        for (index, response) in page.responses.enumerated()
        where response.origin == .inferred && !response.hasUnreadableAnnotation {
            report.report(
                .responseUnannotated(page.label(ofResponse: index)),
                at: response.range, anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func requestUnannotated(_ line: String) -> FindingMessage {
        FindingMessage(
            "request example '\(line)' has no annotation; add <!-- { \"blockType\": \"request\", \"name\": \"…\" } -->")
    }

    fileprivate static func responseUnannotated(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has no annotation; add <!-- { \"blockType\": \"response\" } -->")
    }
}
