import SpecmarkContract
import SpecmarkMarkdown

/// A message's Content-Type contradicts its body.
struct BodyContentTypeMismatchRule: LintRule {
    let description = RuleDescription(
        id: "body-content-type-mismatch",
        family: .bodies,
        summary: "a Content-Type header contradicts the body (JSON labelled as text, markup labelled as JSON)",
        defaultSeverity: .warning,
        rationale: """
            A body that is JSON but labelled `text/plain`, or markup labelled `application/json`, tells clients \
            to parse it the wrong way; one of the two is wrong in the docs.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: 1️⃣text/plain1️⃣

                { "id": "1" }
                ```
                """,
                messages: ["response 'HTTP/1.1 200 OK' says Content-Type text/plain but its body is JSON"]),
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: 1️⃣application/json1️⃣

                <widget id="1"/>
                ```
                """,
                messages: [
                    "response 'HTTP/1.1 200 OK' says Content-Type application/json but its body is markup, not JSON"
                ]),
            // Requests are checked too.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: 1️⃣text/plain; charset=utf-81️⃣

                { "displayName": "Gauge" }
                ```
                """,
                messages: ["request 'create_widget' says Content-Type text/plain but its body is JSON"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: text/plain

                Widget 1 is ready.
                ```
                """),
            // A `+json` media type is JSON.
            RuleExample(
                """
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 400 Bad Request
                Content-Type: application/problem+json

                { "title": "The widget name is taken." }
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // The label and anchor are made only for a finding: nearly every example has none.
        for index in page.requests.indices {
            check(
                page.requests[index].message.headers, body: page.requests[index].message.body,
                label: { page.label(ofRequest: index) }, anchor: { page.anchor(ofRequest: index) }, report: &report)
        }
        for index in page.responses.indices {
            check(
                page.responses[index].message.headers, body: page.responses[index].message.body,
                label: { page.label(ofResponse: index) }, anchor: { page.anchor(ofResponse: index) }, report: &report)
        }
    }

    private func check(
        _ headers: HTTPHeaders, body: PositionedText?, label: () -> String, anchor: () -> String,
        report: inout Findings
    ) {
        guard let header = headers["Content-Type"], let mediaType = headers.mediaType, let body else { return }
        let first = body.text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let isJSONType = mediaType.hasSuffix("/json") || mediaType.hasSuffix("+json")
        if isJSONType, first == UInt8(ascii: "<") {
            report.report(
                .markupUnderJSONType(label(), mediaType), at: header.valueRange,
                anchor: "\(anchor()):content-type")
        } else if !isJSONType, !mediaType.hasPrefix("multipart/"),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            JSONParser.parse(body).value != nil
        {
            report.report(
                .jsonUnderOtherType(label(), mediaType), at: header.valueRange,
                anchor: "\(anchor()):content-type")
        }
    }
}

extension FindingMessage {
    fileprivate static func markupUnderJSONType(_ label: String, _ mediaType: String) -> FindingMessage {
        FindingMessage("\(label) says Content-Type \(mediaType) but its body is markup, not JSON")
    }

    fileprivate static func jsonUnderOtherType(_ label: String, _ mediaType: String) -> FindingMessage {
        FindingMessage("\(label) says Content-Type \(mediaType) but its body is JSON")
    }
}
