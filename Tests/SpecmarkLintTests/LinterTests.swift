import Foundation
import Logging
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata
import Testing

@testable import SpecmarkLint

@Suite struct LinterTests {
    static let page = """
        <!-- { "blockType": "response", "truncated": "true" } -->
        ```http
        HTTP/1.1 204 NoContent
        ```
        """

    static func docs(_ pages: [(String, String)]) -> DocSet {
        DocSet(pages: pages.map { PageExtractor().extract(bytes: Array($0.1.utf8), file: $0.0) })
    }

    /// Suggestions read only the names whose length can match, and must pick what a scan of the whole folder
    /// picks, ties included (the first in listing order).
    @Test func siblingSuggestionsEqualAScanOfTheWholeFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-siblings-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = [
            "user-get.md", "user-list.md", "users-get.md", "user-gets.md", "usr-get.md", "group-get.md", "a.md",
            "b.md", "ab.md", "user-delete.md", "user-update.md", "user-post-events.md", "event-get.md", "evnt-get.md",
            "calendar-list-events.md", "calendar-list-event.md", "x-get.md", "user-get-v2.md", "Event-Get.md",
            "EVENT-get.md", "namedLocation.md",
        ]
        for name in names { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()) }
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder)
        var targets = LinkTargets(docs: DocSet(pages: []), files: FileSystemLookup())
        let probes =
            names + [
                "user-gte.md", "usre-list.md", "c.md", "event-gets.md", "calendar-list-evnts.md", "zzz", "User-Get.md",
                "EVENT-GET.md", "namedlocation.md", "NamedLocation.md", "",
            ]
        var suggested = 0
        for probe in probes + probes {  // the second time from the cache
            let expected = closestMatch(to: probe, in: listing, maximumDistance: 3)
            #expect(targets.closestSibling(of: folder + "/" + probe) == expected, "\(probe)")
            if expected != nil { suggested += 1 }
        }
        #expect(suggested > probes.count)
    }

    /// A status that contradicts the Response section points at each place the section states its statuses.
    @Test func aStatusMismatchPointsAtTheSentenceThatStatesTheStatus() async throws {
        let docs = Self.docs([
            (
                "api/widget-post.md",
                """
                ## Response
                If successful, this method returns a `201 Created` response code, or `202 Accepted` while the
                widget is built.
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """
            )
        ])
        let found = await Linter().lint(docs, logger: Logger(label: "t")).filter {
            $0.ruleID == "response-status-mismatch"
        }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.location.range.start == SourcePosition(line: 11, column: 1))
        #expect(
            finding.notes.map { "\($0.message) \($0.location.map { "\($0.range.start)" } ?? "")" } == [
                "stated here 2:39", "stated here 2:71",
            ])
    }

    /// Found by the page fuzzer: `../d` from `api/` resolves to `d`, and Foundation's path splitting trapped on a
    /// one-character relative path while looking for a sibling to suggest.
    @Test func aLinkToAOneCharacterPathIsAFindingNotATrap() async {
        let docs = Self.docs([("api/fuzz.md", "See [x](../d) and [y](e).\n")])
        let found = await Linter().lint(docs, logger: Logger(label: "t")).filter { $0.ruleID == "link-broken" }
        #expect(
            found.map { "\($0.location.range.start) \($0.message)" } == [
                "1:9 link target '../d' does not exist", "1:23 link target 'e' does not exist",
            ])
    }

    @Test func configuredSeveritiesAndOffRulesApply() async {
        let docs = Self.docs([("a.md", Self.page)])
        let defaults = await Linter().lint(docs, logger: Logger(label: "t"))
        #expect(
            defaults.map { "\($0.ruleID):\($0.severity)" } == [
                "annotation-value-type:warning", "example-response-unpaired:warning", "http-reason-phrase:warning",
            ])
        let configured = LintConfiguration(settings: ["http-reason-phrase": .on(.error), "annotation-value-type": .off])
        let diagnostics = await Linter(configuration: configured).lint(docs, logger: Logger(label: "t"))
        #expect(
            diagnostics.map { "\($0.ruleID):\($0.severity)" } == [
                "example-response-unpaired:warning", "http-reason-phrase:error",
            ])
    }

    @Test func pageSubsetKeepsDocSetLookupsButReportsOnlyThosePages() async {
        let one = "<!-- { \"blockType\": \"request\", \"name\": \"same\" } -->\n```http\nGET /a\n```\n"
        let docs = Self.docs([("v1.0/a.md", one), ("v1.0/b.md", one)])
        let all = await Linter().lint(docs, logger: Logger(label: "t"))
        #expect(all.filter { $0.ruleID == "example-name-reused" }.map(\.location.file) == ["v1.0/b.md"])
        let onlyA = await Linter().lint(docs, pages: [0], logger: Logger(label: "t"))
        #expect(Set(onlyA.map(\.location.file)) == ["v1.0/a.md"])
        let onlyB = await Linter().lint(docs, pages: [1], logger: Logger(label: "t"))
        #expect(onlyB.contains { $0.ruleID == "example-name-reused" && $0.severity == .warning })
    }

    /// The file lookup answers for exactly the spelling asked: a target written with other letter case does not
    /// exist, even where the file system would find it regardless of case.
    @Test func theFileLookupComparesNamesExactly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lookup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = FileManager.default.createFile(atPath: folder.path + "/images/Chart.png", contents: Data())
        let lookup = FileSystemLookup()
        #expect(lookup.exists(folder.path + "/images/Chart.png"))
        #expect(!lookup.exists(folder.path + "/images/chart.png"))
        #expect(lookup.exists(folder.path + "/images"))
        #expect(lookup.exists(folder.path + "/images/"))
        #expect(!lookup.exists(folder.path + "/images/missing.png"))
        #expect(lookup.consulted.contains(folder.path + "/images"))
    }

    /// A broken link is reported where its destination is written, whatever its text renders to.
    @Test func aBrokenLinkIsReportedAtItsDestination() async {
        let text = "# Widgets\n\nSee [**bold** text](missing.md) here.\n"
        let docs = DocSet(pages: [PageExtractor().extract(bytes: Array(text.utf8), file: "api/widgets.md")])
        let found = await Linter(files: { FileSystemLookup() }).lint(docs, logger: Logger(label: "t"))
        let broken = found.filter { $0.ruleID == "link-broken" }
        #expect(broken.map(\.location.range) == [SourceRange(3, 21, 3, 30)])
        #expect(broken.map(\.message) == ["link target 'missing.md' does not exist"])
    }

    /// A link found sound once from a folder is not checked again on the folder's other pages, but a broken one
    /// is reported on every page that has it, and a link to an anchor of the page itself (no path) is checked
    /// on each page, since each page has its own headings.
    @Test func linkVerdictsAreKeptPerFolderOnlyForPaths() {
        let pages = [
            ("api/a.md", "# A\n\n## Setup\n\n[ok](b.md#usage) [gone](missing.md) [self](#setup)\n"),
            ("api/b.md", "# B\n\n## Usage\n\n[ok](b.md#usage) [gone](missing.md) [self](#setup)\n"),
            ("api/c.md", "# C\n\n## Setup\n\n[ok](b.md#usage) [stale](b.md#setup) [self](#setup)\n"),
        ]
        // One pass over every page, as one share: the linter would give each of three pages a share of its own.
        var findings = Findings(file: "")
        LinkBrokenRule().check(Self.docs(pages), context: RuleContext(), report: &findings)
        #expect(
            findings.items.map { "\($0.file) \($0.range.start) \($0.message)" } == [
                "api/a.md 5:25 link target 'missing.md' does not exist",
                "api/b.md 5:25 link target 'missing.md' does not exist",
                "api/b.md 5:44 anchor '#setup' names no heading in this page",
                "api/c.md 5:26 anchor '#setup' names no heading in 'b.md'",
            ])
    }

    /// A doc-set rule that checks pages independently runs in shares of the pages; the shares together report
    /// what one pass over every page reports, for a run over all pages and for a run over some.
    @Test func sharesOfADocSetRuleReportWhatOnePassReports() async {
        let pages = (0..<40).map { index in
            ("api/p\(index).md", "# P\(index)\n\n[next](p\(index + 1).md) [top](p\(index).md#p\(index % 3))\n")
        }
        let docs = Self.docs(pages)
        var whole = Findings(file: "")
        LinkBrokenRule().check(docs, context: RuleContext(), report: &whole)
        var shared: [Finding] = []
        for share in [0..<13, 13..<14, 14..<40] {
            var findings = Findings(file: "", pages: Array(docs.pages.indices)[share])
            LinkBrokenRule().check(docs, context: RuleContext(), report: &findings)
            shared += findings.items
        }
        #expect(!whole.items.isEmpty)
        #expect(shared == whole.items)
        // A run over some pages: the share's pages less those not reported.
        let findings = Findings(
            file: "", reportedFiles: ["api/p3.md", "api/p20.md"], pages: Array(docs.pages.indices)[0..<10])
        #expect(findings.pagesToCheck(in: docs) == [3])
        #expect(Findings(file: "", reportedFiles: ["api/p20.md"]).pagesToCheck(in: docs) == [20])
        #expect(Findings(file: "").pagesToCheck(in: docs) == Array(0..<40))
    }

    /// A path is resolved once per API version for a run: later pages get the first page's resolution, and
    /// another version resolves on its own.
    @Test func pathResolutionsAreMadeOncePerVersionAndPath() {
        let resolutions = PathResolutions()
        var made = 0
        func resolve(_ path: String, _ version: String?) -> PathResolution {
            resolutions.resolution(of: path, version: version) {
                made += 1
                return PathResolution(path: path, segments: [], failure: nil)
            }
        }
        #expect(resolve("/me", "v1.0").path == "/me")
        #expect(resolve("/me", "v1.0").path == "/me")
        #expect(made == 1)
        _ = resolve("/me", "beta")
        _ = resolve("/me", nil)
        _ = resolve("/users/{id}", "v1.0")
        #expect(made == 4)
        // Forgotten (as the linter does once the rules are done), a path is resolved again.
        resolutions.removeAll()
        _ = resolve("/me", "v1.0")
        #expect(made == 5)
    }

    /// An issue extraction records is reported only through the rule its kind names, at that rule's configured
    /// severity: there is no severity of its own to fall back on.
    @Test func extractionIssuesTakeTheirRulesConfiguredSeverity() async {
        let page = PageExtractor().extract(
            bytes: Array("<!-- { \"blockType\": \"request\" -->\n```http\nGET /a\n```\n".utf8), file: "x.md")
        #expect(page.issues.map(\.kind) == [.annotationInvalidJSON])
        let docs = DocSet(pages: [page])
        let byDefault = await Linter().lint(docs, logger: Logger(label: "t"))
        #expect(byDefault.filter { $0.ruleID == "annotation-invalid-json" }.map(\.severity) == [.error])
        let lowered = await Linter(configuration: LintConfiguration(settings: ["annotation-invalid-json": .on(.note)]))
            .lint(docs, logger: Logger(label: "t"))
        #expect(lowered.filter { $0.ruleID == "annotation-invalid-json" }.map(\.severity) == [.note])
        let off = await Linter(configuration: LintConfiguration(settings: ["annotation-invalid-json": .off]))
            .lint(docs, logger: Logger(label: "t"))
        #expect(!off.contains { $0.ruleID == "annotation-invalid-json" })
    }
}

