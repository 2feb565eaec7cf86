internal import CCmark
internal import CSpecmarkArena

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark: parses bytes, converts the C tree into ``Block`` values and
/// frees every cmark pointer before it returns.
///
/// libcmark 0.30.2 facts handled here: `html_block` end lines are one short (recomputed from the literal);
/// `cmark_node_get_fenced` is not exported (fences are read from the source line); there is no table
/// extension (pipe tables are rebuilt from paragraph source lines by ``PipeTable``).
struct CommonMarkConverter {
    /// Blocks nested deeper than this are kept but not descended into.
    static let maximumDepth = 96

    let source: SourceText
    var problems: [MarkdownProblem] = []

    private init(source: SourceText) {
        self.source = source
    }

    /// Parses `source` (front matter already blanked) and returns its blocks and the problems found.
    ///
    /// cmark allocates the page's tree from this thread's arena (`CSpecmarkArena`): a node is a bump, and the
    /// whole tree, its buffers and the iterators over it are released at once when the conversion ends, instead
    /// of a malloc and a free for each (a fifth of cmark's own instructions on the corpus). Nothing made from
    /// the tree outlives this function: every block holds Swift values only.
    static func convert(_ source: SourceText) -> (blocks: [Block], problems: [MarkdownProblem]) {
        var converter = CommonMarkConverter(source: source)
        let options = ParseOptions.sourcePosition
        let mark = specmark_arena_begin()
        defer { specmark_arena_end(mark) }
        var memory = cmark_mem(
            calloc: specmark_arena_calloc, realloc: specmark_arena_realloc, free: specmark_arena_free)
        return withUnsafeMutablePointer(to: &memory) { memory in
            guard let parser = cmark_parser_new_with_mem(options.rawValue, memory) else { return ([], []) }
            source.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return }
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            let root = cmark_parser_finish(parser)
            cmark_parser_free(parser)
            guard let root else { return ([], []) }
            var blocks = converter.children(of: root, depth: 0, quoteDepth: 0)
            let definitions = converter.linkReferenceDefinitions(outside: blocks)
            if !definitions.isEmpty { blocks = Self.resolvingReferences(in: blocks, definitions) }
            return (blocks, converter.problems)
        }
    }

    // MARK: - Blocks

    private mutating func children(of node: OpaquePointer, depth: Int, quoteDepth: Int) -> [Block] {
        var blocks: [Block] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            append(current, to: &blocks, depth: depth, quoteDepth: quoteDepth)
            child = cmark_node_next(current)
        }
        return blocks
    }

    private mutating func append(_ node: OpaquePointer, to blocks: inout [Block], depth: Int, quoteDepth: Int) {
        let range = normalised(Self.range(of: node))
        switch NodeKind(cmark_node_get_type(node)) {
        case .paragraph:
            appendParagraph(node, range: range, quoteDepth: quoteDepth, to: &blocks)
        case .heading:
            let level = Int(cmark_node_get_heading_level(node))
            let inlines = InlineCollector.collect(node)
            if let marker = Self.tabMarker(inlines, level: level, range: range) {
                blocks.append(.tabMarker(marker))
            } else {
                blocks.append(.heading(Heading(range: range, level: level, text: inlines.text, links: inlines.links)))
            }
        case .codeBlock:
            blocks.append(.code(codeBlock(node, range: range)))
        case .htmlBlock:
            blocks.append(.html(htmlBlock(node, range: range)))
        case .blockQuote:
            let children = nested(node, range: range, depth: depth, quoteDepth: quoteDepth + 1)
            blocks.append(.blockQuote(BlockQuote(range: range, alert: Self.alert(in: children), children: children)))
        case .list:
            var items: [ListItem] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                let itemRange = normalised(Self.range(of: current))
                items.append(
                    ListItem(
                        range: itemRange,
                        children: nested(current, range: itemRange, depth: depth + 1, quoteDepth: quoteDepth)))
                item = cmark_node_next(current)
            }
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            blocks.append(
                .list(
                    ListBlock(
                        range: range.withEnd(items.last?.range.end ?? range.end), isOrdered: ordered,
                        start: ordered ? Int(cmark_node_get_list_start(node)) : 0,
                        isTight: cmark_node_get_list_tight(node) != 0, items: items)))
        case .thematicBreak:
            blocks.append(.thematicBreak(ThematicBreak(range: range)))
        case .other:
            break
        }
    }

    private mutating func nested(_ node: OpaquePointer, range: SourceRange, depth: Int, quoteDepth: Int) -> [Block] {
        guard depth < Self.maximumDepth else {
            problems.append(
                .nestedTooDeep(Self.maximumDepth, at: range))
            return []
        }
        return children(of: node, depth: depth + 1, quoteDepth: quoteDepth)
    }

    // MARK: - Paragraphs, tables and includes

    private mutating func appendParagraph(
        _ node: OpaquePointer, range: SourceRange, quoteDepth: Int, to blocks: inout [Block]
    ) {
        let lines = paragraphLines(range, quoteDepth: quoteDepth)
        if let includes = wholeLineIncludes(lines) {
            blocks.append(contentsOf: includes.map(Block.include))
            return
        }
        guard lines.count >= 2, let table = recogniseTable(lines) else {
            blocks.append(.paragraph(paragraph(node, range: range, lines: range.start.line...range.end.line)))
            return
        }
        if table.headerIndex > 0 {
            let lastLine = lines[table.headerIndex - 1].line
            let leading = range.withEnd(SourcePosition(line: lastLine, column: source.lineLength(lastLine)))
            blocks.append(.paragraph(paragraph(node, range: leading, lines: range.start.line...lastLine)))
        }
        blocks.append(.table(table.table))
        if table.endIndex < lines.count {
            let first = lines[table.endIndex]
            let trailing = SourceRange(
                start: SourcePosition(
                    line: first.line, column: first.content.lowerBound - source.lineStarts[first.line - 1] + 1),
                end: range.end)
            blocks.append(.paragraph(paragraph(node, range: trailing, lines: first.line...range.end.line)))
        }
    }

    private func paragraph(_ node: OpaquePointer, range: SourceRange, lines: ClosedRange<Int>) -> Paragraph {
        // The text is at most as long as the lines it is written on (markup and escapes only take bytes away).
        let written =
            source.byteRange(ofLine: lines.upperBound).upperBound
            - source.byteRange(ofLine: lines.lowerBound).lowerBound
        let inlines = InlineCollector.collect(node, lines: lines, capacity: written)
        var includes: [IncludeDirective] = []
        for line in lines where source.lineBytes(line).contains(UInt8(ascii: "!")) {
            includes.append(contentsOf: includeDirectives(inLine: line))
        }
        // The link inside `[!INCLUDE [title](path)]` is the directive's, not a link of its own.
        let links = verified(inlines.links, within: range).filter { link in
            !includes.contains { $0.range.contains(link.range) }
        }
        return Paragraph(
            range: range, text: inlines.text, links: links,
            codeSpans: verified(inlines.codeSpans, within: range), includes: includes)
    }

    // MARK: - Code and HTML

    private mutating func codeBlock(_ node: OpaquePointer, range: SourceRange) -> CodeBlock {
        // Read without its final newline straight from cmark: copying a large body again to drop it is not free.
        let text = Self.stringDroppingFinalNewline(cmark_node_get_literal(node))
        let info = Self.string(cmark_node_get_fence_info(node))
        let fence = fenceAt(range.start)
        let isFenced = !fence.isEmpty
        let contentStart = isFenced ? range.start.line + 1 : range.start.line
        var isClosed = true
        if isFenced {
            isClosed = range.end.line > range.start.line && isClosingFence(line: range.end.line, fence: fence)
            if !isClosed {
                problems.append(
                    .fenceUnclosed(
                        fence,
                        at: SourceRange(
                            range.start.line, range.start.column, range.start.line,
                            range.start.column + fence.utf8.count - 1)))
            }
        }
        return CodeBlock(
            range: range, isFenced: isFenced, fence: fence, info: info.trimmingSpaces(),
            content: positioned(lines: text, firstLine: contentStart, firstColumn: nil), contentStartLine: contentStart,
            isClosed: isClosed)
    }

    /// The fence that opens a code block at `position`, read from the source, or "" for an indented block.
    private func fenceAt(_ position: SourcePosition) -> String {
        let span = source.byteRange(ofLine: position.line)
        var index = min(span.lowerBound + position.column - 1, span.upperBound)
        let bytes = source.bytes
        while index < span.upperBound && bytes[index] == 0x20 { index += 1 }
        guard index < span.upperBound, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else {
            return ""
        }
        let character = bytes[index]
        var end = index
        while end < span.upperBound && bytes[end] == character { end += 1 }
        return end - index >= 3 ? String(decoding: bytes[index..<end], as: UTF8.self) : ""
    }

    private func isClosingFence(line: Int, fence: String) -> Bool {
        let span = source.byteRange(ofLine: line)
        let bytes = source.bytes
        guard let character = fence.utf8.first else { return false }
        var index = span.lowerBound
        while index < span.upperBound && (isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ">")) { index += 1 }
        var end = index
        while end < span.upperBound && bytes[end] == character { end += 1 }
        guard end - index >= fence.utf8.count else { return false }
        return bytes[end..<span.upperBound].allSatisfy(isSpace)
    }

    private mutating func htmlBlock(_ node: OpaquePointer, range: SourceRange) -> HTMLBlock {
        let literal = Self.string(cmark_node_get_literal(node))
        let text = positioned(literal, firstLine: range.start.line, firstColumn: range.start.column)
        // libcmark 0.30.2 reports html_block end lines one short: recompute from the literal.
        let endLine = min(range.start.line + text.lineCount - 1, source.lineCount)
        let corrected = SourceRange(range.start.line, range.start.column, endLine, max(1, source.lineLength(endLine)))
        var comments: [HTMLComment] = []
        let utf8 = Array(text.text.utf8)
        var index = 0
        while let open = ByteSearch.firstIndex(of: Self.commentOpener, in: utf8, from: index, to: utf8.count) {
            let bodyStart = open + 4
            let close = ByteSearch.firstIndex(of: Self.commentCloser, in: utf8, from: bodyStart, to: utf8.count)
            let bodyEnd = close ?? utf8.count
            let end = close.map { $0 + 3 } ?? utf8.count
            let commentRange = text.range(utf8Offsets: open, end)
            if close == nil {
                problems.append(
                    .commentUnclosed(
                        at: SourceRange(at: commentRange.start).withEnd(
                            SourcePosition(line: commentRange.start.line, column: commentRange.start.column + 3))))
            }
            comments.append(
                HTMLComment(
                    range: commentRange, body: text.slice(utf8Offsets: bodyStart, bodyEnd), isClosed: close != nil))
            index = end
        }
        return HTMLBlock(range: corrected, literal: literal, comments: comments)
    }

    /// Positions the lines of a cmark literal: each literal line is the tail of its source line. The literal
    /// is kept as it is (less a final newline); only line offsets and origins are computed, in one pass.
    private func positioned(_ literal: String, firstLine: Int, firstColumn: Int?) -> PositionedText {
        let text = literal.utf8.last == 0x0A ? String(Substring(literal.utf8.dropLast())) : literal
        return positioned(lines: text, firstLine: firstLine, firstColumn: firstColumn)
    }

    /// Positions `text`, a literal without its final newline.
    private func positioned(lines text: String, firstLine: Int, firstColumn: Int?) -> PositionedText {
        var text = text
        // Two passes of memchr over the bytes: one counts the lines, so the arrays are allocated once; the other
        // records each line's start, and its column from its end (the literal line is the tail of its source line).
        let (offsets, origins) = text.withUTF8 { buffer -> ([Int], [SourcePosition]) in
            var lineCount = 1
            var offset = 0
            if let base = buffer.baseAddress {
                while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                    offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
                    lineCount += 1
                }
            }
            var offsets: [Int] = []
            var origins: [SourcePosition] = []
            offsets.reserveCapacity(lineCount)
            origins.reserveCapacity(lineCount)
            var lineStart = 0
            offset = 0
            while offsets.count < lineCount {
                var end = buffer.count
                if offsets.count + 1 < lineCount, let base = buffer.baseAddress,
                    let hit = memchr(base + offset, 0x0A, buffer.count - offset)
                {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                }
                let line = firstLine + offsets.count
                let column =
                    offsets.isEmpty && firstColumn != nil
                    ? firstColumn ?? 1 : max(1, source.lineLength(line) - (end - lineStart) + 1)
                offsets.append(lineStart)
                origins.append(SourcePosition(line: line, column: column))
                lineStart = end + 1
                offset = lineStart
            }
            return (offsets, origins)
        }
        return PositionedText(text: text, lineOrigins: origins, lineOffsets: offsets)
    }

    private static let commentOpener = Array("<!--".utf8)
    private static let commentCloser = Array("-->".utf8)

    // MARK: - DocFX

    private static func tabMarker(_ inlines: InlineCollector, level: Int, range: SourceRange) -> TabMarker? {
        guard inlines.links.count == 1, let link = inlines.links.first, link.destination.hasPrefix("#tab/"),
            inlines.text.trimmingSpaces() == link.text.trimmingSpaces()
        else { return nil }
        return TabMarker(
            range: range, level: level, title: link.text, tabID: String(link.destination.dropFirst("#tab/".count)))
    }

    private static let alertKinds: Set<String> = ["NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"]

    private static func alert(in children: [Block]) -> String? {
        guard case .paragraph(let first)? = children.first, first.text.hasPrefix("[!"),
            let close = first.text.firstIndex(of: "]")
        else { return nil }
        let kind = first.text[first.text.index(first.text.startIndex, offsetBy: 2)..<close].uppercased()
        return alertKinds.contains(kind) ? kind : nil
    }

    // MARK: - cmark helpers

    /// cmark ends a list or item that stops at a blank line at column 0 of that line; end it on the line before.
    private func normalised(_ range: SourceRange) -> SourceRange {
        guard range.end.column == 0, range.end.line > range.start.line else { return range }
        var line = range.end.line - 1
        while line > range.start.line && source.lineLength(line) == 0 { line -= 1 }
        return range.withEnd(SourcePosition(line: line, column: max(1, source.lineLength(line))))
    }

    static func range(of node: OpaquePointer) -> SourceRange {
        SourceRange(
            Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)),
            Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node)))
    }

    fileprivate static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// `string(pointer)` without one final `\n`, decoded once.
    fileprivate static func stringDroppingFinalNewline(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var count = strlen(pointer)
        if count > 0 && pointer[count - 1] == 0x0A { count -= 1 }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }
}

