import SpecmarkMarkdown

/// Which pages a change reaches: the changed pages, and the pages whose checks read what a changed page
/// defines — types named in their examples' annotations, base types and property types of their resources,
/// and links into the changed pages.
public enum DependentPages {
    /// Indexes of the pages in `docs` whose file is in `changed` (display paths), plus their dependents, in page
    /// order.
    public static func including(_ changed: Set<String>, in docs: DocSet) -> [Int] {
        including(changed, among: docs.pages.map(PageDependencies.init))
    }

    /// The same over what each page defines and refers to (from full pages or the context cache), in order.
    public static func including(_ changed: Set<String>, among pages: [PageDependencies]) -> [Int] {
        let changedPages = pages.filter { changed.contains($0.file) }
        let types = Names(changedPages.flatMap(\.definedTypes))
        let changedFiles = Names(changedPages.map(\.file))
        return pages.indices.filter { index in
            let page = pages[index]
            return changedFiles.contains(page.file)
                || (!types.isEmpty && page.referencedTypes.contains(where: types.contains))
                || page.linkedFiles.contains(where: changedFiles.contains)
        }
    }

    /// The names asked about for every link and type reference of every page: a few (an author's change is a
    /// page or two) are compared directly, which costs less than hashing each long path; many are hashed.
    private struct Names {
        static let compared = 8
        let few: [String]
        let many: Set<String>

        init(_ names: [String]) {
            let unique = Set(names)
            few = unique.count <= Self.compared ? Array(unique) : []
            many = unique.count <= Self.compared ? [] : unique
        }

        var isEmpty: Bool { few.isEmpty && many.isEmpty }

        func contains(_ name: String) -> Bool {
            many.isEmpty ? few.contains(name) : many.contains(name)
        }
    }

    /// A type name compared without namespace prefix `#`, `Collection(…)` or case.
    static func key(_ name: String) -> String {
        DocSet.normalizedTypeName(name).lowercased()
    }
}
