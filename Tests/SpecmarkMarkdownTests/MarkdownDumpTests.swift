import Testing

@testable import SpecmarkMarkdown

/// Golden dumps of the fixtures: every node kind, tables, front matter, annotations, an unclosed fence.
@Suite struct MarkdownDumpTests {
    @Test(arguments: [
        "all-nodes", "tables", "front-matter-invalid", "front-matter-unclosed", "unclosed-fence", "annotations",
        "html-end-lines",
    ])
    func dumpMatchesGolden(_ name: String) throws {
        let document = MarkdownDocument.parse(try GoldenFile.fixture("\(name).md"), path: "\(name).md")
        try GoldenFile.check(document.dump(), against: "\(name).dump")
    }
}
