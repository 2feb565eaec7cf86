import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

/// The extraction reads sections as ranges of the page's blocks; these pin the ranges against the section tree
/// that `MarkdownDocument.outline` builds, which they stand in for.
@Suite struct OutlineEntryTests {
    static let pages = [
        "",
        "Just a paragraph.\n",
        "Intro.\n\n# Title\n\nText.\n\n## A\n\na\n\n### A1\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n## B\n\nb\n",
        "# One\n\n## Two\n\n#### Four\n\n### Three\n\n## Two again\n\n# Another one\n\ntext\n",
        "## Examples\n\n### Example 1\n\n#### Request\n\n```http\nGET /me\n```\n\n## Properties\n\nx\n",
        "> ## Quoted heading\n\n- ## Listed heading\n\n# [HTTP](#tab/http)\n\n## Real\n\n---\n\ntext\n",
        "Setext\n======\n\nbody\n\nSub\n---\n\nmore\n",
    ]

    @Test(arguments: pages)
    func entriesAreTheOutlineInDepthFirstOrder(_ markdown: String) {
        let document = MarkdownDocument.parse(bytes: Array(markdown.utf8), path: "page.md")
        let outline = document.outline
        let (entries, leading) = OutlineEntry.entries(of: document.blocks)
        let sections = Array(outline.allSections.dropFirst())
        #expect(entries.count == sections.count)
        #expect(Array(document.blocks[leading]) == outline.blocks)
        // Depth first; a section is inside examples when one of the sections around it is an Example(s) one.
        var expectedInside: [Bool] = []
        func visit(_ section: Section, insideExamples: Bool) {
            for subsection in section.subsections {
                expectedInside.append(insideExamples)
                visit(subsection, insideExamples: insideExamples || Extraction.isExamplesTitle(subsection.title))
            }
        }
        visit(outline, insideExamples: false)
        for (index, (entry, section)) in zip(entries, sections).enumerated() {
            #expect(entry.position == index)
            #expect(entry.heading == section.heading)
            #expect(Array(document.blocks[entry.ownBlocks]) == section.blocks, "own blocks of \(entry.title)")
            #expect(Array(document.blocks[entry.allBlocks]) == section.allBlocks, "all blocks of \(entry.title)")
            #expect(entry.subtreeEnd - index - 1 == section.allSections.count - 1, "subtree of \(entry.title)")
            #expect(entry.insideExamples == expectedInside[index], "inside examples: \(entry.title)")
        }
    }

    @Test func nestedEntriesSpanTheirSubsections() {
        let markdown = "# T\n\n## A\n\n### A1\n\ntext\n\n### A2\n\n## B\n"
        let document = MarkdownDocument.parse(bytes: Array(markdown.utf8), path: "page.md")
        let (entries, leading) = OutlineEntry.entries(of: document.blocks)
        #expect(entries.map(\.title) == ["T", "A", "A1", "A2", "B"])
        #expect(entries.map(\.subtreeEnd) == [5, 4, 3, 4, 5])
        // Blocks: 0 `# T`, 1 `## A`, 2 `### A1`, 3 text, 4 `### A2`, 5 `## B`.
        #expect(leading == 0..<0)
        #expect(entries.map(\.ownBlocks) == [1..<1, 2..<2, 3..<4, 5..<5, 6..<6])
        #expect(entries.map(\.allBlocks) == [1..<6, 2..<5, 3..<4, 5..<5, 6..<6])
    }
}
