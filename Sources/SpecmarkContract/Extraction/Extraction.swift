import SpecmarkMarkdown

/// A section of a page's outline, in depth-first order, as positions in the page's top-level blocks.
///
/// The extraction reads sections where they lie in ``MarkdownDocument/blocks`` instead of building the
/// ``Section`` tree, which copies every block into its section (a retain for each of its strings and arrays,
/// and a release for each when the tree goes).
struct OutlineEntry {
    /// The heading that opens the section.
    var heading: Heading
    /// Whether an enclosing section is an Example(s) section.
    var insideExamples: Bool
    /// The entry's own index among the entries.
    var position: Int
    /// The index just past this section's subsections.
    var subtreeEnd: Int
    /// The title's ``TitleMatcher/leadingByte(of:)``, for skipping titles that cannot match.
    var titleLeadingByte: UInt8?
    /// The block indices of the section's own blocks: after its heading, up to its first subsection's heading
    /// (``Section/blocks``).
    var ownBlocks: Range<Int>
    /// The block indices of everything under the heading, subsections' headings included (``Section/allBlocks``).
    var allBlocks: Range<Int>

    var title: String { heading.text }

    /// The page's top-level sections and their subsections (not the part before the first heading), depth
    /// first, and the indices of the blocks before the first heading; what ``MarkdownDocument/outline`` gives.
    static func entries(of blocks: [Block]) -> (entries: [OutlineEntry], leading: Range<Int>) {
        var entries: [OutlineEntry] = []
        // The open sections, innermost last, as entry indices.
        var open: [Int] = []
        var leadingEnd = blocks.count
        func close(_ entry: Int, at end: Int) {
            entries[entry].allBlocks = entries[entry].allBlocks.lowerBound..<end
            entries[entry].subtreeEnd = entries.count
        }
        for index in blocks.indices {
            guard case .heading(let heading) = blocks[index] else { continue }
            if let last = entries.indices.last {
                entries[last].ownBlocks = entries[last].ownBlocks.lowerBound..<index
            } else {
                leadingEnd = index
            }
            while let innermost = open.last, entries[innermost].heading.level >= heading.level {
                close(innermost, at: index)
                open.removeLast()
            }
            let insideExamples = open.last.map {
                entries[$0].insideExamples || Extraction.isExamplesTitle(entries[$0].title)
            }
            entries.append(
                OutlineEntry(
                    heading: heading, insideExamples: insideExamples ?? false, position: entries.count,
                    subtreeEnd: entries.count + 1, titleLeadingByte: TitleMatcher.leadingByte(of: heading.text),
                    ownBlocks: (index + 1)..<blocks.count, allBlocks: (index + 1)..<blocks.count))
            open.append(entries.count - 1)
        }
        for entry in open.reversed() { close(entry, at: blocks.count) }
        return (entries, 0..<leadingEnd)
    }
}

/// A code block with the annotation bound to it and where it sits.
struct CodeItem {
    var code: CodeBlock
    var annotation: BlockAnnotation?
    /// Whether an annotation comment preceded the block but could not be read.
    var hasUnreadableAnnotation: Bool
    /// The titles of the sections the block is in, outermost first.
    var sectionPath: [String]
    /// The prose leading to the block (see `RequestExample.leadProse`).
    var leadProse: [String] = []
}

/// The state of one page's extraction.
struct Extraction {
    let document: MarkdownDocument
    let file: String
    let settings: ExtractionSettings
    var issues: [ExtractionIssue] = []
    var pageAnnotation: PageAnnotation?
    var codeItems: [CodeItem] = []
    var links: [Link] = []
    var includes: [IncludeDirective] = []
    var headings: [Heading] = []
    var tabMarkers: [TabMarker] = []
    var thematicBreaks: [SourceRange] = []
    var directives: [SuppressionDirective] = []
    /// The page's sections in depth-first order, computed once: every table lookup walks them.
    var outlineEntries: [OutlineEntry] = []
    /// The indices of the blocks before the page's first heading.
    var leadingBlocks: Range<Int> = 0..<0
    /// The open sections below the page title: each one's level, then its heading and paragraphs so far.
    private var openSections: [(level: Int, prose: [String])] = []
    /// HTTP blocks annotated `ignored`, by range; they take part in pairing only.
    var ignoredExamples: [(range: SourceRange, isRequest: Bool)] = []
    /// The response blocks annotated `ignored`, read.
    var ignoredResponses: [IgnoredResponse] = []
    /// The paragraphs below the page title, before its first section (see `PageContract.introduction`).
    var introduction: [String] = []

