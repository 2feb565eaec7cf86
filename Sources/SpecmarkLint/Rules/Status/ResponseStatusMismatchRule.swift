import SpecmarkContract
import SpecmarkMarkdown

/// A response example's status is not one the Response section states.
struct ResponseStatusMismatchRule: LintRule {
    let description = RuleDescription(
        id: "response-status-mismatch",
        family: .status,
        summary: "a response example's status is not one the Response section states",
        defaultSeverity: .error,
        rationale: """
            The Response section says what a client must handle ("returns a `201 Created` response code"); an \
            example with another status contradicts it, and one of the two is wrong. A success example is compared \
            with the success codes the section states (a section that names only error codes is not compared); \
            responses annotated `expectError` are exempt.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Response
                If successful, this method returns a `201 Created` response code.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP/1.1 200 OK1️⃣
                ```
                """,
                messages: ["response to 'create_widget' is 200 OK but the Response section states 201 Created"]),
            // An error example is compared with every status the section states.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `201 Created` response code. If the name is taken, it returns
                `409 Conflict`.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP/1.1 400 Bad Request1️⃣
                ```
                """,
                messages: [
                    "response to 'create_widget' is 400 Bad Request but the Response section states 201 Created or 409 Conflict"
                ]),
        ],
        nonTriggeringExamples: [
            // Any status the section states.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `201 Created` response code.
                It returns `202 Accepted` while the widget is still being built.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 202 Accepted
                ```
                """),
            // A section that names only error codes says nothing about the success status.
            RuleExample(
                """
                ## Response
                If the widget does not exist, this method returns `404 Not Found`.
                ## Example
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A response annotated expectError is exempt.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `201 Created` response code.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response", "expectError": true } -->
                ```http
                HTTP/1.1 403 Forbidden
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let allStated = page.method?.response?.statuses, !allStated.isEmpty else { return }
        for (index, response) in page.responses.enumerated() {
            guard let line = response.message.statusLine, response.annotation?.expectError != true else { continue }
            // A success example is compared with the success codes stated, an error example with all of them:
            // a section that names only its error codes says nothing about the success status.
            let isSuccess = line.code < 400
            let stated = isSuccess ? allStated.filter { $0.code < 400 } : allStated
            guard let first = stated.first, !stated.contains(where: { $0.code == line.code }) else { continue }
            let actual = line.reason.isEmpty ? ReasonPhrase.describe(line.code) : "\(line.code) \(line.reason)"
            let expected = stated.map { $0.reason.isEmpty ? ReasonPhrase.describe($0.code) : "\($0.code) \($0.reason)" }
            report.report(
                .statusDiffers(page.label(ofResponse: index), actual, stated: expected),
                at: line.range, notes: [.init("stated here", at: SourceLocation(file: page.file, range: first.range))],
                anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func statusDiffers(_ label: String, _ actual: String, stated: [String]) -> FindingMessage {
        FindingMessage("\(label) is \(actual) but the Response section states \(stated.joined(separator: " or "))")
    }
}
