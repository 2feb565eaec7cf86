import SpecmarkContract
import SpecmarkMarkdown

/// An example's path is declared, but not with the example's method.
struct ExampleMethodUndeclaredRule: LintRule {
    let description = RuleDescription(
        id: "example-method-undeclared",
        family: .paths,
        summary: "an example's path is declared, but not with the example's method",
        defaultSeverity: .error,
        rationale: """
            A PATCH example on a page that declares only `DELETE /widgets/{id}` documents a method the page does \
            not describe — usually an example copied from a sibling page.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                DELETE /widgets/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                1️⃣PATCH1️⃣ https://graph.microsoft.com/v1.0/widgets/1
                ```
                """,
                messages: [
                    """
                    request 'delete_widget' uses PATCH, but the HTTP request section declares /widgets/{id} only with \
                    DELETE
                    """
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                DELETE /widgets/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE https://graph.microsoft.com/v1.0/widgets/1
                ```
                """),
            // A path the section does not declare at all is example-path-undeclared's finding.
            RuleExample(
                """
                ## HTTP request
                ```http
                DELETE /widgets/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/gadgets/1
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let declared = page.method?.declaredPaths, !declared.isEmpty else { return }
        let aliases = docs.pathAliases
        // The declared templates with aliases applied, once per page rather than once per example.
        let templates = declared.map { $0.template.applying(aliases) }
        for (index, request) in page.requests.enumerated() {
            guard let url = request.url, let line = request.message.requestLine else { continue }
            let path = url.template.applying(aliases)
            let matching = declared.indices.filter { templates[$0].matches(path) }.map { declared[$0] }
            guard !matching.isEmpty, !matching.contains(where: { $0.method == line.method }) else { continue }
            let methods = Array(Set(matching.map(\.method))).sorted().joined(separator: ", ")
            report.report(
                .methodUndeclared(
                    page.label(ofRequest: index), line.method, path: matching[0].template.path, declared: methods),
                at: line.methodRange,
                notes: [.init("declared here", at: SourceLocation(file: page.file, range: matching[0].range))],
                anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func methodUndeclared(
        _ label: String, _ method: String, path: String, declared: String
    )
        -> FindingMessage
    {
        FindingMessage(
            "\(label) uses \(visible(method)), but the HTTP request section declares \(visible(path)) only with \(declared)"
        )
    }
}
