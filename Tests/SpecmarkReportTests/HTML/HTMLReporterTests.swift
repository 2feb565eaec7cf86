import Foundation
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkReport

/// The HTML report: its golden for the reporters' fixed input, and each section from inputs built to show it.
@Suite struct HTMLReporterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func check(_ actual: String, _ name: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs")
    }

    /// The `<tag` names a page uses, so a test can say which elements it must not have.
    static func tags(_ html: String) -> Set<String> {
        var tags = Set<String>()
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "!" || $0 == "/" }
            tags.insert(name.lowercased())
        }
        return tags
    }

    @Test func theTemplatesParse() throws {
        _ = try HTMLReporter.library.get()
    }

    @Test func theReportersInputIsTheGolden() throws {
        try check(
            HTMLReporter.render(ReportersTests.input, options: .init(linkBase: "https://example.com/blob/abc")),
            "report.html")
    }

    @Test func theOverviewCountsAndLinksEachRuleToItsExplanation() throws {
        let html = HTMLReporter.render(ReportersTests.input)
        #expect(html.contains(##"<div class="card error"><span class="count">1</span> error</div>"##))
        #expect(html.contains(##"<div class="card warning"><span class="count">1</span> warning</div>"##))
        #expect(html.contains(##"<div class="card muted"><span class="count">1</span> suppressed</div>"##))
        // Each bar is a link to the rule's explanation further down, which exists.
        #expect(
            html.contains(##"<a href="#rule-response-status-mismatch"><title>response-status-mismatch: 1</title>"##))
        #expect(html.contains(##"<article class="rule" id="rule-response-status-mismatch">"##))
        // The suppressed finding is listed, marked, with its reason collapsed.
        #expect(html.contains(##"data-rule="table-cell-count" data-state="suppressed""##))
        #expect(
            html.contains(
                "<details class=\"suppression\"><summary>Why it is suppressed</summary><p>Suppressed by an inline specmark-disable comment: the third column is filled by an include (docs/widget-delete.md:6:1)</p></details>"
            ))
        // The excerpt marks the range the finding covers.
        #expect(html.contains(##"<span class="number">12</span> HTTP/1.1 204 ▶︎ <mark>NoContent</mark>"##))
        // No link without a link base.
        #expect(!html.contains("#L40"))
    }

    @Test func rulesLinkToTheirDocumentationWhenConfigured() throws {
        let html = HTMLReporter.render(
            ReportersTests.input, options: .init(ruleDocumentation: "https://docs.example.com/rules/{rule}.html"))
        #expect(
            html.contains(
                ##"<p><a href="https://docs.example.com/rules/http-reason-phrase.html">Documentation</a></p>"##))
        #expect(!HTMLReporter.render(ReportersTests.input).contains(">Documentation</a>"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = HTMLReporter.render(ReportersTests.input)
        let tags = Self.tags(html)
        for forbidden in ["link", "img", "iframe", "object", "embed", "base", "image", "use", "foreignobject"] {
            #expect(!tags.contains(forbidden), "<\(forbidden)>")
        }
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<script src"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func textFromThePagesIsEscapedEverywhere() throws {
        var input = ReportersTests.input
        let hostile = ##"<script>alert("x")</script> & <img src=x onerror=alert(1)>"##
        input.diagnostics[0].message = "heading '\(hostile)' is not in the outline"
        input.diagnostics[0].notes = [.init("see '\(hostile)'", at: nil)]
        let file = input.diagnostics[0].location.file
        let line = input.diagnostics[0].location.range.start.line
        input.sourceLines[file]?[line] = "## " + hostile
        input.rules[0].rationale = hostile
        input.testCases = [TestCase(suite: file, name: hostile, outcome: .failed, message: hostile, details: hostile)]
        let html = HTMLReporter.render(input)
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(
            html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"))
    }

    /// swift-mustache's escaping compares whole characters: `"` with a combining mark is one, and passed it.
    @Test func aQuoteWithACombiningMarkIsEscapedToo() throws {
        let mark = "\u{301}"
        let quote = "\"" + mark  // one Character
        let escaped = HTMLEscaping.escape("a" + quote + " b")
        #expect(escaped == "a&quot;" + mark + " b")
        let mixed = HTMLEscaping.escape("<" + mark + "&'" + mark + ">")
        #expect(mixed == "&lt;" + mark + "&amp;&#39;" + mark + "&gt;")
        #expect(HTMLEscaping.escape("plain ▶︎ text") == "plain ▶︎ text")
        var input = ReportersTests.input
        // An area name (from a folder) reaches the heat map's aria-label attribute.
        let folder = "api/a" + quote + " onmouseover=alert(1) b"
        for index in input.diagnostics.indices { input.diagnostics[index].location.file = folder + "/page.md" }
        let html = HTMLReporter.render(input)
        let raw = quote + " onmouseover"
        let safe = "&quot;" + mark + " onmouseover=alert(1) b"
        #expect(!html.contains(raw))
        #expect(html.contains(safe))
    }

    @Test func onlyWebURLsBecomeLinks() throws {
        let html = HTMLReporter.render(
            ReportersTests.input,
            options: .init(linkBase: "javascript:alert(1)//", ruleDocumentation: "JavaScript:alert('{rule}')"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains(">Documentation</a>"))
        #expect(!html.contains("#L40"))
    }

    @Test func aStackedBarFillsItsWidthExactly() {
        let bar = HTMLCharts.StackedBar(parts: [
            (997, "passed", "passed"), (1, "failed", "failed"), (1, "error", "errors"), (1, "skipped", "skipped"),
        ])
        #expect(bar.segments.reduce(0) { $0 + $1.length } == bar.width)
        #expect(bar.segments.map(\.x) == [0, 239, 239, 239])
        #expect(HTMLCharts.StackedBar(parts: []).segments.isEmpty)
    }

    @Test func aBaselineRunShowsNewUnchangedAndFixedByRule() throws {
        var input = ReportersTests.input
        let status = try #require(input.diagnostics.firstIndex { $0.ruleID == "response-status-mismatch" })
        let reason = try #require(input.diagnostics.firstIndex { $0.ruleID == "http-reason-phrase" })
        input.diagnostics[status].baselineState = .unchanged
        input.diagnostics[reason].baselineState = .new
        input.fixedBaselineEntries = 3
        input.fixedBaselineEntriesByRule = ["http-reason-phrase": 1, "link-broken": 2]
        let html = HTMLReporter.render(input)
        #expect(html.contains(##"<div class="card error"><span class="count">1</span> new</div>"##))
        #expect(html.contains(##"<div class="card muted"><span class="count">1</span> unchanged</div>"##))
        #expect(html.contains(##"<div class="card good"><span class="count">3</span> fixed</div>"##))
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><td><a href=\"#rule-") }
        #expect(
            rows == [
                ##"<tr><td><a href="#rule-http-reason-phrase">http-reason-phrase</a></td><td>1</td><td>0</td><td>1</td></tr>"##,
                ##"<tr><td><a href="#rule-link-broken">link-broken</a></td><td>0</td><td>0</td><td>2</td></tr>"##,
                ##"<tr><td><a href="#rule-response-status-mismatch">response-status-mismatch</a></td><td>0</td><td>1</td><td>0</td></tr>"##,
            ])
        // A rule whose findings were all fixed is explained too: its row links there.
        #expect(html.contains(##"<article class="rule" id="rule-link-broken">"##))
        // Without a baseline there is no such section.
        #expect(!HTMLReporter.render(ReportersTests.input).contains(##"<section id="change">"##))
    }

    @Test func replayedExamplesAreCountedByAreaAndFailuresListed() throws {
        var input = ReportersTests.input
        input.testCases = [
            TestCase(suite: "api/user-get.md", name: "get_user", outcome: .passed, file: "api/user-get.md"),
            TestCase(
                suite: "api/user-update.md", name: "update_user", outcome: .failed,
                message: "the service answered 404 where the Response section states 204",
                details: "api/user-update.md:30:1: error: status 404, documented 204 [replay-status-mismatch]",
                file: "api/user-update.md", line: 30, exchange: "PATCH http://127.0.0.1:4010/v1.0/users/1 → 404"),
            TestCase(suite: "api/group-get.md", name: "get_group", outcome: .skipped, file: "api/group-get.md"),
        ]
        let html = HTMLReporter.render(input)
        #expect(html.contains("<p class=\"summary\">3 examples: 1 passed, 1 failed, 1 skipped, 0 errors</p>"))
        #expect(html.contains("<tr><td>user</td><td>1</td><td>1</td><td>0</td><td>0</td>"))
        #expect(html.contains("<tr><td>group</td><td>0</td><td>0</td><td>0</td><td>1</td>"))
        #expect(html.contains("<h4><span class=\"badge error\">failed</span> update_user</h4>"))
        #expect(html.contains("<code>PATCH http://127.0.0.1:4010/v1.0/users/1 → 404</code>"))
        #expect(
            html.contains(
                "<li><code>api/user-update.md:30:1: error: status 404, documented 204 [replay-status-mismatch]</code></li>"
            ))
    }

    @Test func coverageIsShownByNamespace() throws {
        var input = ReportersTests.input
        input.coverage = [
            try MetadataCoverage.fixture(
                file: "metadata/widgets.csdl.xml", version: "v1.0",
                shares: (types: (3, 4), properties: (10, 40), sources: (1, 2), operations: (0, 5)),
                namespaces: [("widgets", (3, 4), (10, 40), (1, 2), (0, 5))])
        ]
        let html = HTMLReporter.render(input)
        #expect(html.contains("<h3>metadata/widgets.csdl.xml (v1.0)</h3>"))
        #expect(
            html.contains(
                ##"<tr><th>Types with a resource page</th><td><span class="share"><svg class="bar" width="160" height="10" viewBox="0 0 160 10" aria-hidden="true"><rect class="track" width="160" height="10"/><rect class="fill" width="120" height="10"/></svg> 3 of 4 (75.0%)</span></td></tr>"##
            ))
        #expect(html.contains("<tr><th>widgets</th>"))
        #expect(html.contains("0 of 5 (0.0%)"))
    }

    @Test func heatMapLevelsFollowALogScale() {
        #expect(HTMLCharts.HeatMap.level(0, largest: 1000) == 0)
        #expect(HTMLCharts.HeatMap.level(1, largest: 1000) == 1)
        #expect(HTMLCharts.HeatMap.level(1000, largest: 1000) == 5)
        #expect(HTMLCharts.HeatMap.level(31, largest: 1000) == 3)
        #expect(HTMLCharts.HeatMap.level(1, largest: 1) == 5)
    }
}

