import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A required parameter of the metadata's action is missing from the Request body table.
struct MetadataParameterMissingRule: LintRule {
    let description = RuleDescription(
        id: "metadata-parameter-missing",
        family: .metadata,
        summary: "a required action parameter is not in the Request body table",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, an action's non-nullable parameters must be sent; a Request body table that does \
            not list one leaves callers to find out from an error (names compared ignoring case; a table of the \
            properties of an object parameter documents it). The finding sits on the table; a page without one \
            is checked against the bodies of its examples that call the action, at the Request body heading.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                1️⃣|Parameter|Type|Description|
                |:---|:---|:---|
                |coats|Int32|How many coats.|1️⃣
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "required parameter 'colour' of action microsoft.graph.paint is not in the Request body table"
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            // No table: the example that calls the action sends the parameter.
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                Provide the colour.

                ## Example
                <!-- { "blockType": "request", "name": "paint_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/paint
                Content-Type: application/json

                { "colour": "red" }
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                |Parameter|Type|Description|
                |:---|:---|:---|
                |colour|String|The colour.|
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let service = docs.metadata(forFile: page.file),
            let (operation, _) = page.operation(in: docs, service: service), operation.kind == .action,
            let method = page.method
        else { return }
        let tables = method.tables(.requestBody).filter { $0.parameters.contains { $0.type != nil } }
        var documented = Set(tables.flatMap(\.parameters).map { $0.name.lowercased() })
        // Without a table, the examples that call the action say what the page sends.
        let examples = page.requests(calling: operation, in: docs, service: service).compactMap {
            page.requests[$0].json?.value?.members
        }
        for members in examples where tables.isEmpty { documented.formUnion(members.map { $0.key.lowercased() }) }
        guard !tables.isEmpty || !examples.isEmpty else { return }
        let heading = page.heading(named: "Request body", near: method.httpRequestRange ?? SourceRange(1, 1, 1, 1))
        guard let range = tables.first?.range ?? heading?.range else { return }
        for parameter in operation.callParameters where !parameter.isNullable {
            guard !documented.contains(parameter.name.lowercased()) else { continue }
            // A table of the properties of the one object the action takes documents that parameter.
            if let type = service.type(named: parameter.type.name),
                service.allProperties(of: type).contains(where: { documented.contains($0.name.lowercased()) })
            {
                continue
            }
            report.report(
                .missing(parameter.name, of: operation.name, table: !tables.isEmpty), at: range,
                notes: [.metadata("declared in the metadata here", parameter.location, in: service)],
                anchor: "body.\(parameter.name):missing")
        }
    }
}

extension FindingMessage {
    fileprivate static func missing(_ name: String, of operation: String, table: Bool) -> FindingMessage {
        FindingMessage(
            "required parameter '\(name)' of action \(operation) is not in the "
                + (table ? "Request body table" : "request examples' bodies"))
    }
}