    init(document: MarkdownDocument, file: String, settings: ExtractionSettings) {
        self.document = document
        self.file = file
        self.settings = settings
    }

    /// The configuration, read in place: each use copies only the part it reads.
    var configuration: ExtractionConfiguration { settings.configuration }

    mutating func run() -> PageContract {
        issues = document.problems.map { ExtractionIssue($0, file: file) }
        // Code items are large: room for the top-level code blocks (nearly all of them) is made once.
        // Headings too, counted in the same pass: the outline grows by one for each.
        var codeBlocks = 0
        var headingCount = 0
        for block in document.blocks.indices {
            switch document.blocks[block] {
            case .code: codeBlocks += 1
            case .heading: headingCount += 1
            default: break
            }
        }
        codeItems.reserveCapacity(codeBlocks)
        headings.reserveCapacity(headingCount)
        var sectionPath: [Heading] = []
        walk(document.blocks, sectionPath: &sectionPath, isTopLevel: true)
        (outlineEntries, leadingBlocks) = OutlineEntry.entries(of: document.blocks)
        let (kind, inferred) = pageKind()
        let (requests, examplesResponses, bareJSON) = examples()
        var responses = examplesResponses
        var pairing = pair(requests: requests, responses: responses)
        // A bare ```json block right after an example request that nothing else answers is its response body.
        let answered = Set(pairing.pairs.map(\.request) + pairing.accountedRequests)
        for (request, item) in bareJSON
        where !answered.contains(request)
            && (requests[request].origin == .annotated || requests[request].isInExampleSection)
        {
            responses.append(bareJSONResponse(item, ordinal: responses.count))
            pairing.pairs.append(ExamplePair(request: request, response: responses.count - 1, pairedBy: .adjacency))
        }
        pairing.pairs.sort { $0.request < $1.request }
        let method = methodContract(hasExamples: !requests.isEmpty, kind: kind)
        let resources = resourceDefinitions()
        let enums = enumDefinitions()
        let title = document.frontMatter?.string("title") ?? headings.first { $0.level == 1 }?.text ?? ""
        issues.sort { $0.location.range.start < $1.location.range.start }
        var contract = PageContract(
            file: file, kind: kind, kindIsInferred: inferred, apiVersion: Self.apiVersion(of: file), title: title,
            frontMatter: document.frontMatter, pageAnnotation: pageAnnotation, headings: headings,
            tabMarkers: tabMarkers, thematicBreaks: thematicBreaks, links: links, includes: includes, method: method,
            resources: resources, enums: enums, requests: requests, responses: responses, pairs: pairing.pairs,
            requestsAnsweredByIgnored: pairing.accountedRequests, responsesAnsweringIgnored: pairing.accountedResponses,
            suppressionDirectives: directives,
            issues: issues, lineCount: document.source.lineCount)
        contract.exampleShapes = ExampleShape.shapes(of: responses)
        contract.ignoredResponses = ignoredResponses
        contract.introduction = introduction
        return contract
    }

    // MARK: - Walking the tree

