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
            properties of an object parameter documents it). The finding sits on the table (or on the declared \
            path, when the page has no Request body table).
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
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let service = docs.metadata(forFile: page.file),
            let (operation, path) = page.operation(in: docs, service: service), operation.kind == .action,
            let method = page.method
        else { return }
        let tables = method.tables(.requestBody).filter { $0.parameters.contains { $0.type != nil } }
        let documented = Set(tables.flatMap(\.parameters).map { $0.name.lowercased() })
        for parameter in operation.callParameters where !parameter.isNullable {
            guard !documented.contains(parameter.name.lowercased()) else { continue }
            // A table of the properties of the one object the action takes documents that parameter.
            if let type = service.type(named: parameter.type.name),
                service.allProperties(of: type).contains(where: { documented.contains($0.name.lowercased()) })
            {
                continue
            }
            report.report(
                .missing(parameter.name, of: operation.name),
                at: tables.first?.range ?? method.declaredPaths[path].range,
                notes: [.metadata("declared in the metadata here", parameter.location, in: service)],
                anchor: "body.\(parameter.name):missing")
        }
    }
}

extension FindingMessage {
    fileprivate static func missing(_ name: String, of operation: String) -> FindingMessage {
        FindingMessage("required parameter '\(name)' of action \(operation) is not in the Request body table")
    }
}