@Suite struct ClosestMatchTests {
    /// A case-only difference is distance 0: it wins over a nearer-listed candidate one edit away, and of two
    /// case variants the first listed wins.
    @Test func caseVariantsWinAndTheFirstListedOfThemIsTaken() {
        let candidates = ["usr-get.md", "User-Get.md", "USER-GET.md", "user-gets.md"]
        #expect(closestMatch(to: "user-get.md", in: candidates, maximumDistance: 3) == "User-Get.md")
        // Two edits from both case variants (three from "usr-get.md"): the tie goes to the first listed.
        #expect(closestMatch(to: "user-gte.md", in: candidates, maximumDistance: 3) == "User-Get.md")
        #expect(closestMatch(to: "usr-gte.md", in: candidates, maximumDistance: 3) == "usr-get.md")
        #expect(closestMatch(to: "User-Get.md", in: ["User-Get.md"], maximumDistance: 3) == nil)
        #expect(closestMatch(to: "zzz", in: candidates, maximumDistance: 3) == nil)
    }
}

@Suite struct OutlineTitleTests {
    @Test func alternativesWildcardsAndCase() {
        #expect(OutlineRule.title("Request body", matches: "Request body|Request headers", ignoringCase: false))
        #expect(OutlineRule.title(" Request Headers ", matches: "Request body|Request headers", ignoringCase: true))
        #expect(!OutlineRule.title("Request Headers", matches: "Request body|Request headers", ignoringCase: false))
        #expect(OutlineRule.title("Example 2: list", matches: "Examples|example*", ignoringCase: false))
        #expect(!OutlineRule.title("Example", matches: "Examples|example*", ignoringCase: false))
        #expect(OutlineRule.title("Response", matches: "||Response||", ignoringCase: false))
        #expect(!OutlineRule.title("", matches: "a||b", ignoringCase: true))
        #expect(OutlineRule.title("", matches: "", ignoringCase: true))
    }

    @Test func preparedMatcherAgreesWithTheTitleMatch() {
        let titles = [
            "Request body|Request headers", "Examples|example*", "||Response||", "a||b", "", "|", "Permissions",
            "* values", "Example*|Example", "HTTP request", "Ünïcode|über*",
        ]
        let texts = [
            "Request body", " Request Headers ", "request body", "Example 2: list", "Example", "examples", "Response",
            "", " ", "Permissions", "PERMISSIONS", "Enum values", " values", "values", "HTTP request", "Ünïcode",
            "ünïcode", "über alles", "Über alles", "b",
        ]
        for title in titles {
            let section = OutlineSection(title: title, level: 2)
            for text in texts {
                for ignoringCase in [false, true] {
                    #expect(
                        section.matcher.matches(text, ignoringCase: ignoringCase)
                            == OutlineRule.title(text, matches: title, ignoringCase: ignoringCase),
                        "\(text) against \(title), ignoring case: \(ignoringCase)")
                }
            }
        }
        // A changed title is matched as changed.
        var section = OutlineSection(title: "Permissions", level: 2)
        section.title = "Request body"
        #expect(section.matcher.matches("request body", ignoringCase: true))
        #expect(!section.matcher.matches("Permissions", ignoringCase: true))
    }
}
