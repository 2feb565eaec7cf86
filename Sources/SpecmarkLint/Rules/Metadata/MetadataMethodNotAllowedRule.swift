import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A declared method is not one the addressed target allows.
struct MetadataMethodNotAllowedRule: LintRule {
    let description = RuleDescription(
        id: "metadata-method-not-allowed",
        family: .metadata,
        summary: "a declared method is not allowed on what the path addresses",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, what a path addresses decides the methods it takes: functions are called with \
            GET, actions with POST, collections take GET and POST but not PATCH or DELETE, and the metadata's \
            capability annotations (`InsertRestrictions`, `UpdateRestrictions`, `DeleteRestrictions`) narrow \
            them further. A page that declares another method documents a call the service rejects.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                1️⃣POST1️⃣ /widgets/{id}/measure(unit='mm')
                2️⃣GET2️⃣ /widgets/{id}/paint
                3️⃣PATCH3️⃣ /widgets
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "POST is not allowed on a function (microsoft.graph.measure)",
                    "GET is not allowed on an action (microsoft.graph.paint)",
                    "PATCH is not allowed on a collection (widgets)",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/measure(unit='mm')
                POST /widgets/{id}/paint
                PATCH /widgets/{id}
                POST /widgets
                DELETE /widgets/{id}
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let method = page.method, let service = docs.metadata(forFile: page.file) else { return }
        for (index, declared) in method.declaredPaths.enumerated() {
            let resolution = docs.resolve(declared.template, in: service)
            guard let problem = service.check(method: declared.method.uppercased(), on: resolution),
                let target = resolution.target
            else { continue }
            var notes: [Diagnostic.Note] = []
            if let operation = target.operation {
                notes.append(.metadata("the metadata's \(operation.name)", operation.location, in: service))
            }
            report.report(
                .notAllowed(problem, target: target), at: declared.methodRange, notes: notes,
                anchor: "request#\(index):\(declared.method)")
        }
    }
}

extension FindingMessage {
    fileprivate static func notAllowed(_ problem: MethodProblem, target: PathResolution.Segment) -> FindingMessage {
        FindingMessage("\(problem) (\(target.operation?.name ?? target.text))")
    }
}
