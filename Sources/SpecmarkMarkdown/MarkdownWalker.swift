/// Visits the blocks of a Markdown tree, one method per kind.
///
/// Every method has a default: containers (block quotes, lists, list items) descend into their children,
/// leaves do nothing. Conform and override what you need, then call ``walk(_:)``.
public protocol MarkdownWalker {
    mutating func visitHeading(_ heading: Heading)
    mutating func visitParagraph(_ paragraph: Paragraph)
    mutating func visitTable(_ table: Table)
    mutating func visitHTML(_ html: HTMLBlock)
    mutating func visitCode(_ code: CodeBlock)
    mutating func visitBlockQuote(_ quote: BlockQuote)
    mutating func visitList(_ list: ListBlock)
    mutating func visitListItem(_ item: ListItem)
    mutating func visitThematicBreak(_ thematicBreak: ThematicBreak)
    mutating func visitInclude(_ include: IncludeDirective)
    mutating func visitTabMarker(_ marker: TabMarker)
}

extension MarkdownWalker {
    public mutating func visitHeading(_ heading: Heading) {}
    public mutating func visitParagraph(_ paragraph: Paragraph) {}
    public mutating func visitTable(_ table: Table) {}
    public mutating func visitHTML(_ html: HTMLBlock) {}
    public mutating func visitCode(_ code: CodeBlock) {}
    public mutating func visitBlockQuote(_ quote: BlockQuote) { walk(quote.children) }
    public mutating func visitList(_ list: ListBlock) {
        for item in list.items { visitListItem(item) }
    }
    public mutating func visitListItem(_ item: ListItem) { walk(item.children) }
    public mutating func visitThematicBreak(_ thematicBreak: ThematicBreak) {}
    public mutating func visitInclude(_ include: IncludeDirective) {}
    public mutating func visitTabMarker(_ marker: TabMarker) {}

    /// Visits each block in order.
    public mutating func walk(_ blocks: [Block]) {
        for block in blocks { visit(block) }
    }

    /// Visits each block of a run of blocks (a section's, read out of the page's blocks in place) in order.
    public mutating func walk(_ blocks: ArraySlice<Block>) {
        for block in blocks { visit(block) }
    }

    /// Dispatches one block to its `visit` method.
    public mutating func visit(_ block: Block) {
        switch block {
        case .heading(let node): visitHeading(node)
        case .paragraph(let node): visitParagraph(node)
        case .table(let node): visitTable(node)
        case .html(let node): visitHTML(node)
        case .code(let node): visitCode(node)
        case .blockQuote(let node): visitBlockQuote(node)
        case .list(let node): visitList(node)
        case .thematicBreak(let node): visitThematicBreak(node)
        case .include(let node): visitInclude(node)
        case .tabMarker(let node): visitTabMarker(node)
        }
    }
}
