import SpecmarkContract
import SpecmarkMarkdown

/// A request with a JSON body has no Content-Type header.
struct BodyContentTypeMissingRule: LintRule {
    let description = RuleDescription(
        id: "body-content-type-missing",
        family: .bodies,
        summary: "a request with a JSON body has no Content-Type header",
        defaultSeverity: .error,
        rationale: """
            Services reject or misread a JSON body sent without `Content-Type: application/json` (Graph answers \
            415 or 400), so a reader who copies the example gets an error the docs never mention.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                1️⃣POST https://graph.microsoft.com/v1.0/widgets1️⃣

                { "displayName": "A" }
                ```
                """,
                messages: ["request 'create_widget' has a JSON body but no Content-Type header"],
                fixed: Self.withContentType),
            // The header goes after the others, indented like the request line.
            RuleExample(
                """
                1. Create it:

                   <!-- { "blockType": "request", "name": "create_widget" } -->
                   ```http
                   1️⃣POST https://graph.microsoft.com/v1.0/widgets1️⃣
                   Prefer: return=minimal

                   { "displayName": "A" }
                   ```
                """,
                messages: ["request 'create_widget' has a JSON body but no Content-Type header"],
                fixed: """
                    1. Create it:

                       <!-- { "blockType": "request", "name": "create_widget" } -->
                       ```http
                       POST https://graph.microsoft.com/v1.0/widgets
                       Prefer: return=minimal
                       Content-Type: application/json

                       { "displayName": "A" }
                       ```
                    """),
        ],
        nonTriggeringExamples: [
            RuleExample(Self.withContentType),
            // A response pasted into a request block is example-request-holds-response's finding.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1

                HTTP/1.1 200 OK

                { "id": "1" }
                ```
                """),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1

                { "id": "1", "displayName": "Gauge" }
                ```
                """),
            // Only a JSON body needs the header here.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "rename_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/rename

                displayName=Gauge
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, request) in page.requests.enumerated()
        where request.json != nil && request.message.headers["Content-Type"] == nil
            && ExampleRequestHoldsResponseRule.pastedResponse(in: request) == nil
        {
            report.report(
                .contentTypeMissing(page.label(ofRequest: index)),
                at: request.message.requestLine?.range ?? request.range, anchor: page.anchor(ofRequest: index),
                fix: Self.fix(request.message))
        }
    }
}

extension BodyContentTypeMissingRule {
    /// A request with its JSON body and the header: what the first example is once fixed.
    static let withContentType = """
        <!-- { "blockType": "request", "name": "create_widget" } -->
        ```http
        POST https://graph.microsoft.com/v1.0/widgets
        Content-Type: application/json

        { "displayName": "A" }
        ```
        """

    /// The header, on a line of its own after the request line and the headers, indented like the request line.
    static func fix(_ message: HTTPRequestMessage) -> Fix? {
        guard let requestLine = message.requestLine, message.additionalRequestLines.isEmpty else { return nil }
        let last = message.headers.fields.map(\.range.end).max() ?? requestLine.range.end
        return Fix(
            "Add 'Content-Type: application/json'",
            edits: [
                FixEdit(
                    range: SourceRange(start: requestLine.range.start, end: max(last, requestLine.range.end)),
                    change: .insertLine("Content-Type: application/json"))
            ])
    }
}

extension FindingMessage {
    fileprivate static func contentTypeMissing(_ label: String) -> FindingMessage {
        FindingMessage("\(label) has a JSON body but no Content-Type header")
    }
}
