import SpecmarkContract
import SpecmarkMarkdown

/// Two request examples on one page share a name; the same pass reports names shared across pages of one API
/// version (``ExampleNameReusedRule``).
struct ExampleNameDuplicateRule: LintRule {
    static let reused = "example-name-reused"

    let description = RuleDescription(
        id: "example-name-duplicate",
        family: .pairing,
        summary: "two request examples on one page share a name",
        defaultSeverity: .error,
        rationale: """
            Example names identify examples to test tools, to replay parameters and to the mock's `Prefer: \
            example=` selection. On one page a duplicate is always a mistake: the second example cannot be named \
            at all. Names shared across pages are `example-name-reused`.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "request", "name": 1️⃣"get_widget"1️⃣ } -->
                ```http
                GET /widgets/2
                ```
                """,
                messages: ["example name 'get_widget' is used twice on this page"]),
            // Each repeat is reported, and says how many uses there are.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/1
                ```
                <!-- { "blockType": "request", "name": 1️⃣"get_widget"1️⃣ } -->
                ```http
                GET /widgets/2
                ```
                <!-- { "blockType": "request", "name": 2️⃣"get_widget"2️⃣ } -->
                ```http
                GET /widgets/3
                ```
                """,
                messages: [
                    "example name 'get_widget' is used 3 times on this page",
                    "example name 'get_widget' is used 3 times on this page",
                ]),
        ],
        nonTriggeringExamples: [
            // Across pages it is another rule's finding.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/2
                ```
                """,
                file: "v1.0/api/widget-get-2.md",
                otherPages: [
                    "v1.0/api/widget-get.md": """
                    <!-- { "blockType": "request", "name": "get_widget" } -->
                    ```http
                    GET /widgets/1
                    ```
                    """
                ])
        ]
    )

    var isPageRule: Bool { false }
    let reportsFor = [reused]

    func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {
        var firstUse: [String: (file: String, range: SourceRange)] = [:]
        // By index: binding every page would copy (retain) each one's fields; most pages have no request.
        for pageIndex in docs.pages.indices where !docs.pages[pageIndex].requests.isEmpty {
            let page = docs.pages[pageIndex]
            var onPage: [String: SourceRange] = [:]
            var uses: [String: Int] = [:]
            for request in page.requests where request.annotation != nil {
                for name in request.names { uses[name, default: 0] += 1 }
            }
            for (index, request) in page.requests.enumerated() {
                guard let annotation = request.annotation else { continue }
                let range = annotation.json.member("name")?.value.range ?? annotation.range
                for name in request.names {
                    if let first = onPage[name] {
                        report.report(
                            .nameUsedAgain(name, times: uses[name] ?? 2), in: page.file, at: range,
                            notes: [.init("first used here", at: SourceLocation(file: page.file, range: first))],
                            anchor: page.anchor(ofRequest: index))
                        continue
                    }
                    onPage[name] = range
                    let key = "\(page.apiVersion ?? "")\u{0}\(name)"
                    if let first = firstUse[key] {
                        report.report(
                            .nameUsedElsewhere(name, first.file), in: page.file, at: range,
                            notes: [.init("first used here", at: SourceLocation(file: first.file, range: first.range))],
                            anchor: page.anchor(ofRequest: index), ruleID: Self.reused)
                    } else {
                        firstUse[key] = (page.file, range)
                    }
                }
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func nameUsedAgain(_ name: String, times: Int) -> FindingMessage {
        FindingMessage("example name '\(name)' is used \(times == 2 ? "twice" : "\(times) times") on this page")
    }

    fileprivate static func nameUsedElsewhere(_ name: String, _ file: String) -> FindingMessage {
        FindingMessage("example name '\(name)' is also used in \(file)")
    }
}
