import SpecmarkMarkdown

extension Extraction {
    /// The method contract, for method pages and for any page with an HTTP request section or examples.
    mutating func methodContract(hasExamples: Bool, kind: PageKind) -> MethodContract? {
        let httpSections = sections(matching: TitlePatterns.httpRequest)
        let permissionSections = sections(matching: configuration.titles.permissions)
        guard kind == .method || !httpSections.isEmpty || hasExamples || !permissionSections.isEmpty else { return nil }
        var declared: [DeclaredPath] = []
        // Blocks annotated as examples are examples even inside the HTTP request section.
        let examples = Set(
            codeItems.filter { [.request, .response].contains($0.annotation?.blockType) }.map(\.code.range))
        for section in httpSections {
            for code in Self.codeBlocks(in: allBlocks(of: section)) where !examples.contains(code.range) {
                for line in HTTPMessageParser.requestLines(in: code.content) {
                    let url = ExampleURL(line.target, serviceRoots: configuration.serviceRoots)
                    declared.append(
                        DeclaredPath(
                            method: line.method, template: url.template, range: line.range, pathRange: line.targetRange)
                    )
                }
            }
        }
        var permissionTables: [PermissionTable] = []
        for section in permissionSections {
            for table in ownTables(of: section) {
                permissionTables.append(permissionTable(table, heading: section.title))
            }
        }
        var parameterTables: [ParameterTable] = []
        let querySections = sections(matching: configuration.titles.queryParameters)
        let kinds: [(ParameterTableKind, [OutlineEntry])] = [
            (.requestHeaders, sections(matching: configuration.titles.requestHeaders)),
            (.responseHeaders, sections(matching: configuration.titles.responseHeaders)),
            (.queryParameters, querySections),
            (.pathParameters, sections(matching: configuration.titles.pathParameters)),
            (.requestBody, sections(matching: configuration.titles.requestBody)),
        ]
        for (tableKind, kindSections) in kinds {
            for section in kindSections {
                for table in ownTables(of: section) {
                    parameterTables.append(parameterTable(table, kind: tableKind, heading: section.title))
                }
            }
        }
        let response = sections(matching: TitlePatterns.response).first.map { responseSection($0) }
        var queryMentions: [String] = []
        for section in querySections {
            for paragraph in Self.paragraphs(in: allBlocks(of: section)) {
                queryMentions += paragraph.codeSpans.map { $0.text.lowercased() }
                // Only words led by `$` count; most paragraphs have none, and splitting walks every Character.
                guard paragraph.text.containsByte(UInt8(ascii: "$")) else { continue }
                queryMentions += Self.dollarWords(in: paragraph.text)
            }
        }
        return MethodContract(
            httpRequestRange: httpSections.first?.heading.range, declaredPaths: declared,
            permissions: PermissionSet(
                sectionRange: permissionSections.first?.heading.range, tables: permissionTables),
            parameterTables: parameterTables, response: response, queryMentions: queryMentions,
            querySectionRange: querySections.first?.heading.range)
    }

    /// The words of a text led by `$` (runs of letters, digits and `$`), lowercased. An ASCII text is read as
    /// bytes, where a letter or digit is one byte; any other text by its Characters.
    static func dollarWords(in text: String) -> [String] {
        func isWordByte(_ byte: UInt8) -> Bool {
            let lowered = byte | 0x20
            return (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "$")
        }
        var words: [String] = []
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var index = 0
            while index < bytes.count {
                guard isWordByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                if bytes[start] == UInt8(ascii: "$") {
                    words.append(String(decoding: bytes[start..<index].lazy.map(ByteSearch.lowered), as: UTF8.self))
                }
            }
            return true
        }
        if ascii == true { return words }
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "$") })
            .filter { $0.hasPrefix("$") }.map { $0.lowercased() }
    }

    static func codeBlocks(in blocks: ArraySlice<Block>) -> [CodeBlock] {
        struct Collector: MarkdownWalker {
            var blocks: [CodeBlock] = []
            mutating func visitCode(_ code: CodeBlock) { blocks.append(code) }
        }
        var collector = Collector()
        collector.walk(blocks)
        return collector.blocks
    }

}
