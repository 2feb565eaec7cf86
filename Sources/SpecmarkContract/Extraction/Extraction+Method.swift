import SpecmarkMarkdown

extension Extraction {
    /// The method contract, for method pages and for any page with an HTTP request section or examples.
    mutating func methodContract(hasExamples: Bool, kind: PageKind) -> MethodContract? {
        let headings = configuration.tableHeadings
        let httpSections = sections(matching: ["HTTP request"])
        let permissionSections = sections(matching: headings.permissions)
        guard kind == .method || !httpSections.isEmpty || hasExamples || !permissionSections.isEmpty else { return nil }
        var declared: [DeclaredPath] = []
        // Blocks annotated as examples are examples even inside the HTTP request section.
        let examples = Set(
            codeItems.filter { [.request, .response].contains($0.annotation?.blockType) }.map(\.code.range))
        for section in httpSections {
            for code in Self.codeBlocks(in: section.allBlocks) where !examples.contains(code.range) {
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
        let querySections = sections(matching: headings.queryParameters)
        let kinds: [(ParameterTableKind, [Section])] = [
            (.requestHeaders, sections(matching: headings.requestHeaders)),
            (.responseHeaders, sections(matching: headings.responseHeaders)), (.queryParameters, querySections),
            (.pathParameters, sections(matching: headings.pathParameters)),
            (.requestBody, sections(matching: headings.requestBody)),
        ]
        for (tableKind, kindSections) in kinds {
            for section in kindSections {
                for table in ownTables(of: section) {
                    parameterTables.append(parameterTable(table, kind: tableKind, heading: section.title))
                }
            }
        }
        let response = sections(matching: ["Response"]).first.map { responseSection($0) }
        var queryMentions: [String] = []
        for section in querySections {
            for paragraph in Self.paragraphs(in: section.allBlocks) {
                queryMentions += paragraph.codeSpans.map { $0.text.lowercased() }
                // Only words led by `$` count; most paragraphs have none, and splitting walks every Character.
                guard paragraph.text.utf8.contains(UInt8(ascii: "$")) else { continue }
                queryMentions += paragraph.text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "$") })
                    .filter { $0.hasPrefix("$") }.map { $0.lowercased() }
            }
        }
        return MethodContract(
            httpRequestRange: httpSections.first?.heading?.range, declaredPaths: declared,
            permissions: PermissionSet(
                sectionRange: permissionSections.first?.heading?.range, tables: permissionTables),
            parameterTables: parameterTables, response: response, queryMentions: queryMentions,
            querySectionRange: querySections.first?.heading?.range)
    }

    static func codeBlocks(in blocks: [Block]) -> [CodeBlock] {
        struct Collector: MarkdownWalker {
            var blocks: [CodeBlock] = []
            mutating func visitCode(_ code: CodeBlock) { blocks.append(code) }
        }
        var collector = Collector()
        collector.walk(blocks)
        return collector.blocks
    }

}
