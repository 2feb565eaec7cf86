import SpecmarkContract
import SpecmarkMarkdown

/// An example calls another API version than the page documents.
struct ExampleVersionMismatchRule: LintRule {
    let description = RuleDescription(
        id: "example-version-mismatch",
        family: .paths,
        summary: "an example calls another API version than the page's folder documents",
        defaultSeverity: .warning,
        rationale: """
            A `beta` URL on a `v1.0` page (or the reverse) shows readers an endpoint with other behaviour and \
            other guarantees than the page describes; it usually survives a copy from the other version's docs.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET 1️⃣https://graph.microsoft.com/beta/widgets/11️⃣
                ```
                """, file: "v1.0/api/widget-get.md",
                messages: ["request 'get_widget' calls the beta endpoint on a v1.0 page"]),
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET 1️⃣https://graph.microsoft.com/v1.0/widgets/11️⃣
                ```
                """, file: "beta/api/widget-get.md",
                messages: ["request 'get_widget' calls the v1.0 endpoint on a beta page"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                """, file: "v1.0/api/widget-get.md")
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let pageVersion = page.apiVersion else { return }
        for (index, request) in page.requests.enumerated() {
            guard let url = request.url, let version = url.apiVersion, version != pageVersion,
                let line = request.message.requestLine
            else { continue }
            report.report(
                .versionMismatch(page.label(ofRequest: index), version, page: pageVersion),
                at: line.targetRange, anchor: page.anchor(ofRequest: index))
        }
    }
}

extension FindingMessage {
    fileprivate static func versionMismatch(_ label: String, _ version: String, page: String) -> FindingMessage {
        FindingMessage("\(label) calls the \(version) endpoint on a \(page) page")
    }
}