/// cmark's parse options as a Swift option set; Specmark always asks for source positions and never
/// for `CMARK_OPT_SMART` (it rewrites quotes and dashes inside table cells).
private struct ParseOptions: OptionSet {
    let rawValue: Int32
    static let sourcePosition = ParseOptions(rawValue: CMARK_OPT_SOURCEPOS)
}

/// The node kinds the converter distinguishes.
private enum NodeKind {
    case paragraph, heading, codeBlock, htmlBlock, blockQuote, list, thematicBreak, other

    init(_ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        default: self = .other
        }
    }
}

/// Collects the inline content of a paragraph or heading: plain text, links, images and code spans.
private struct InlineCollector {
    var text = ""
    var links: [Link] = []
    var codeSpans: [CodeSpan] = []

    /// Collects the inlines of `node`, keeping only those that start on `lines` (when a paragraph's source
    /// lines were split between a leading paragraph, a table and a trailing paragraph).
    /// `capacity` is the text's expected length at most, reserved at once.
    static func collect(_ node: OpaquePointer, lines: ClosedRange<Int>? = nil, capacity: Int = 64) -> InlineCollector {
        var collector = InlineCollector()
        guard let iterator = cmark_iter_new(node) else { return collector }
        defer { cmark_iter_free(iterator) }
        // The text is gathered as bytes, straight from cmark's literals, and made a string once. The appending
        // function takes the buffer inout: a buffer it captured would be boxed, and every append checked for
        // exclusive access at run time.
        var text: [UInt8] = []
        text.reserveCapacity(max(16, capacity))
        func append(_ literal: UnsafePointer<CChar>?, to text: inout [UInt8]) {
            guard let literal else { return }
            let count = strlen(literal)
            literal.withMemoryRebound(to: UInt8.self, capacity: count) {
                text.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
        var openLinks: [(node: OpaquePointer, textStart: Int)] = []
        var currentLine = 0
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            defer { event = cmark_iter_next(iterator) }
            guard let current = cmark_iter_get_node(iterator), current != node else { continue }
            let type = cmark_node_get_type(current)
            let startLine = Int(cmark_node_get_start_line(current))
            if startLine > 0 { currentLine = startLine }
            if let lines, !lines.contains(currentLine) {
                if currentLine > lines.upperBound { break }
                continue
            }
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_TEXT:
                append(cmark_node_get_literal(current), to: &text)
            case CMARK_NODE_CODE:
                let literal = CommonMarkConverter.string(cmark_node_get_literal(current))
                text.append(contentsOf: literal.utf8)
                collector.codeSpans.append(CodeSpan(text: literal, range: CommonMarkConverter.range(of: current)))
            case CMARK_NODE_SOFTBREAK:
                text.append(0x20)
            case CMARK_NODE_LINEBREAK:
                text.append(0x0A)
            case CMARK_NODE_HTML_INLINE:
                // `<br`, `<BR`, `<Br/>`…: a line break in the text.
                if let literal = cmark_node_get_literal(current), strlen(literal) >= 3, literal[0] == 0x3C,
                    literal[1] | 0x20 == 0x62, literal[2] | 0x20 == 0x72
                {
                    text.append(0x20)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    openLinks.append((current, text.count))
                } else if let open = openLinks.popLast(), open.node == current {
                    collector.links.append(
                        Link(
                            destination: CommonMarkConverter.string(cmark_node_get_url(current)),
                            title: CommonMarkConverter.string(cmark_node_get_title(current)),
                            text: String(decoding: text[open.textStart...], as: UTF8.self),
                            range: CommonMarkConverter.range(of: current), isImage: type == CMARK_NODE_IMAGE))
                }
            default:
                break
            }
        }
        collector.links.sort { $0.range.start < $1.range.start }
        while text.last == 0x20 { text.removeLast() }
        collector.text = String(decoding: text, as: UTF8.self)
        return collector
    }
}

extension SourceRange {
    /// This range with its end moved to `end`.
    func withEnd(_ end: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: end)
    }
}

extension MarkdownProblem {
    fileprivate static func nestedTooDeep(_ depth: Int, at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .nestingTooDeep,
            message: "blocks are nested more than \(depth) levels deep; their content is not read",
            range: range)
    }

    fileprivate static func fenceUnclosed(_ fence: String, at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .unclosedFence,
            message: "code block opened with '\(fence)' is never closed; it runs to the end of its container",
            range: range)
    }

    fileprivate static func commentUnclosed(at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(kind: .unclosedComment, message: "HTML comment is never closed with '-->'", range: range)
    }
}
