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
        let kinds: [(ParameterTableKind, [String])] = [
            (.requestHeaders, headings.requestHeaders), (.responseHeaders, headings.responseHeaders),
            (.queryParameters, headings.queryParameters), (.pathParameters, headings.pathParameters),
            (.requestBody, headings.requestBody),
        ]
        for (tableKind, patterns) in kinds {
            for section in sections(matching: patterns) {
                for table in ownTables(of: section) {
                    parameterTables.append(parameterTable(table, kind: tableKind, heading: section.title))
                }
            }
        }
        let response = sections(matching: ["Response"]).first.map(responseSection)
        var queryMentions: [String] = []
        let querySections = sections(matching: headings.queryParameters)
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

    // MARK: - Permissions

    private func permissionTable(_ table: Table, heading: String) -> PermissionTable {
        let headerKinds = table.header.cells.map { Self.permissionKind(of: $0.text) }
        // The four-column variant: one row per resource, one column per permission kind.
        if headerKinds.dropFirst().contains(where: { $0?.kind != nil }) {
            var rows: [PermissionRow] = []
            for row in table.rows {
                for (column, headerCell) in table.header.cells.enumerated().dropFirst() {
                    guard let cell = row[column: column] else { continue }
                    let recognised = headerKinds[column]
                    rows.append(
                        permissionRow(
                            label: headerCell.text, labelRange: headerCell.range, kind: recognised?.kind,
                            exact: recognised?.exact ?? false, cell: cell, rowRange: row.range,
                            delta: row.cellCountDelta))
                }
            }
            return PermissionTable(range: table.range, heading: heading, columnCount: table.columnCount, rows: rows)
        }
        var rows: [PermissionRow] = []
        for row in table.rows {
            guard let labelCell = row[column: 0] else { continue }
            let recognised = Self.permissionKind(of: labelCell.text)
            let valueCells = row.cells.dropFirst()
            var permissionRow = permissionRow(
                label: labelCell.text, labelRange: labelCell.range, kind: recognised?.kind,
                exact: recognised?.exact ?? false, cell: valueCells.first, rowRange: row.range,
                delta: row.cellCountDelta)
            for extra in valueCells.dropFirst() {
                permissionRow.permissions.append(contentsOf: permissionNames(in: extra))
            }
            rows.append(permissionRow)
        }
        return PermissionTable(range: table.range, heading: heading, columnCount: table.columnCount, rows: rows)
    }

    private func permissionRow(
        label: String, labelRange: SourceRange, kind: PermissionKind?, exact: Bool, cell: TableCell?,
        rowRange: SourceRange, delta: Int
    ) -> PermissionRow {
        var notSupported: String?
        if let cell, let spelling = Self.notSupportedSpelling(in: cell.text) { notSupported = spelling }
        return PermissionRow(
            label: label, labelRange: labelRange, kind: kind, labelIsExact: exact,
            permissions: cell.map(permissionNames) ?? [], notSupportedSpelling: notSupported, valueRange: cell?.range,
            range: rowRange, cellCountDelta: delta)
    }

    /// The permission kind a label names, and whether it is spelt exactly as the docs spell it.
    static func permissionKind(of label: String) -> (kind: PermissionKind, exact: Bool)? {
        let trimmed = label.trimmingSpaces()
        if let kind = PermissionKind.allCases.first(where: { $0.rawValue == trimmed }) { return (kind, true) }
        let letters = trimmed.lowercasedLetters()
        if letters.hasPrefix("delegated") {
            if letters.containsBytes("personal") || letters.containsBytes("microsoftaccount") {
                return (.delegatedPersonal, false)
            }
            if letters.containsBytes("work") || letters.containsBytes("school") { return (.delegatedWork, false) }
            return nil
        }
        if letters.hasPrefix("application") || letters == "app" || letters == "apponly" { return (.application, false) }
        return nil
    }

    /// "Not supported." in any of its spellings, returned as written.
    static func notSupportedSpelling(in text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let lowered = trimmed.lowercased()
        guard
            lowered.hasPrefix("not supported") || lowered.hasPrefix("not applicable") || lowered == "none"
                || lowered == "none." || lowered.hasPrefix("none required")
        else {
            return nil
        }
        return trimmed
    }

    /// A cell's text split at commas, semicolons, spaces and no-break spaces, over UTF-8.
    static func permissionTokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var width = 0
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") {
                width = 1
            } else if byte == 0xC2, utf8.index(after: index) < utf8.endIndex, utf8[utf8.index(after: index)] == 0xA0 {
                width = 2  // U+00A0
            }
            if width > 0 {
                if start < index { tokens.append(text[start..<index]) }
                index = utf8.index(index, offsetBy: width)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if start < utf8.endIndex { tokens.append(text[start...]) }
        return tokens
    }

    /// A dotted identifier led by a letter: `User.Read.All`.
    static func looksLikePermissionName(_ name: String) -> Bool {
        guard name.utf8.contains(UInt8(ascii: ".")) else { return false }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            guard let first = name.first, first.isLetter else { return false }
            return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
        }
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// Permission names in a cell: dotted identifiers (`User.Read.All`), each with its range on the line.
    private func permissionNames(in cell: TableCell) -> [PermissionName] {
        var result: [PermissionName] = []
        let lineBytes = document.source.lineBytes(cell.range.start.line)
        let base = lineBytes.startIndex
        var searchFrom = base + cell.range.start.column - 1
        let cellEnd = min(base + cell.range.end.column, lineBytes.endIndex)
        for token in Self.permissionTokens(cell.text) {
            let name = token.trimmingCharacters(in: "*()[].:")
            guard Self.looksLikePermissionName(name) else { continue }
            let needle = Array(name.utf8)
            var column = cell.range.start.column
            if searchFrom < cellEnd, let found = Self.find(needle, in: lineBytes, from: searchFrom, to: cellEnd) {
                column = found - base + 1
                searchFrom = found + needle.count
            }
            result.append(
                PermissionName(
                    name: name,
                    range: SourceRange(cell.range.start.line, column, cell.range.start.line, column + needle.count - 1))
            )
        }
        return result
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty, end - start >= needle.count else { return nil }
        var index = start
        while index + needle.count <= end {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    // MARK: - Parameter tables

    func parameterTable(_ table: Table, kind: ParameterTableKind, heading: String) -> ParameterTable {
        let headings = configuration.tableHeadings
        let columns = table.header.cells.map(\.text)
        let nameColumn = Self.column(in: columns, named: headings.nameColumns) ?? 0
        var typeColumn: Int?
        var descriptionColumn: Int?
        if kind == .requestHeaders || kind == .responseHeaders {
            descriptionColumn = Self.column(in: columns, named: ["Description", "Value"], excluding: nameColumn)
        } else {
            typeColumn = Self.column(in: columns, named: headings.typeColumns, excluding: nameColumn)
            descriptionColumn = Self.column(in: columns, named: headings.descriptionColumns, excluding: nameColumn)
                .flatMap { $0 == typeColumn ? nil : $0 }
        }
        let requiredColumn = Self.column(in: columns, named: headings.requiredColumns, excluding: nameColumn)
        var parameters: [Parameter] = []
        for row in table.rows {
            guard let nameCell = row[column: nameColumn], !nameCell.text.isEmpty else { continue }
            let typeCell = typeColumn.flatMap { row[column: $0] }
            let description = descriptionColumn.flatMap { row[column: $0] }?.text ?? ""
            var required: Bool?
            if let requiredColumn, let cell = row[column: requiredColumn] {
                let value = cell.text.lowercased()
                if value.hasPrefix("yes") || value == "true" || value == "required" { required = true }
                if value.hasPrefix("no") || value == "false" || value == "optional" { required = false }
            }
            if required == nil { required = Self.requiredness(of: description) }
            let type = typeCell.map { cell in
                TypeReference.parse(cell.text, link: cell.links.first?.destination, linkText: cell.links.first?.text)
            }
            parameters.append(
                Parameter(
                    name: Self.parameterName(nameCell.text), nameRange: nameCell.range, type: type,
                    description: description,
                    isRequired: required, range: row.range))
        }
        return ParameterTable(
            kind: kind, heading: heading, range: table.range, columns: columns, parameters: parameters)
    }

    static func column(in columns: [String], named names: [String], excluding excluded: Int? = nil) -> Int? {
        for name in names {
            if let index = columns.indices.first(where: { $0 != excluded && columns[$0].equalsIgnoringCase(name) }) {
                return index
            }
        }
        return nil
    }

    /// A name cell without decoration: `Authorization` from "**Authorization**", `$select` from "`$select`".
    static func parameterName(_ text: String) -> String {
        let first = text.firstPiece(separatedBy: UInt8(ascii: " ")).map(String.init) ?? text
        return first.trimmingCharacters(in: ",:")
    }

    /// What a description says about whether a parameter is required.
    static func requiredness(of description: String) -> Bool? {
        let lowered = description.lowercased()
        if lowered.containsBytes("required.") || lowered.hasSuffix("required") || lowered.hasPrefix("required") {
            return true
        }
        if lowered.containsBytes("optional.") || lowered.hasSuffix("optional") || lowered.hasPrefix("optional") {
            return false
        }
        return nil
    }

    // MARK: - Response section

    private func responseSection(_ section: Section) -> ResponseSection {
        var statuses: [StatedStatus] = []
        var linked: [Link] = []
        var text = ""
        for paragraph in Self.paragraphs(in: section.allBlocks) {
            text += paragraph.text.lowercased() + " "
            for link in paragraph.links where !link.isImage && Self.isResourceLink(link.destination) {
                linked.append(link)
            }
            statuses.append(contentsOf: statedStatuses(in: paragraph))
        }
        let noBody =
            text.containsBytes("does not return anything") || text.containsBytes("doesn't return anything")
            || text.containsBytes("no response body") || text.containsBytes("empty response body")
        let body = !noBody && (text.containsBytes("in the response body") || text.containsBytes("object in the body"))
        let collection =
            text.containsBytes("collection of") || text.containsBytes("collection in the response")
            || text.containsBytes("list of")
        return ResponseSection(
            range: section.heading?.range ?? SourceRange(1, 1, 1, 1), statuses: statuses, linkedTypes: linked,
            promisesCollection: collection, promisesBody: body, promisesNoBody: noBody)
    }

    static func isResourceLink(_ destination: String) -> Bool {
        let path = destination.firstPiece(separatedBy: UInt8(ascii: "#")).map(String.init) ?? destination
        return path.hasSuffix(".md") && (path.containsBytes("resources/") || !path.contains("/"))
    }

    /// Status codes a paragraph states: in code spans (`` `201 Created` ``) or before "response code".
    private func statedStatuses(in paragraph: Paragraph) -> [StatedStatus] {
        var result: [StatedStatus] = []
        var seen = Set<Int>()
        for span in paragraph.codeSpans {
            if let (code, reason) = Self.status(in: span.text, requireWholeText: true) {
                result.append(StatedStatus(code: code, reason: reason, range: span.range))
                seen.insert(code)
            }
        }
        // Plain text: "returns a 200 OK response code", "returns 204 No Content". Words are slices; only a word
        // that is a three-digit number is looked at further.
        let text = paragraph.text
        let words = text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
        for (index, word) in words.enumerated()
        where word.utf8.count >= 3 && word.utf8.contains(where: { (0x30...0x39).contains($0) }) {
            let digits = word.trimmingCharacters(in: "`*,.;:()")
            guard digits.utf8.count == 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let code = Int(digits),
                (100...599).contains(code), !seen.contains(code)
            else {
                continue
            }
            let before = index > 0 ? words[index - 1].lowercased() : ""
            var reasonWords: [String] = []
            var cursor = index + 1
            while cursor < words.count, let first = words[cursor].first, first.isUppercase, reasonWords.count < 4 {
                reasonWords.append(words[cursor].trimmingCharacters(in: "`*,.;:()"))
                cursor += 1
            }
            let after = words[cursor..<min(words.count, cursor + 2)].joined(separator: " ").lowercased()
            let stated =
                ["returns", "a", "return", "an", "http", "with"].contains(before)
                || after.hasPrefix("response") || after.hasPrefix("status")
            guard stated else { continue }
            seen.insert(code)
            let range = locate(digits, in: paragraph.range) ?? paragraph.range
            result.append(StatedStatus(code: code, reason: reasonWords.joined(separator: " "), range: range))
        }
        return result.sorted { $0.range.start < $1.range.start }
    }

    /// `200 OK` → (200, "OK"); with `requireWholeText`, the text must be only a status.
    static func status(in text: String, requireWholeText: Bool) -> (Int, String)? {
        let trimmed = text.trimmingSpaces()
        var body = Substring(trimmed)
        if body.hasPrefix("HTTP/") { body = body.drop { $0 != " " }.dropFirst() }
        let digits = body.prefix(3)
        guard digits.count == 3, digits.allSatisfy(\.isNumber), let code = Int(digits), (100...599).contains(code)
        else {
            return nil
        }
        let rest = body.dropFirst(3)
        guard rest.isEmpty || rest.first == " " else { return nil }
        let reason = String(rest).trimmingSpaces()
        if requireWholeText, !reason.isEmpty, !reason.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" })
        {
            return nil
        }
        return (code, reason)
    }

    /// The range of the first occurrence of `text` within `range`'s lines.
    func locate(_ text: String, in range: SourceRange) -> SourceRange? {
        let needle = Array(text.utf8)
        for line in range.start.line...max(range.start.line, range.end.line) where line <= document.source.lineCount {
            let bytes = document.source.lineBytes(line)
            if let found = Self.find(needle, in: bytes, from: bytes.startIndex, to: bytes.endIndex) {
                let column = found - bytes.startIndex + 1
                return SourceRange(line, column, line, column + needle.count - 1)
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII characters from `set` (and spaces and tabs), over UTF-8.
    func trimmingCharacters(in set: StaticString) -> String {
        func strips(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || set.withUTF8Buffer { $0.contains(byte) }
        }
        let text = Substring(self)
        guard let first = text.utf8.firstIndex(where: { !strips($0) }),
            let last = text.utf8.lastIndex(where: { !strips($0) })
        else { return "" }
        return String(text[first...last])
    }
}
