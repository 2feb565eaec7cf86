import SpecmarkContract
import SpecmarkMarkdown

/// An example sends a header the Request headers table does not document.
struct RequestHeaderUndocumentedRule: LintRule {
    let description = RuleDescription(
        id: "request-header-undocumented",
        family: .parameters,
        summary: "an example sends a header the Request headers table does not document",
        defaultSeverity: .warning,
        rationale: """
            When an example needs a header (`ConsistencyLevel`, `Prefer`, `If-Match`) the Request headers table \
            must say so, or readers copying the table's headers get a different result. Standard headers \
            (`Authorization`, `Content-Type`, `Host`, …; configurable with `headers.standard`) are exempt.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?$count=true
                1️⃣ConsistencyLevel1️⃣: eventual
                ```
                """,
                messages: [
                    """
                    request 'list_widgets' sends header 'ConsistencyLevel', which the Request headers table does not \
                    document
                    """
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|
                |ConsistencyLevel|eventual. Required with $count.|

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?$count=true
                Authorization: Bearer {token}
                ConsistencyLevel: eventual
                ```
                """),
            // Standard headers need no row.
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "update_widget" } -->
                ```http
                PATCH /widgets/1
                Content-Type: application/json
                If-Match: W/"1"
                Prefer: return=minimal

                { "name": "Blue widget" }
                ```
                """),
            // The standard headers are configurable.
            RuleExample(
                """
                ## Request headers
                |Name|Description|
                |:---|:---|
                |Authorization|Bearer {token}. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?$count=true
                ConsistencyLevel: eventual
                ```
                """,
                options: .with { $0.standardHeaders.append("ConsistencyLevel") }),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let tables = page.method?.tables(.requestHeaders), !tables.isEmpty else { return }
        let documented = Set(tables.flatMap(\.parameters).map { $0.name.lowercased() })
        for (index, request) in page.requests.enumerated() {
            for header in request.message.headers {
                let name = header.name.lowercased()
                guard !documented.contains(name), !context.standardHeaderNames.contains(name) else { continue }
                report.report(
                    .headerUndocumented(page.label(ofRequest: index), header.name),
                    at: header.nameRange, anchor: "\(page.anchor(ofRequest: index)):header:\(name)")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func headerUndocumented(_ label: String, _ header: String) -> FindingMessage {
        FindingMessage("\(label) sends header '\(header)', which the Request headers table does not document")
    }
}
