import SpecmarkContract
import SpecmarkMarkdown

/// A path-parameter table row names no placeholder of the declared paths.
struct PathParameterUnknownRule: LintRule {
    let description = RuleDescription(
        id: "path-parameter-unknown",
        family: .parameters,
        summary: "a path-parameter table row names no placeholder of the declared paths",
        defaultSeverity: .warning,
        rationale: """
            Path and function parameter tables explain the placeholders of the HTTP request section (`{id}`, \
            `(period='{period_value}')`); a row that matches none of them documents a parameter the method does \
            not have — usually a placeholder renamed in one place only. A Function parameters or Parameters \
            table (not one titled Path parameters) may also list the arguments of a function the declared path \
            calls without an argument list (`/range`, `/root/delta`) or an action's body parameters: it is \
            checked only when every declared path ends in an argument list.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{widget-id}/parts/{part-id}
                ```
                ## Path parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |widget-id|String|The widget.|
                1️⃣|colourId|String|The part.|1️⃣
                """,
                messages: ["path parameter 'colourId' names no placeholder of the declared paths"])
        ],
        nonTriggeringExamples: [
            // A function parameter is documented by its key.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /reports/getWidgetCounts(period='{period_value}')
                ```
                ## Function parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |period|String|The period to report on.|
                """),
            // A function called without an argument list takes its optional arguments all the same.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sheets/{id}/usedRange
                ```
                ## Function parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |valuesOnly|Boolean|Optional. Whether only cells with values count.|
                """),
            // `{widget-id}`, `widget_id` and `widgetId` name the same placeholder.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{widget-id}/parts/{part_id}
                ```
                ## Path parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |widgetId|String|The widget.|
                |part-id|String|The part.|
                """),
            // A second operation on the page declares its own path in its own HTTP request subsection.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{widget-id}/parts
                ```
                ## Get one part
                ### HTTP request
                <!-- { "blockType": "request", "name": "get_part" } -->
                ```http
                GET /widgets/{widget-id}/parts/{part-id}
                ```
                ### Path parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |part-id|String|The part.|
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let method = page.method, !method.declaredPaths.isEmpty else { return }
        // Only a path parameters table can name what no path has; most pages have none, and then the names the
        // paths hold need not be gathered.
        let pathTables = method.tables(.pathParameters)
        guard !pathTables.isEmpty else { return }
        var names = Set<String>()
        // A second operation's own HTTP request subsection declares the path its example shows.
        let templates =
            method.declaredPaths.map(\.template)
            + page.requests.filter(\.declaresItsOwnPath).compactMap { $0.url?.template }
        for template in templates {
            for placeholder in template.placeholders {
                for part in placeholder.splitBytes(UInt8(ascii: "|")) { names.insert(Self.normalized(String(part))) }
            }
            // Function parameter keys: getX(period='{period_value}') documents `period`.
            for segment in template.path.splitBytes(UInt8(ascii: "/")) {
                // Searched over UTF-8: a Character search walks grapheme breaks, and this runs for every segment.
                guard let open = segment.utf8.firstIndex(of: UInt8(ascii: "(")), segment.hasSuffix(")") else {
                    continue
                }
                for argument in segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
                    .splitBytes(UInt8(ascii: ","))
                {
                    if let equals = argument.utf8.firstIndex(of: UInt8(ascii: "=")) {
                        names.insert(Self.normalized(String(argument[..<equals])))
                    }
                }
            }
            for name in Self.queryNames(template.query) { names.insert(Self.normalized(name)) }
            // Placeholders anywhere in the line, the query included (`$filter=id eq '{id_value}'`).
            var rest = Substring(template.raw)
            while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")),
                let close = rest[open...].utf8.firstIndex(of: UInt8(ascii: "}"))
            {
                for part in rest[rest.index(after: open)..<close].splitBytes(UInt8(ascii: "|")) {
                    names.insert(Self.normalized(String(part)))
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        guard !names.isEmpty else { return }
        // Every declared path ends in an argument list: the tables can only mean its placeholders and keys.
        let argumentsShown = templates.allSatisfy { $0.path.hasSuffix(")") }
        for table in pathTables
        where argumentsShown || table.heading.trimmingSpaces().lowercased().hasPrefix("path") {
            for parameter in table.parameters where !names.contains(Self.normalized(parameter.name)) {
                report.report(
                    .namesNoPlaceholder(parameter.name),
                    at: parameter.range, anchor: "path-parameter:\(parameter.name)")
            }
        }
    }

    private static func queryNames(_ query: String?) -> [String] {
        guard let query else { return [] }
        return QueryParameterUndocumentedRule.parameterNames(query)
    }

    /// `{user-id}`, `user_id`, `userId` and `User ID` compare equal.
    static func normalized(_ name: String) -> String {
        name.lowercasedLetters(keepingDigits: true)
    }
}

extension FindingMessage {
    fileprivate static func namesNoPlaceholder(_ parameter: String) -> FindingMessage {
        FindingMessage("path parameter '\(parameter)' names no placeholder of the declared paths")
    }
}
