import SpecmarkContract
import SpecmarkMarkdown

/// A request block holds a response: a status line, or a GET's JSON body with no Content-Type.
///
/// The status line is found by ``HTTPMessageParser`` (``HTTPRequestMessage/pastedStatusLine``); the rule reports
/// it, and the rules that would misread such a block (body-content-type-missing, request-body-not-allowed) leave
/// it alone.
struct ExampleRequestHoldsResponseRule: LintRule {
    let description = RuleDescription(
        id: "example-request-holds-response",
        family: .requests,
        summary: "a request block holds a response",
        defaultSeverity: .error,
        rationale: """
            A response pasted into the request block (an `HTTP/1.1 200 OK` line, or the JSON a GET returns) leaves \
            the request without its real shape and the example without a response: readers copy a body the \
            service never accepts, and replay and the mock have nothing to answer with. Move the response into a \
            block of its own, annotated `response`. A GET or HEAD body without a `Content-Type` is read as such a \
            response rather than as a request body that lacks its header.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1

                1️⃣HTTP/1.1 200 OK1️⃣
                Content-Type: application/json

                { "id": "1" }
                ```
                """,
                messages: ["request 'get_widget' holds a response ('HTTP/1.1 200 OK'); move it into a response block"]),
            // A status line alone in the block.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                1️⃣HTTP/1.1 200 OK1️⃣
                Content-Type: application/json

                { "id": "1" }
                ```
                """,
                messages: ["request 'get_widget' holds a response ('HTTP/1.1 200 OK'); move it into a response block"]),
            // A GET request whose block holds the JSON it returns.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1

                1️⃣{1️⃣
                  "id": "1",
                  "displayName": "Gauge"
                }
                ```
                """,
                messages: [
                    "GET request 'get_widget' holds a JSON body without Content-Type, like a response; move it into a response block"
                ]),
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
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "1" }
                ```
                """),
            // A POST body without Content-Type is body-content-type-missing's finding.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets

                { "displayName": "Gauge" }
                ```
                """),
            // A GET body sent with its Content-Type is a request body (request-body-not-allowed's concern).
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_range" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/drive/items/1/workbook/worksheets/A/range
                Content-Type: application/json

                { "address": "A1:B2" }
                ```
                """),
        ]
    )

    /// Where request `request` holds a response, and how it shows: its status line, or a GET's JSON body.
    static func pastedResponse(in request: RequestExample) -> (range: SourceRange, statusLine: String?)? {
        if let line = request.message.pastedStatusLine {
            let version = line.version.map { "HTTP/\($0)" } ?? "HTTP"
            return (line.range, "\(version) \(line.code)\(line.reason.isEmpty ? "" : " " + line.reason)")
        }
        guard let method = request.method, method == "GET" || method == "HEAD", request.json != nil,
            request.message.headers["Content-Type"] == nil, let origin = request.message.body?.lineOrigins.first
        else { return nil }
        return (SourceRange(at: origin), nil)
    }

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for (index, request) in page.requests.enumerated() {
            guard let pasted = Self.pastedResponse(in: request) else { continue }
            let label = page.label(ofRequest: index)
            report.report(
                pasted.statusLine.map { .holdsResponse(label, statusLine: $0) }
                    ?? .holdsResponseBody(request.method ?? "GET", label),
                at: pasted.range, anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func holdsResponse(_ label: String, statusLine: String) -> FindingMessage {
        FindingMessage("\(label) holds a response ('\(statusLine)'); move it into a response block")
    }

    fileprivate static func holdsResponseBody(_ method: String, _ label: String) -> FindingMessage {
        FindingMessage(
            "\(method) \(label) holds a JSON body without Content-Type, like a response; move it into a response block")
    }
}
