/// A heading and the blocks under it, the way a reader sees a page's outline.
///
/// DocFX tab markers (`# [HTTP](#tab/http)`) do not open sections: they stay among the blocks of the section
/// they appear in. Only top-level headings open sections; a heading inside a list or quote does not.
public struct Section: Hashable, Sendable {
    /// The heading that opens the section; nil for the part of the page before its first heading.
    public var heading: Heading?
    /// The blocks between the heading and the first subsection.
    public var blocks: [Block]
    /// The sections nested under this one.
    public var subsections: [Section]

    /// The heading level, 0 for the page itself.
    public var level: Int { heading?.level ?? 0 }

    /// The heading text, or "" for the page itself.
    public var title: String { heading?.text ?? "" }

    /// Every block under this section, subsections' headings and blocks included, in source order.
    public var allBlocks: [Block] {
        var result = blocks
        for subsection in subsections {
            if let heading = subsection.heading { result.append(.heading(heading)) }
            result.append(contentsOf: subsection.allBlocks)
        }
        return result
    }

    /// Every section in this tree, depth first, this one included.
    public var allSections: [Section] {
        var result = [self]
        for subsection in subsections { result.append(contentsOf: subsection.allSections) }
        return result
    }

    /// The first section in this tree, depth first, whose title matches `predicate`.
    public func first(where predicate: (Section) -> Bool) -> Section? {
        for subsection in subsections {
            if predicate(subsection) { return subsection }
            if let found = subsection.first(where: predicate) { return found }
        }
        return nil
    }

    /// The first section titled `title` (case-insensitive, surrounding spaces ignored).
    public func section(titled title: String) -> Section? {
        let wanted = title.lowercased()
        return first { $0.title.trimmingSpaces().lowercased() == wanted }
    }
}

extension MarkdownDocument {
    /// The page as a tree of sections; the root is level 0 and holds the blocks before the first heading.
    public var outline: Section {
        var stack = [Section(heading: nil, blocks: [], subsections: [])]
        var index = 0
        while index < blocks.count {
            if case .heading(let heading) = blocks[index] {
                while stack.count > 1, stack[stack.count - 1].level >= heading.level {
                    let closed = stack.removeLast()
                    stack[stack.count - 1].subsections.append(closed)
                }
                stack.append(Section(heading: heading, blocks: [], subsections: []))
                index += 1
                continue
            }
            // The blocks up to the next heading go into the open section at once, in one allocation.
            var end = index + 1
            while end < blocks.count {
                if case .heading = blocks[end] { break }
                end += 1
            }
            stack[stack.count - 1].blocks.append(contentsOf: blocks[index..<end])
            index = end
        }
        while stack.count > 1 {
            let closed = stack.removeLast()
            stack[stack.count - 1].subsections.append(closed)
        }
        return stack[0]
    }
}
