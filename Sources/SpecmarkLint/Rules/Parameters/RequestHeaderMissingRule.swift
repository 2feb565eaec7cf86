import SpecmarkContract
import SpecmarkMarkdown

/// An example lacks a header the Request headers table marks as required.
struct RequestHeaderMissingRule: LintRule {
    let description = RuleDescription(
        id: "request-header-missing",
        family: .parameters,
        summary: "an example lacks a header the Request headers table marks as required",
        defaultSeverity: .warning,
        rationale: """
            A header the table marks `Required.` must appear in the examples, or the example fails when copied. \
            Standard headers are not checked: `Authorization`, `Content-Type`, `Content-Length`, `Host` and those \
            of `headers.standard` (which by default include `Prefer` and `If-Match`).
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|
                |ConsistencyLevel|eventual. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                1️⃣```http
                DELETE /widgets/1
                ```1️⃣
                """,
                messages: [
                    """
                    request 'delete_widget' has no 'ConsistencyLevel' header, which the Request headers table marks \
                    as required
                    """
                ])
        ],
        nonTriggeringExamples: [
            // Authorization, which every client sends, need not appear in the examples.
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|
                |ConsistencyLevel|eventual. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE /widgets/1
                ConsistencyLevel: eventual
                ```
                """)
        ]
    )

    /// Headers every client sends, whatever `headers.standard` says.
    private static let alwaysSent: Set<String> = ["authorization", "content-type", "content-length", "host"]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let tables = page.method?.tables(.requestHeaders), !tables.isEmpty else { return }
        let required = tables.flatMap(\.parameters).filter { parameter in
            guard parameter.isRequired == true else { return false }
            let name = parameter.name.lowercased()
            return !Self.alwaysSent.contains(name) && !context.standardHeaderNames.contains(name)
        }
        guard !required.isEmpty else { return }
        for (index, request) in page.requests.enumerated() where request.origin == .annotated {
            for header in required where request.message.headers[header.name] == nil {
                report.report(
                    .requiredHeaderMissing(page.label(ofRequest: index), header.name),
                    at: request.range,
                    notes: [.init("documented here", at: SourceLocation(file: page.file, range: header.range))],
                    anchor: "\(page.anchor(ofRequest: index)):header:\(header.name.lowercased())")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func requiredHeaderMissing(_ label: String, _ header: String) -> FindingMessage {
        FindingMessage("\(label) has no '\(header)' header, which the Request headers table marks as required")
    }
}
