import SpecmarkContract
import SpecmarkMarkdown

/// An example's URL path matches none of the paths the HTTP request section declares.
struct ExamplePathUndeclaredRule: LintRule {
    let description = RuleDescription(
        id: "example-path-undeclared",
        family: .paths,
        summary: "an example's URL path matches none of the paths the HTTP request section declares",
        defaultSeverity: .error,
        rationale: """
            The HTTP request section is the method's contract; an example that calls another path documents a \
            different method, or a typo that readers will copy. Placeholders (`{id}`, `{id | userPrincipalName}`) \
            match one segment, OData key syntax (`users('a')`) equals `users/a`, and path aliases (by default \
            `/me` for `/users/{id}`) are applied on both sides. The note names the closest declared path.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensor/6f1c1️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_sensor' calls /sensor/6f1c, which matches no path declared in the HTTP request \
                    section
                    """
                ]),
            // A placeholder matches one segment, not two.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor_readings" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings1️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_sensor_readings' calls /sensors/6f1c/readings, which matches no path declared in the \
                    HTTP request section
                    """
                ]),
        ],
        nonTriggeringExamples: [
            // `{id | userPrincipalName}` is one placeholder, and /me is /users/{id}.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /users/{id | userPrincipalName}/sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_my_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/sensors/6f1c?$select=id
                ```
                """),
            // The alias applies to the declared path too.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /me/sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_user_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/users/4a1e/sensors/6f1c
                ```
                """),
            // OData key syntax: sensors('6f1c') is sensors/6f1c.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/sensors('6f1c')
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let declared = page.method?.declaredPaths, !declared.isEmpty else { return }
        let aliases = docs.configuration.pathAliases
        let templates = declared.map { $0.template.applying(aliases: aliases) }
        for (index, request) in page.requests.enumerated() {
            guard let url = request.url, let line = request.message.requestLine,
                url.host == nil || url.serviceRoot != nil
            else { continue }
            let path = url.template.applying(aliases: aliases)
            guard !templates.contains(where: { $0.matches(path) }) else { continue }
            let closest = declared.indices.min { templates[$0].distance(to: path) < templates[$1].distance(to: path) }
            var notes: [Diagnostic.Note] = []
            if let closest {
                let candidate = declared[closest]
                notes.append(
                    .init(
                        "closest declared path: \(candidate.method) \(candidate.template.path)",
                        at: SourceLocation(file: page.file, range: candidate.range)))
            }
            report.report(
                .pathUndeclared(page.label(ofRequest: index), url.template.path),
                at: line.range, notes: notes, anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func pathUndeclared(_ label: String, _ path: String) -> FindingMessage {
        FindingMessage("\(label) calls \(path), which matches no path declared in the HTTP request section")
    }
}
