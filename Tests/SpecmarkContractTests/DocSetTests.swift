import Foundation
import Logging
import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

@Suite struct DocSetTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    static func page(_ text: String, file: String) -> PageContract {
        PageExtractor().extract(MarkdownDocument.parse(text, path: file), file: file)
    }

    /// A resource page: a Properties table with `rows` (from line 4) and the type's annotation, with `extra`
    /// annotation members (`, "baseType": "…"`).
    static func resourcePage(_ type: String, rows: [String], extra: String = "", file: String) -> PageContract {
        page(
            """
            ## Properties
            |Property|Type|Description|
            |:---|:---|:---|
            \(rows.joined(separator: "\n"))

            <!-- { "blockType": "resource", "@odata.type": "\(type)"\(extra) } -->
            ```json
            {}
            ```
            """, file: file)
    }

    /// More than one byte in 20 of the first 8 KB a control byte other than tab, line feed, form feed or carriage
    /// return: a binary file, skipped with a note. The count goes eight bytes at a time; this is what it must count.
    @Test func binaryFilesAreToldByTheirControlBytes() async throws {
        func reference(_ bytes: [UInt8]) -> Bool {
            let head = bytes.prefix(8192)
            guard head.count >= 64 else { return false }
            return head.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count * 20 > head.count
        }
        let text = Array("# Title\r\n\tindented\u{0C}\n".utf8)
        #expect(!FileReadError.looksBinary(Array(repeating: text, count: 20).flatMap { $0 }))
        #expect(!FileReadError.looksBinary([0, 1, 2]))  // too short to tell
        #expect(FileReadError.looksBinary([UInt8](repeating: 0x1B, count: 64)))
        // 1 control byte in 20 is text; 1 more is binary.
        var edge = [UInt8](repeating: 0x41, count: 200)
        for index in stride(from: 0, to: 200, by: 20) { edge[index] = 0x07 }
        #expect(!FileReadError.looksBinary(edge))
        edge[1] = 0x1F
        #expect(FileReadError.looksBinary(edge))
        // Only the first 8 KB count.
        #expect(!FileReadError.looksBinary([UInt8](repeating: 0x41, count: 8192) + [UInt8](repeating: 0, count: 8192)))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 0..<10_000, using: &generator)
            let controls = Double.random(in: 0..<0.12, using: &generator)
            let bytes = (0..<count).map { _ in
                Double.random(in: 0..<1, using: &generator) < controls
                    ? UInt8.random(in: 0..<0x20, using: &generator) : UInt8.random(in: 0x20...0xFF, using: &generator)
            }
            #expect(FileReadError.looksBinary(bytes) == reference(bytes), "\(bytes.prefix(64))")
        }

        // End to end: the binary page is skipped with a note at its path, and the text page is read.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-binary-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([UInt8](repeating: 0x00, count: 100) + Array("# Not Markdown".utf8)).write(
            to: directory.appendingPathComponent("image.md"))
        try Data("# Page\n\nText.\n".utf8).write(to: directory.appendingPathComponent("page.md"))
        let docs = try await DocSet.load([directory.path], logger: Logger(label: "test"), display: { $0 })
        #expect(docs.pages.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["page.md"])
        let note = try #require(docs.issues.first { $0.location.file.hasSuffix("image.md") })
        #expect(note.message.contains("looks like a binary file"))
    }

    /// Reading every page into the doc set at once makes what reading them and then assembling them makes: the
    /// same pages in the same order, and each unreadable page an issue in its place among the others.
    @Test func readingAllPagesEqualsReadingThenAssembling() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-read-all-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Self.samples, to: directory.appendingPathComponent("samples"))
        let binary = Data([UInt8](repeating: 0x01, count: 100))
        for name in ["a-first.md", "samples/v1.0/api/m-middle.md", "z-last.md"] {
            try binary.write(to: directory.appendingPathComponent(name))
        }
        let discovery = try FileDiscovery().discover([directory.path])
        let all = DocSet.readAll(discovery, display: { $0 })
        let results = await DocSet.readPages(discovery, at: Array(discovery.files.indices), display: { $0 })
        let assembled = DocSet.assemble(
            discovery, display: { $0 }, context: [], reading: Array(discovery.files.indices), results: results)
        #expect(all.pages.count == discovery.files.count - 3)
        #expect(all.pages == assembled.pages)
        #expect(all.issues == assembled.issues)
        #expect(all.allIssues == assembled.allIssues)
        #expect(
            all.issues.filter { $0.message.contains("binary") }.map {
                URL(fileURLWithPath: $0.location.file).lastPathComponent
            } == ["a-first.md", "m-middle.md", "z-last.md"])
        #expect(all.resources.map(\.name) == assembled.resources.map(\.name))
    }

    /// A doc set large enough to index its pages and requests on another thread (256 pages or more) indexes them
    /// as a small one does: the first page of a file wins, and a request name lists its examples in page order.
    @Test(arguments: [3, DocSet.pagesIndexedAlongside + 44])
    func pagesAndRequestsAreIndexedTheSameWhateverTheSize(_ count: Int) {
        func widget(_ index: Int, file: String) -> PageContract {
            Self.page(
                """
                # Get widget \(index)

                <!-- { "blockType": "request", "name": "\(index % 2 == 0 ? "even" : "odd")" } -->
                ```http
                GET /widgets/\(index)
                ```
                """, file: file)
        }
        // The last page repeats the first one's file.
        let pages =
            (0..<count).map { widget($0, file: "api/widget-\($0).md") } + [widget(count, file: "api/widget-0.md")]
        let docs = DocSet(pages: pages)
        #expect(docs.pageIndex.count == count)
        #expect(docs.pageIndex["api/widget-0.md"] == 0)
        #expect(docs.pageIndex["api/widget-\(count - 1).md"] == count - 1)
        let even = stride(from: 0, through: count, by: 2).map { DocSet.ExampleReference(page: $0, index: 0) }
        #expect(docs.requestsByName["even"] == even)
        #expect(docs.requestsByName["odd"]?.count == (count + 1) / 2)
        #expect(docs.requestsByName["odd"]?.first == DocSet.ExampleReference(page: 1, index: 0))
    }

    /// A type's namespace is its dot-separated parts but the last, empty parts dropped, however it is cut.
    @Test(arguments: [
        "microsoft.graph.user", "microsoft.graph.callRecords.session", "user", "", ".", "..", "a..b.c", ".a.b",
        "a.b.", "graph.", "é.ü.x",
    ])
    func namespacesAreTheNameLessItsLastPart(_ name: String) {
        #expect(Conformance.namespace(of: name) == name.splitBytes(UInt8(ascii: ".")).dropLast().joined(separator: "."))
    }

    /// A folder is walked in String order (ASCII names compared as bytes, others as strings), the same on every
    /// machine whatever order the file system lists them in.
    @Test func filesAreWalkedInStringOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-order-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = ["b.md", "B.md", "a-b.md", "a.md", "a1.md", "aa.md", "Z.md", "é.md", "e.md", "_x.md", "ü-1.md"]
        for name in names { try Data("# Page\n".utf8).write(to: directory.appendingPathComponent(name)) }
        let found = try FileDiscovery().discover([directory.path]).files.map {
            URL(fileURLWithPath: $0).lastPathComponent
        }
        #expect(found == names.sorted())
        #expect(found.prefix(3) == ["B.md", "Z.md", "_x.md"])
    }

    /// The walk's byte comparison of ASCII names orders them exactly as String does: random names over a small
    /// alphabet (so prefixes and ties are common), empty names included.
    @Test func asciiNamesCompareAsStringsDo() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAb-._0~".utf8)
        func name() -> String {
            String(
                decoding: (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }, as: UTF8.self)
        }
        for _ in 0..<5_000 {
            let (lhs, rhs) = (name(), name())
            #expect(FileDiscovery.precedes(lhs, rhs, bothASCII: true) == (lhs < rhs), "\(lhs) \(rhs)")
        }
        #expect(FileDiscovery.precedes("e.md", "é.md", bothASCII: false))
        #expect(!FileDiscovery.precedes("é.md", "e.md", bothASCII: false))
    }

    /// Directory entries sort as their names do as Strings, whether the keys decide (names that differ in their
    /// first sixteen bytes) or the names do (a shared first sixteen bytes, a non-ASCII name): the sort sees
    /// distinct names of 0 to 24 bytes over a small alphabet, so many pairs share one key or both and many are
    /// prefixes of each other. The index sort the walk uses gives the same order as sorting the entries.
    @Test func directoryEntriesSortAsTheirNamesDo() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "-", ".", "0", "é", "Z"]
        var names = Set<String>()
        while names.count < 3_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let ascii = Bool.random(using: &generator)
            names.insert(
                (0..<length).map { _ in alphabet.dropLast(ascii ? 2 : 0).randomElement(using: &generator)! }.joined())
        }
        let entries = names.map { FileDiscovery.Entry($0, type: 0) }
        #expect(entries.count { $0.isASCII } > 1_000)
        #expect(entries.sorted(by: FileDiscovery.precedes).map(\.name) == names.sorted())
        #expect(FileDiscovery.sortedOrder(entries).map { entries[$0].name } == names.sorted())
        // Keys decide only where they differ; identical keys fall back to the names.
        #expect(FileDiscovery.Entry("abcdefgh", type: 0).key == FileDiscovery.Entry("abcdefghi", type: 0).key)
        #expect(
            FileDiscovery.Entry("abcdefgh12345678", type: 0).secondKey
                == FileDiscovery.Entry("abcdefgh12345678x", type: 0).secondKey)
        #expect(
            FileDiscovery.precedes(
                FileDiscovery.Entry("abcdefgh12345678", type: 0), FileDiscovery.Entry("abcdefgh12345678x", type: 0)))
        #expect(
            FileDiscovery.precedes(FileDiscovery.Entry("abcdefgh", type: 0), FileDiscovery.Entry("abcdefghi", type: 0)))
    }

    @Test func samplesLoadCleanAndConsistent() async throws {
        let docs = try await DocSet.load(
            [Self.samples.appendingPathComponent("v1.0").path], logger: Logger(label: "test"), display: { $0 })
        #expect(docs.pages.count == 10)
        #expect(docs.allIssues.isEmpty, "\(docs.allIssues.map(\.message))")
        #expect(
            docs.resources.map(\.name) == [
                "microsoft.graph.entity", "microsoft.graph.sensorDevice", "microsoft.graph.sensorLocation",
            ])
        let device = try #require(docs.resource(named: "#microsoft.graph.sensorDevice"))
        #expect(docs.inheritanceChain(of: device).map(\.shortName) == ["sensorDevice", "entity"])
        #expect(docs.allProperties(of: device).contains { $0.name == "id" })
        #expect(
            docs.enumeration(named: "microsoft.graph.sensorStatus")?.members.map(\.name) == [
                "active", "quarantined", "retired", "unknownFutureValue",
            ])
        let requests = docs.pages.flatMap(\.requests)
        #expect(requests.count == 6)
        #expect(docs.pages.allSatisfy { $0.pairs.count == $0.requests.count })
        #expect(docs.requestsByName["create_sensordevice"]?.count == 1)
        #expect(docs.pages.allSatisfy { $0.apiVersion == "v1.0" })
    }

    /// The quick resolver takes the common shapes; whatever it answers must equal the general one's answer.
    @Test(arguments: [
        ("../resources/user.md", "api-reference/v1.0/api/user-get.md", "api-reference/v1.0/resources/user.md"),
        ("user-list.md#examples", "api/user-get.md", "api/user-list.md"),
        ("./user-list.md?tabs=http", "api/user-get.md", "api/user-list.md"),
        ("../../concepts/x.md", "v1.0/api/a.md", "concepts/x.md"),
        ("../../../up.md", "v1.0/api/a.md", "../up.md"),
        ("../../../../up2.md", "v1.0/api/a.md", "../../up2.md"),
        ("../images/", "api/a.md", "images"),
        ("..", "api/a.md", ""),
        ("../..", "api/a.md", ".."),
        ("x.md", "a.md", "x.md"),
        ("../x.md", "a.md", "../x.md"),
        ("a/./b.md", "api/p.md", "api/a/b.md"),
        ("a//b.md", "api/p.md", "api/a/b.md"),
        ("../x.md", "/abs/api/p.md", "/abs/x.md"),
        ("../x.md", "../docs/api/p.md", "../docs/x.md"),
        ("../../x.md", "../docs/api/p.md", "../x.md"),
        ("../../../x.md", "../docs/api/p.md", "../../x.md"),
        ("../../../../x.md", "../../docs/api/p.md", "../../../../x.md"),
        ("..", "../docs/p.md", ".."),
        ("x.md", "../../p.md", "../../x.md"),
        ("../x.md", "../../p.md", "../../../x.md"),
        ("../../x.md", "/abs/api/p.md", "/x.md"),
        ("x.md#a", "/p.md", "/x.md"),
        ("y/x.md", "/abs/api/p.md", "/abs/api/y/x.md"),
        ("../x.md", "a/../b/p.md", "a/../x.md"),
        ("../../x.md", "a/../b/p.md", "a/../../x.md"),
        ("x.md", "./api/p.md", "./api/x.md"),
        ("x.md", "a..b/p.md", "a..b/x.md"),
    ])
    func linksResolveAgainstThePageFolder(link: String, file: String, expected: String) {
        #expect(DocSet.resolveLink(link, from: file) == expected)
        #expect(DocSet.resolveBySegments(link, from: file) == expected)
    }

    /// Every shape built from a few segments: where the quick resolver answers, it answers what the general
    /// one does.
    @Test func theQuickResolverAgreesWithTheGeneralOneOnEveryShape() {
        let segments = ["a", "b.md", "..", ".", ""]
        func paths(_ length: Int) -> [String] {
            guard length > 0 else { return [""] }
            return paths(length - 1).flatMap { prefix in segments.map { prefix.isEmpty ? $0 : prefix + "/" + $0 } }
        }
        let links = (1...4).flatMap(paths)
        let files = (1...3).flatMap(paths).flatMap { [$0 + "/p.md", "/" + $0 + "/p.md"] } + ["p.md", "/p.md"]
        var answered = 0
        for file in files {
            for link in links {
                guard let quick = DocSet.quickResolve(link, from: file) else { continue }
                answered += 1
                #expect(quick == DocSet.resolveBySegments(link, from: file), "link \(link) from \(file)")
            }
        }
        #expect(answered > 10_000)
    }

    @Test(arguments: [
        ("a/b/c.md", "a/b", "c.md"), ("c.md", "", "c.md"), ("d", "", "d"), ("/c.md", "/", "c.md"),
        ("a/b/", "a", "b"), ("/", "/", ""), ("", "", ""), ("é/ü.md", "é", "ü.md"),
    ])
    func pathsSplitAtTheirLastSlashWhateverTheirShape(path: String, directory: String, name: String) {
        #expect(PathComponents.directory(of: path) == directory)
        #expect(PathComponents.name(of: path) == name)
    }

    @Test func lookupsTellCaseMismatches() {
        let resource = Self.page(
            "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.riskyUser\" } -->\n```json\n{}\n```\n",
            file: "r.md")
        let docs = DocSet(pages: [resource])
        guard case .found = docs.lookup("microsoft.graph.riskyUser") else {
            Issue.record("exact name not found")
            return
        }
        guard case .caseMismatch(let found) = docs.lookup("Collection(microsoft.graph.riskyuser)") else {
            Issue.record("case mismatch not reported")
            return
        }
        #expect(found.name == "microsoft.graph.riskyUser")
        #expect(docs.lookup("microsoft.graph.nothing") == .missing)
        #expect(DocSet.isPrimitiveTypeName("Edm.String") && !DocSet.isPrimitiveTypeName("microsoft.graph.user"))
    }

    /// A `Collection(…)` wrapper in any case is unwrapped, on bytes for ASCII names and by Characters otherwise.
    @Test(arguments: [
        (" #microsoft.graph.user ", "microsoft.graph.user"),
        ("Collection(microsoft.graph.user)", "microsoft.graph.user"),
        ("COLLECTION(Edm.String)", "Edm.String"), ("collection()", ""), ("Collection(x", "Collection(x"),
        ("Collectio(x)", "Collectio(x)"), ("Collection(gráfico.tipo)", "gráfico.tipo"),
        ("Colección(x)", "Colección(x)"), ("collection", "collection"),
    ])
    func collectionWrappersAreUnwrappedInAnyCase(name: String, normalized: String) {
        #expect(DocSet.normalizedTypeName(name) == normalized)
    }

    @Test func definitionsSplitAcrossPagesAreMergedAndContradictionsReported() {
        let first = Self.resourcePage(
            "microsoft.graph.split", rows: ["|a|String|First.|"], extra: ", \"baseType\": \"microsoft.graph.entity\"",
            file: "one.md")
        let second = Self.resourcePage(
            "microsoft.graph.split", rows: ["|a|Int32|Contradicts.|", "|b|Boolean|Second.|"], file: "two.md")
        let docs = DocSet(pages: [first, second])
        #expect(docs.resource(named: "microsoft.graph.split")?.properties.map(\.name) == ["a", "b"])
        #expect(
            docs.issues.map(\.message) == [
                "property 'a' of 'microsoft.graph.split' is Int32 here but String in one.md"
            ])
        #expect(docs.issues.first?.location == SourceLocation(file: "two.md", range: SourceRange(4, 1, 4, 22)))
    }

    /// The property tables built once per indexed type answer what walking the inheritance chain answers, and a
    /// definition the index does not hold as it is (one page's half of a merged type) gets its own answer.
    @Test func propertyTablesMatchTheInheritanceChain() async throws {
        let entity = Self.resourcePage(
            "microsoft.graph.entity", rows: ["|id|String|Key.|"], extra: ", \"openType\": true", file: "entity.md")
        let half = Self.resourcePage(
            "microsoft.graph.split", rows: ["|a|String|First.|"], extra: ", \"baseType\": \"microsoft.graph.entity\"",
            file: "one.md")
        let other = Self.resourcePage(
            "microsoft.graph.split", rows: ["|b|Boolean|Second.|", "|id|Int32|Shadows the base type's.|"],
            file: "two.md")
        let docs = DocSet(pages: [entity, half, other])
        let merged = try #require(docs.resource(named: "microsoft.graph.split"))
        let table = docs.propertyTable(of: merged)
        #expect(table.properties.map(\.name) == docs.allProperties(of: merged).map(\.name))
        #expect(table.properties.map(\.name) == ["a", "b", "id"])
        #expect(table.property(named: "id")?.type.primitive == .int32)
        #expect(table.property(named: "missing") == nil)
        #expect(table.isOpen == docs.isOpenType(merged) && table.isOpen)
        let ownHalf = try #require(half.resources.first)
        #expect(docs.propertyTable(of: ownHalf).properties.map(\.name) == docs.allProperties(of: ownHalf).map(\.name))
        #expect(docs.propertyTable(of: ownHalf).properties.map(\.name) == ["a", "id"])

        // Every type of the samples and of a base-type cycle: the table is the chain's properties, in its order.
        let cycleA = Self.resourcePage(
            "microsoft.graph.alpha", rows: ["|a|String|A.|", "|shared|String|A's.|"],
            extra: ", \"baseType\": \"microsoft.graph.beta\"", file: "alpha.md")
        let cycleB = Self.resourcePage(
            "microsoft.graph.beta", rows: ["|b|String|B.|", "|shared|Int32|B's.|"],
            extra: ", \"baseType\": \"microsoft.graph.alpha\", \"openType\": true", file: "beta.md")
        let samples = try await DocSet.load(
            [Self.samples.appendingPathComponent("v1.0").path], logger: Logger(label: "test"), display: { $0 })
        for docs in [DocSet(pages: [cycleA, cycleB]), samples] {
            #expect(!docs.resources.isEmpty)
            for resource in docs.resources {
                let table = docs.propertyTable(of: resource)
                let expected = docs.allProperties(of: resource)
                #expect(table.properties == expected, "\(resource.name)")
                #expect(table.isOpen == docs.isOpenType(resource), "\(resource.name)")
                for property in expected { #expect(table.property(named: property.name) == property) }
            }
        }
        let alpha = try #require(DocSet(pages: [cycleA, cycleB]).resource(named: "microsoft.graph.alpha"))
        let cycleTable = DocSet(pages: [cycleA, cycleB]).propertyTable(of: alpha)
        #expect(cycleTable.properties.map(\.name) == ["a", "shared", "b"])
        #expect(cycleTable.property(named: "shared")?.type.primitive == .string)
        #expect(cycleTable.isOpen)
    }

    /// A table is built when a rule first asks, on whichever thread asks: every ask, from any thread and from a
    /// copy of the doc set, gets that one table; a doc set made again builds its own.
    @Test func aPropertyTableIsBuiltOnceWhicheverThreadAsks() async throws {
        let page = Self.resourcePage("microsoft.graph.thing", rows: ["|a|String|A.|"], file: "thing.md")
        let docs = DocSet(pages: [page])
        let resource = try #require(docs.resource(named: "microsoft.graph.thing"))
        let copy = docs
        let tables = await concurrentMap(Array(0..<64)) { index in
            ObjectIdentifier(
                index.isMultiple(of: 2) ? docs.propertyTable(of: resource) : copy.propertyTable(of: resource))
        }
        #expect(Set(tables).count == 1)
        #expect(tables.first == ObjectIdentifier(docs.propertyTable(of: resource)))
        #expect(ObjectIdentifier(DocSet(pages: [page]).propertyTable(of: resource)) != tables.first)
        #expect(docs.propertyTable(of: resource).properties.map(\.name) == ["a"])
    }

    /// The map's results are in the elements' order, whatever worker made them, and the work started first comes
    /// back in its own order; either may be empty.
    @Test func concurrentMapKeepsOrdersWithWorkStartedFirst() async {
        let others = (0..<10).map { order in { @Sendable () async -> String in "other \(order)" } }
        let (results, first) = await concurrentMap(Array(0..<1_000), maxConcurrency: 4, startingFirst: others) {
            $0 * 2
        }
        #expect(results == (0..<1_000).map { $0 * 2 })
        #expect(first == (0..<10).map { "other \($0)" })
        let (none, only) = await concurrentMap([Int](), startingFirst: others) { $0 }
        #expect(none.isEmpty && only.count == 10)
        let (strings, noOthers) = await concurrentMap(
            ["a", "b"], startingFirst: [] as [@Sendable () async -> Int]
        ) { $0 + "!" }
        #expect(strings == ["a!", "b!"] && noOthers.isEmpty)
        #expect(await concurrentMap([String]()) { $0 }.isEmpty)
    }

    @Test func baseTypeCyclesAreReported() {
        let pages = ["a", "b"].map { name in
            Self.page(
                "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"ns.\(name)\", \"baseType\": \"ns.\(name == "a" ? "b" : "a")\" } -->\n```json\n{}\n```\n",
                file: "\(name).md")
        }
        let docs = DocSet(pages: pages)
        #expect(docs.issues.map(\.ruleID) == ["resource-base-type-cycle", "resource-base-type-cycle"])
        #expect(docs.issues.first?.message == "base types of 'ns.a' form a cycle: ns.a → ns.b → ns.a")
        if let a = docs.resource(named: "ns.a") {
            #expect(docs.inheritanceChain(of: a).map(\.name) == ["ns.a", "ns.b"])
        }
    }
}
