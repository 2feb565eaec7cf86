import SpecmarkContract
import SpecmarkMarkdown

/// An example uses a query parameter the page does not document.
struct QueryParameterUndocumentedRule: LintRule {
    let description = RuleDescription(
        id: "query-parameter-undocumented",
        family: .parameters,
        summary: "an example uses a query parameter the page does not document",
        defaultSeverity: .warning,
        rationale: """
            A query parameter an example depends on must be documented in the page's query-parameter section (a table \
            row, or a mention in its text: a code span, or a word led by `$`). OData system query options (`$select`, \
            `$filter`, `$expand`, … with or without the `$`) are exempt.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Optional query parameters
                This method supports the `$select` query parameter.

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET 1️⃣/widgets?$select=id&colour=red1️⃣
                ```
                """,
                messages: ["request 'list_widgets' uses query parameter 'colour', which the page does not document"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Query parameters
                |Name|Type|Description|
                |:---|:---|:---|
                |colour|String|Only widgets of this colour.|

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?$select=id&colour=red&$top=5
                ```
                """),
            // A mention in the section's text documents a parameter too.
            RuleExample(
                """
                ## Optional query parameters
                Use the `colour` query parameter to list only the widgets of one colour.

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?colour=red
                ```
                """),
            // System query options need no documentation, with or without the `$`.
            RuleExample(
                """
                ## Optional query parameters
                This method supports no query parameters of its own.

                ## Example
                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET /widgets?select=id,name&top=5&$orderby=name
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // Only examples with a query string are checked; most pages have none, so the name sets wait for one.
        guard let method = page.method, page.requests.contains(where: { $0.url?.template.query != nil }) else {
            return
        }
        var documented = Set(method.tables(.queryParameters).flatMap(\.parameters).map { $0.name.lowercased() })
        documented.formUnion(
            method.queryMentions.map { $0.firstPiece(separatedBy: UInt8(ascii: "=")).map(String.init) ?? $0 })
        let system = Set(
            context.options.systemQueryOptions.flatMap {
                [$0.lowercased(), String($0.lowercased().drop { $0 == "$" })]
            })
        for (index, request) in page.requests.enumerated() {
            guard let query = request.url?.template.query, let line = request.message.requestLine else { continue }
            for name in Self.parameterNames(query) {
                let lowered = name.lowercased()
                guard !system.contains(lowered), !documented.contains(lowered), !documented.contains("$" + lowered),
                    !name.contains("{")
                else { continue }
                report.report(
                    .queryParameterUndocumented(page.label(ofRequest: index), name),
                    at: line.targetRange, anchor: "\(page.anchor(ofRequest: index)):query:\(lowered)")
            }
        }
    }

    /// The names of `a=1&b=2&c`, skipping separators inside quotes and parentheses.
    static func parameterNames(_ query: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        var inQuote = false
        var readingName = true
        for character in query {
            switch character {
            case "'": inQuote.toggle()
            case "(" where !inQuote: depth += 1
            case ")" where !inQuote: depth = max(0, depth - 1)
            case "&" where !inQuote && depth == 0:
                if !current.isEmpty { names.append(current) }
                current = ""
                readingName = true
                continue
            case "=" where readingName:
                readingName = false
                continue
            default: break
            }
            if readingName { current.append(character) }
        }
        if !current.isEmpty { names.append(current) }
        return names.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension FindingMessage {
    fileprivate static func queryParameterUndocumented(_ label: String, _ name: String) -> FindingMessage {
        FindingMessage("\(label) uses query parameter '\(name)', which the page does not document")
    }
}
