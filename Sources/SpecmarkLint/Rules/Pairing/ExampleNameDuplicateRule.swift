import SpecmarkContract
import SpecmarkMarkdown

/// Two request examples share a name.
struct ExampleNameDuplicateRule: LintRule {
    let description = RuleDescription(
        id: "example-name-duplicate",
        family: .pairing,
        summary: "two request examples share a name (an error on one page, a warning across pages of one API version)",
        defaultSeverity: .error,
        rationale: """
            Example names identify examples to test tools, to replay parameters and to the mock's `Prefer: \
            example=` selection. On one page a duplicate is always a mistake; across pages of one API version it \
            makes every tool pick one of them silently.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "request", "name": 1️⃣"get_widget" } -->
                ```http
                GET /widgets/2
                ```
                """),
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": 1️⃣\"get_widget\" } -->\n```http\nGET /widgets/2\n```\n",
                file: "v1.0/api/widget-get-2.md",
                otherPages: [
                    "v1.0/api/widget-get-1.md":
                        "<!-- { \"blockType\": \"request\", \"name\": \"get_widget\" } -->\n```http\nGET /widgets/1\n```\n"
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "<!-- { \"blockType\": \"request\", \"name\": \"get_widget\" } -->\n```http\nGET /widgets/2\n```\n",
                file: "beta/api/widget-get.md",
                otherPages: [
                    "v1.0/api/widget-get.md":
                        "<!-- { \"blockType\": \"request\", \"name\": \"get_widget\" } -->\n```http\nGET /widgets/1\n```\n"
                ])
        ]
    )

    var isPageRule: Bool { false }

    func check(_ docs: DocSet, options: RuleOptions, report: inout Findings) {
        var firstUse: [String: (file: String, range: SourceRange)] = [:]
        for page in docs.pages {
            var onPage: [String: SourceRange] = [:]
            for (index, request) in page.requests.enumerated() {
                guard let annotation = request.annotation else { continue }
                let range = annotation.json.member("name")?.value.range ?? annotation.range
                for name in request.names {
                    if let first = onPage[name] {
                        report.report(
                            "example name '\(name)' is used twice on this page", in: page.file, at: range,
                            notes: [.init("first used here", at: SourceLocation(file: page.file, range: first))],
                            anchor: page.anchor(ofRequest: index))
                        continue
                    }
                    onPage[name] = range
                    let key = "\(page.apiVersion ?? "")\u{0}\(name)"
                    if let first = firstUse[key] {
                        report.report(
                            "example name '\(name)' is also used in \(first.file)", in: page.file, at: range,
                            notes: [.init("first used here", at: SourceLocation(file: first.file, range: first.range))],
                            anchor: page.anchor(ofRequest: index), severity: .warning)
                    } else {
                        firstUse[key] = (page.file, range)
                    }
                }
            }
        }
    }
}
