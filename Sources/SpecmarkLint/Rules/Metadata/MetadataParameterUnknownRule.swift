import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A Request body row or an example body names a parameter the metadata's action does not have. Reported by
/// ``MetadataPathUnresolvedRule``, which resolves the page's paths once.
struct MetadataParameterUnknownRule: CompanionRule {
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
                MetadataExamples.paintPage(
                    requestBody: """
                        |Parameter|Type|Description|
                        |:---|:---|:---|
                        |colour|String|The colour.|
                        1️⃣|color|String|The colour again.|1️⃣
                        """,
                    exampleBody: "{ \"colour\": \"red\", 2️⃣\"layers\"2️⃣: 2 }"),
                otherPages: MetadataExamples.pages,
                messages: [
                    "parameter 'color' of action microsoft.graph.paint is not in the metadata; did you mean 'colour'?",
                    "parameter 'layers' of action microsoft.graph.paint is not in the metadata",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            // Names compare without case.
            RuleExample(
                MetadataExamples.paintPage(
                    requestBody: """
                        |Parameter|Type|Description|
                        |:---|:---|:---|
                        |Colour|String|The colour.|
                        |coats|Int32|How many coats.|
                        """,
                    exampleBody: "{ \"colour\": \"red\", \"coats\": 2 }"),
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
            // A values table in the section is no parameter table.
            RuleExample(
                MetadataExamples.paintPage(
                    requestBody: """
                        |Parameter|Type|Description|
                        |:---|:---|:---|
                        |colour|String|The colour, one of the following.|

                        |colour value|Meaning|
                        |:---|:---|
                        |red|Red.|
                        """),
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
        ]
    )

    static let id = "metadata-parameter-unknown"
    static let parameterMissing = "metadata-parameter-missing"

    /// Reports `metadata-parameter-unknown` and `metadata-parameter-missing` for the action a page calls.
    static func report(_ page: PageContract, _ resolutions: MetadataPageResolutions, report: inout Findings) {
        let service = resolutions.service
        guard let (operation, _) = resolutions.operation, operation.kind == .action, let method = page.method
        else { return }
        let names = operation.callParameters.map(\.name)
        let lowered = Set(names.map { $0.lowercased() })
        func message(_ name: String) -> FindingMessage {
            .unknown(name, of: operation.name, suggestion: closestMatch(to: name, in: names, maximumDistance: 2))
        }
        let note = Diagnostic.Note.metadata("the metadata's \(operation.name)", operation.location, in: service)
        // A table without a type column in the section lists values (an enum's, a property's), not parameters.
        let tables = method.tables(.requestBody).filter { $0.parameters.contains { $0.type != nil } }
        for table in tables {
            for parameter in table.parameters
            where !PageContract.isParameter(parameter.name, of: operation, in: service) {
                report.report(
                    message(parameter.name), at: parameter.range, notes: [note], anchor: "body.\(parameter.name)",
                    ruleID: id)
            }
        }
        var bodies: [[JSONMember]] = []
        for index in resolutions.requests(calling: operation) {
            guard let members = page.requests[index].json?.value?.members else { continue }
            bodies.append(members)
            for member in members
            where !Conformance.isAnnotationKey(member.key) && !lowered.contains(member.key.lowercased()) {
                report.report(
                    message(member.key), at: member.keyRange, notes: [note],
                    anchor: "\(page.label(ofRequest: index)).\(member.key)", ruleID: id)
            }
        }
        reportMissing(operation, tables: tables, bodies: bodies, page: page, service: service, report: &report)
    }

    /// `metadata-parameter-missing`: the action's required parameters the table (or, without one, the examples'
    /// bodies) leave out.
    private static func reportMissing(
        _ operation: Operation, tables: [ParameterTable], bodies: [[JSONMember]], page: PageContract,
        service: ServiceMetadata, report: inout Findings
    ) {
        guard !tables.isEmpty || !bodies.isEmpty else { return }
        var documented = Set(tables.flatMap(\.parameters).map { $0.name.lowercased() })
        if tables.isEmpty { for members in bodies { documented.formUnion(members.map { $0.key.lowercased() }) } }
        let heading = page.heading(
            named: "Request body", near: page.method?.httpRequestRange ?? SourceRange(1, 1, 1, 1))
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
                anchor: "body.\(parameter.name):missing", ruleID: Self.parameterMissing)
        }
    }
}

extension FindingMessage {
    fileprivate static func unknown(_ name: String, of operation: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "parameter '\(name)' of action \(operation) is not in the metadata", suggesting: suggestion)
    }
}