extension MetadataCoverage {
    /// A coverage with the given shares (decoded: its memberwise initialiser is the contract module's own).
    static func fixture(
        file: String, version: String?,
        shares: (types: (Int, Int), properties: (Int, Int), sources: (Int, Int), operations: (Int, Int)),
        namespaces: [(String, (Int, Int), (Int, Int), (Int, Int), (Int, Int))]
    ) throws -> MetadataCoverage {
        func share(_ pair: (Int, Int)) -> [String: Int] { ["covered": pair.0, "total": pair.1] }
        let object: [String: Any] = [
            "file": file, "version": version as Any, "entityTypes": 3, "complexTypes": 1, "enumTypes": 2,
            "entitySets": 1, "singletons": 1, "actions": 4, "functions": 1, "typesDocumented": share(shares.types),
            "propertiesDocumented": share(shares.properties), "sourcesWithMethodPage": share(shares.sources),
            "operationsWithMethodPage": share(shares.operations),
            "namespaces": namespaces.map {
                [
                    "name": $0.0, "types": share($0.1), "properties": share($0.2), "sources": share($0.3),
                    "operations": share($0.4),
                ] as [String: Any]
            },
        ]
        return try JSONDecoder().decode(MetadataCoverage.self, from: JSONSerialization.data(withJSONObject: object))
    }
}