    private mutating func walk(_ blocks: [Block], sectionPath: inout [Heading], isTopLevel: Bool) {
        var pending: (annotation: DecodedAnnotation, comment: HTMLComment)?
        // By index, switching on the element in place: binding each block would copy it (a retain for each of
        // its strings and arrays) before the switch copies the case it needs.
        for index in blocks.indices {
            if case .html(let html) = blocks[index] {
                recordDirectives(in: html, following: blocks[(index + 1)...])
            }
            if let annotation = pending {
                pending = nil
                if case .code(let code) = blocks[index],
                    Self.onlyBlankLines(
                        in: document.source, after: annotation.comment.range.end.line, before: code.range.start.line)
                {
                    bind(annotation.annotation, to: code, sectionPath: sectionPath)
                    continue
                }
                orphan(annotation.annotation)
            }
            switch blocks[index] {
            case .heading(let heading):
                // Most blocks have no links or includes: appending nothing still makes the array unique first.
                if !heading.links.isEmpty { links.append(contentsOf: heading.links) }
                if isTopLevel {
                    headings.append(heading)
                    while let last = sectionPath.last, last.level >= heading.level { sectionPath.removeLast() }
                    sectionPath.append(heading)
                    while let last = openSections.last, last.level >= heading.level { openSections.removeLast() }
                    if heading.level >= 2 { openSections.append((heading.level, [heading.text])) }
                }
            case .tabMarker(let marker):
                tabMarkers.append(marker)
            case .thematicBreak(let thematicBreak):
                if isTopLevel { thematicBreaks.append(thematicBreak.range) }
            case .paragraph(let paragraph):
                if !paragraph.links.isEmpty { links.append(contentsOf: paragraph.links) }
                if !paragraph.includes.isEmpty { includes.append(contentsOf: paragraph.includes) }
                if !openSections.isEmpty {
                    openSections[openSections.count - 1].prose.append(paragraph.text)
                } else if isTopLevel, sectionPath.count == 1, sectionPath[0].level == 1,
                    Self.isIntroductionProse(paragraph.text)
                {
                    introduction.append(paragraph.text)
                }
            case .table(let table):
                // The header row, then the body rows (-1 is the header): joining them would copy every row.
                // Cells by index, reading their links in place: binding a cell would retain each of its strings.
                for row in -1..<table.rows.count {
                    let cells = row < 0 ? table.header.cells : table.rows[row].cells
                    for cell in cells.indices where !cells[cell].links.isEmpty || !cells[cell].includes.isEmpty {
                        links.append(contentsOf: cells[cell].links)
                        includes.append(contentsOf: cells[cell].includes)
                    }
                }
            case .include(let include):
                includes.append(include)
            case .html(let html):
                pending = annotations(in: html)
            case .code(let code):
                codeItems.append(
                    CodeItem(
                        code: code, annotation: nil, hasUnreadableAnnotation: false,
                        sectionPath: sectionPath.map(\.text), leadProse: leadProse))
            case .blockQuote(let quote):
                var nested = sectionPath
                walk(quote.children, sectionPath: &nested, isTopLevel: false)
            case .list(let list):
                for item in list.items {
                    var nested = sectionPath
                    walk(item.children, sectionPath: &nested, isTopLevel: false)
                }
            }
        }
        if let annotation = pending { orphan(annotation.annotation) }
    }

    /// Records `specmark-disable…` comments; a next-block directive covers the following block, and the code
    /// block after it when that block is an annotation comment.
    private mutating func recordDirectives(in html: HTMLBlock, following: ArraySlice<Block>) {
        for comment in html.comments where comment.body.text.containsBytes("specmark-") {
            // The scope starts right after the comment (an annotation in the same HTML block belongs to it) and
            // runs to the end of the next block, or of the code block after it when that block is HTML.
            var end: SourcePosition?
            if let next = following.first {
                end = next.range.end
                if case .html = next, following.count > 1 {
                    end = following[following.index(after: following.startIndex)].range.end
                }
            } else if comment.range.end < html.range.end {
                end = html.range.end
            }
            let start = SourcePosition(line: comment.range.end.line, column: comment.range.end.column + 1)
            let scope = end.map { SourceRange(start: start, end: $0) }
            if let directive = SuppressionDirective.parse(comment.body.text, range: comment.range, nextBlock: scope) {
                directives.append(directive)
            }
        }
    }

