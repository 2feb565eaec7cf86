import Testing

@testable import SpecmarkContract

/// A changed page brings in the pages that link to it or refer to a type it defines, whether a few pages
/// changed (compared name by name) or many (hashed).
@Suite struct DependentPagesTests {
    /// Page `n` defines type `tn`, links to page `n + 1` and refers to type `t(n + 2)`.
    static let pages = (0..<30).map { index in
        PageDependencies(
            file: "p\(index).md", definedTypes: ["t\(index)"], referencedTypes: ["t\(index + 2)"],
            linkedFiles: ["p\(index + 1).md"])
    }

    /// What the rule says, read from the pages the slow way.
    static func expected(_ changed: Set<String>) -> [Int] {
        let types = Set(pages.filter { changed.contains($0.file) }.flatMap(\.definedTypes))
        return pages.indices.filter { index in
            changed.contains(pages[index].file) || pages[index].referencedTypes.contains(where: types.contains)
                || pages[index].linkedFiles.contains(where: changed.contains)
        }
    }

    @Test func aChangedPageBringsInItsLinkersAndItsTypesUsers() {
        #expect(DependentPages.including(["p5.md"], among: Self.pages) == [3, 4, 5])
        #expect(DependentPages.including(["missing.md"], among: Self.pages) == [])
    }

    @Test(arguments: [1, 2, 7, 8, 9, 20, 30])
    func fewAndManyChangedPagesAgree(_ count: Int) {
        let changed = Set((0..<count).map { "p\($0 * 3 % 30).md" })
        #expect(DependentPages.including(changed, among: Self.pages) == Self.expected(changed))
    }
}
