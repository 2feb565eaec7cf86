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
            with the success codes the section states, an error example with every code it states; a section that \
            names only error codes ("returns `400 Bad Request` if…") states no success status and is not compared. \
            Responses annotated `expectError` are exempt, and so is an unannotated error block that illustrates an \
            error outside the examples (a troubleshooting section). The finding quotes both statuses as the page \
            writes them and points at the sentence that states the section's status.
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
            // Statuses are quoted as the page writes them, reason phrase or not.
            RuleExample(
                """
                ## Response
                If successful, this method returns a 204 response code.
                ## Example
                <!-- { "blockType": "request", "name": "delete_widget" } -->
                ```http
                DELETE /widgets/1
                ```
                <!-- { "blockType": "response" } -->
                ```http
                1️⃣HTTP/1.1 200 Accepted1️⃣
                ```
                """,
                messages: ["response to 'delete_widget' is 200 Accepted but the Response section states 204"]),
        ],
        nonTriggeringExamples: [
            // The answer to a call the service makes to a partner's endpoint is the partner's, not the method's.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `201 Created` response code.
                ## Example
                <!-- { "blockType": "request", "name": "create_hook" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/hooks
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 201 Created
                ```
                The service then calls the partner's endpoint, which answers:
                ```http
                POST https://partner.example/hooks/confirm
                ```
                ```http
                HTTP/1.1 200 OK
                ```
                """),
            // A second operation with its own HTTP request subsection answers for itself.
            RuleExample(
                """
                ## Response
                If successful, this method returns a `200 OK` response code.
                ## Example
                <!-- { "blockType": "request", "name": "list_previews" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/previews
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                ## Download a preview's content
                ### HTTP request
                <!-- { "blockType": "request", "name": "get_preview_content" } -->
                ```http
                GET /widgets/{id}/previews/{preview-id}/content
                ```
                ### Response
                The service redirects to the preview's address.
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 302 Found
                Location: https://files.example/previews/1
                ```
                """),
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
            // A section that names only error codes states no success status, not for error examples either.
            RuleExample(
                """
                ## Response
                If the name is taken, this method returns `409 Conflict`.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 507 Insufficient Storage
                ```
                """),
            // An unannotated error block in a troubleshooting section illustrates an error; it answers no request.
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
                HTTP/1.1 201 Created
                ```
                ## Troubleshooting
                When another widget already has the name, the service answers:
                ```http
                HTTP/1.1 409 Conflict
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
        // A section that names only error codes states no success status: nothing to compare with.
        guard let allStated = page.method?.response?.statuses, allStated.contains(where: { $0.code < 400 }) else {
            return
        }
        // By index, reading fields in place: binding each response would copy all of it.
        let responses = page.responses
        for index in responses.indices {
            guard let line = responses[index].message.statusLine, responses[index].annotation?.expectError != true
            else { continue }
            // The answer to a request sent to another host (a callback to a partner's service) is that host's,
            // and the answer to a second operation with its own HTTP request subsection ("Retrieve thumbnail
            // binary content": a 302) is that operation's: the page's Response section speaks of neither.
            if let pair = page.pairs.first(where: { $0.response == index }),
                page.isForeign(request: pair.request, serviceRoots: docs.configuration.serviceRoots)
                    || page.requests[pair.request].declaresItsOwnPath
            {
                continue
            }
            // A success example is compared with the success codes stated, an error example with all of them:
            // a section that names only its error codes says nothing about the success status.
            let isSuccess = line.code < 400
            let stated = isSuccess ? allStated.filter { $0.code < 400 } : allStated
            guard !stated.isEmpty, !stated.contains(where: { $0.code == line.code }) else { continue }
            // As the page writes them: `200 Accepted` stays `200 Accepted`, a bare `204` stays `204`.
            let actual = line.reason.isEmpty ? "\(line.code)" : "\(line.code) \(line.reason)"
            let expected = stated.map { $0.reason.isEmpty ? "\($0.code)" : "\($0.code) \($0.reason)" }
            report.report(
                .statusDiffers(page.label(ofResponse: index), actual, stated: expected),
                at: line.range,
                notes: stated.map { .init("stated here", at: SourceLocation(file: page.file, range: $0.range)) },
                anchor: page.anchor(ofResponse: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func statusDiffers(_ label: String, _ actual: String, stated: [String]) -> FindingMessage {
        FindingMessage("\(label) is \(actual) but the Response section states \(stated.joined(separator: " or "))")
    }
}