    /// Decodes the annotation comments of an HTML block; returns the one that may bind to the next block.
    private mutating func annotations(in html: HTMLBlock) -> (annotation: DecodedAnnotation, comment: HTMLComment)? {
        var candidate: (annotation: DecodedAnnotation, comment: HTMLComment)?
        for (index, comment) in html.comments.enumerated() where AnnotationDecoder.isAnnotation(comment) {
            let decoded = AnnotationDecoder.decode(comment, file: file, issues: &issues)
            if case .page(let page) = decoded {
                if pageAnnotation == nil { pageAnnotation = page }
                continue
            }
            let isLast = index == html.comments.count - 1 && comment.range.end.line == html.range.end.line
            if isLast {
                candidate = (decoded, comment)
            } else {
                orphan(decoded)
            }
        }
        return candidate
    }

    private mutating func bind(_ annotation: DecodedAnnotation, to code: CodeBlock, sectionPath: [Heading]) {
        var item = CodeItem(
            code: code, annotation: nil, hasUnreadableAnnotation: false, sectionPath: sectionPath.map(\.text),
            leadProse: leadProse)
        switch annotation {
        case .block(let block): item.annotation = block
        case .invalid: item.hasUnreadableAnnotation = true
        case .page: break
        }
        codeItems.append(item)
    }

    /// Whether a paragraph below the title says what the page is about: not the `Namespace:` line, an include's
    /// placeholder or an empty paragraph.
    static func isIntroductionProse(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        return !trimmed.isEmpty && !trimmed.hasPrefix("Namespace:") && !trimmed.hasPrefix("[!")
    }

    /// The headings and paragraphs of the open sections below the page title, outermost first.
    private var leadProse: [String] { openSections.flatMap(\.prose) }

    private mutating func orphan(_ annotation: DecodedAnnotation) {
        guard case .block(let block) = annotation, let blockType = block.blockTypeName else { return }
        issues.append(
            ExtractionIssue(
                .annotationOrphaned, FindingMessage.annotationOrphaned(blockType, name: block.name).text,
                at: SourceLocation(file: file, range: block.range), anchor: block.name ?? "annotation:\(blockType)"))
    }

