import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A Request body row or an example body names a parameter the metadata's action does not have.
struct MetadataParameterUnknownRule: LintRule {
    let description = RuleDescription(
        id: "metadata-parameter-unknown",
        family: .metadata,
        summary: "a request body parameter is not one of the metadata's action parameters",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, an action takes exactly the parameters the service declares; a body parameter it \
            does not declare is rejected or ignored. The page's Request body table and the request examples that \
            call the action are checked, each finding on the row or the JSON key. Names are compared ignoring \
            case (the service does), and a table may list the properties of the one object the action takes. \
            A page that declares other paths besides the action's is not the action's page.
            """,
        triggeringExamples: [
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
                1️⃣|color|String|The colour again.|1️⃣

                ## Example
                <!-- { "blockType": "request", "name": "paint_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/paint
                Content-Type: application/json

                { "colour": "red", 2️⃣"layers"2️⃣: 2 }
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "parameter 'color' of action microsoft.graph.paint is not in the metadata; did you mean 'colour'?",
                    "parameter 'layers' of action microsoft.graph.paint is not in the metadata",
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
                |Colour|String|The colour.|
                |coats|Int32|How many coats.|

                ## Example
                <!-- { "blockType": "request", "name": "paint_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/paint
                Content-Type: application/json

                { "colour": "red", "coats": 2 }
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let service = docs.metadata(forFile: page.file),
            let (operation, _) = page.operation(in: docs, service: service), operation.kind == .action
        else { return }
        let names = operation.callParameters.map(\.name)
        func message(_ name: String) -> FindingMessage {
            .unknown(name, of: operation.name, suggestion: closestMatch(to: name, in: names, maximumDistance: 2))
        }
        let note = Diagnostic.Note.metadata("the metadata's \(operation.name)", operation.location, in: service)
        // A table without a type column in the section lists values (an enum's, a property's), not parameters.
        for table in page.method?.tables(.requestBody) ?? [] where table.parameters.contains(where: { $0.type != nil })
        {
            for parameter in table.parameters
            where !PageContract.isParameter(parameter.name, of: operation, in: service) {
                report.report(
                    message(parameter.name), at: parameter.range, notes: [note], anchor: "body.\(parameter.name)")
            }
        }
        for index in page.requests(calling: operation, in: docs, service: service) {
            guard let members = page.requests[index].json?.value?.members else { continue }
            let lowered = Set(names.map { $0.lowercased() })
            for member in members
            where !Conformance.isAnnotationKey(member.key) && !lowered.contains(member.key.lowercased()) {
                report.report(
                    message(member.key), at: member.keyRange, notes: [note],
                    anchor: "\(page.label(ofRequest: index)).\(member.key)")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func unknown(_ name: String, of operation: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "parameter '\(name)' of action \(operation) is not in the metadata"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }
}