    static func onlyBlankLines(in source: SourceText, after first: Int, before last: Int) -> Bool {
        guard last > first + 1 else { return true }
        for line in (first + 1)..<last where !source.lineBytes(line).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return false
        }
        return true
    }

    // MARK: - Page kind and version

    private func pageKind() -> (PageKind, Bool) {
        if let docType = document.frontMatter?.string("doc_type")?.trimmingSpaces(),
            let kind = PageKind.allCases.first(where: { $0.rawValue.lowercased() == docType.lowercased() })
        {
            return (kind, false)
        }
        if codeItems.contains(where: { $0.annotation?.blockType == .resource }) { return (.resource, true) }
        if outlineEntries.contains(where: { $0.title.trimmingSpaces().lowercased() == "http request" })
            || codeItems.contains(where: { $0.annotation?.blockType == .request })
        {
            return (.method, true)
        }
        if headings.first(where: { $0.level == 1 })?.text.lowercased().hasSuffix("enum type") == true {
            return (.enumeration, true)
        }
        return (.conceptual, true)
    }

    /// The API version named by a folder in `path` (`…/v1.0/api/x.md` → `v1.0`).
    static func apiVersion(of path: String) -> String? {
        // The last `v1.0` or `beta` folder (or file) in the path, compared over UTF-8 in one forward pass.
        var version: String?
        var copy = path
        copy.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let component = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if component.elementsEqual("v1.0".utf8) {
                    version = "v1.0"
                } else if component.elementsEqual("beta".utf8) {
                    version = "beta"
                }
                start = end + 1
            }
        }
        return version
    }

    // MARK: - Sections

    /// The page's sections whose title matches `patterns`, outside any Example(s) section; a matching
    /// section's own subsections belong to it (read its `allBlocks`) and are not matched again.
    func sections(matching patterns: TitleMatcher.Patterns) -> [OutlineEntry] {
        var result: [OutlineEntry] = []
        var index = 0
        while index < outlineEntries.count {
            // Titles that cannot match (their first byte starts no pattern) are skipped before the matcher.
            if !outlineEntries[index].insideExamples, patterns.leading.admit(outlineEntries[index].titleLeadingByte),
                patterns.matches(outlineEntries[index].title)
            {
                result.append(outlineEntries[index])
                index = outlineEntries[index].subtreeEnd
            } else {
                index += 1
            }
        }
        return result
    }

    /// Everything under a section's heading, subsections included, in source order.
    func allBlocks(of section: OutlineEntry) -> ArraySlice<Block> {
        document.blocks[section.allBlocks]
    }

    /// The tables of a section and of its subsections, except subsections that are sections of their own kind
    /// (an enum's `### x values` under `## Properties`, an example under `## Request body`).
    func ownTables(of section: OutlineEntry) -> [Table] {
        var tables = Self.tables(in: document.blocks[section.ownBlocks])
        var child = section.position + 1
        while child < section.subtreeEnd {
            let subsection = outlineEntries[child]
            if !configuration.titles.enumValues.matches(subsection.title) && !Self.isExamplesTitle(subsection.title) {
                tables += Self.tables(in: document.blocks[subsection.allBlocks])
            }
            child = subsection.subtreeEnd
        }
        return tables
    }

    /// `Example`, `Examples`, `Example 2: …` (any case, surrounding spaces ignored), compared over UTF-8.
    static func isExamplesTitle(_ title: String) -> Bool {
        // Asked of every heading of every page: read in place, with no copy of the title.
        var title = title
        return title.withUTF8 { text in
            var lower = 0
            var upper = text.count
            while lower < upper, ByteSearch.isSpace(text[lower]) { lower += 1 }
            while upper > lower, ByteSearch.isSpace(text[upper - 1]) { upper -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: text[lower..<upper])
            let word: StaticString = "example"
            let length = word.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            for offset in 0..<length where bytes[offset] | 0x20 != word.utf8Start[offset] { return false }
            guard bytes.count > length else { return true }
            let next = bytes[length]
            return (bytes.count == length + 1 && (next | 0x20) == UInt8(ascii: "s")) || next == UInt8(ascii: " ")
                || next == UInt8(ascii: ":")
        }
    }

    /// Every table under `blocks`, nested ones (in lists and quotes) included.
    static func tables(in blocks: ArraySlice<Block>) -> [Table] {
        struct Collector: MarkdownWalker {
            var tables: [Table] = []
            mutating func visitTable(_ table: Table) { tables.append(table) }
        }
        var collector = Collector()
        collector.walk(blocks)
        return collector.tables
    }

    /// Every paragraph under `blocks`, nested ones included.
    static func paragraphs(in blocks: ArraySlice<Block>) -> [Paragraph] {
        struct Collector: MarkdownWalker {
            var paragraphs: [Paragraph] = []
            mutating func visitParagraph(_ paragraph: Paragraph) { paragraphs.append(paragraph) }
        }
        var collector = Collector()
        collector.walk(blocks)
        return collector.paragraphs
    }

    /// The issue of `kind` at `range` on this page.
    func issue(
        _ kind: ExtractionFinding, _ message: FindingMessage, _ range: SourceRange, anchor: String = ""
    ) -> ExtractionIssue {
        ExtractionIssue(kind, message.text, at: SourceLocation(file: file, range: range), anchor: anchor)
    }
}

extension FindingMessage {
    fileprivate static func annotationOrphaned(_ blockType: String, name: String?) -> FindingMessage {
        FindingMessage("'\(blockType)' annotation\(name.map { " '\($0)'" } ?? "") is not followed by a code block")
    }
}
