import SpecmarkMarkdown

extension Extraction {
    func permissionTable(_ table: Table, heading: String) -> PermissionTable {
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
        // The last row that names a permission kind, while the rows below it may be its workload sub-rows.
        var enclosing: Int?
        for row in table.rows {
            guard let labelCell = row[column: 0] else { continue }
            let recognised = Self.permissionKind(of: labelCell.text)
            let valueCells = row.cells.dropFirst()
            if recognised == nil, let owner = enclosing, Self.isScopeRow(labelCell, under: rows[owner]) {
                let names = valueCells.flatMap { permissionNames(in: $0) }
                rows[owner].scopes.append(
                    PermissionScope(
                        name: labelCell.text, nameRange: labelCell.range, permissions: names, range: row.range))
                rows[owner].permissions.append(contentsOf: names)
                continue
            }
            enclosing = recognised == nil ? nil : rows.count
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

    /// Whether a row whose label names no permission kind is a workload sub-row of `owner`
    /// (`&nbsp; **Device management** | DeviceManagementApps.Read.All` under `Delegated (work or school account)`):
    /// its label is indented with no-break spaces, or it is bold text alone under a row that lists nothing itself.
    static func isScopeRow(_ label: TableCell, under owner: PermissionRow) -> Bool {
        guard !label.text.isEmpty else { return false }
        let raw = label.raw
        let lowered = raw.lowercased()
        if ["&nbsp;", "&#160;", "&#xa0;", "&ensp;", "&emsp;"].contains(where: { lowered.hasPrefix($0) }) {
            return true
        }
        let ownerIsEmpty = owner.scopes.isEmpty ? owner.permissions.isEmpty && owner.notSupportedSpelling == nil : true
        return ownerIsEmpty && raw.utf8.count > 4 && (raw.hasPrefix("**") && raw.hasSuffix("**"))
    }

    func permissionRow(
        label: String, labelRange: SourceRange, kind: PermissionKind?, exact: Bool, cell: TableCell?,
        rowRange: SourceRange, delta: Int
    ) -> PermissionRow {
        var notSupported: String?
        if let cell, let spelling = Self.notSupportedSpelling(in: cell.text) { notSupported = spelling }
        return PermissionRow(
            label: label, labelRange: labelRange, kind: kind, labelIsExact: exact,
            permissions: cell.map { permissionNames(in: $0) } ?? [], notSupportedSpelling: notSupported,
            valueRange: cell?.range,
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
        guard name.containsByte(UInt8(ascii: ".")) else { return false }
        guard name.isAllASCII else {
            guard let first = name.first, first.isLetter else { return false }
            return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
        }
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.allUTF8 { byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// Permission names in a cell: dotted identifiers (`User.Read.All`), each with its range on the line.
    func permissionNames(in cell: TableCell) -> [PermissionName] {
        var result: [PermissionName] = []
        let lineBytes = document.source.lineBytes(cell.range.start.line)
        let base = lineBytes.startIndex
        var searchFrom = base + cell.range.start.column - 1
        let cellEnd = min(base + cell.range.end.column, lineBytes.endIndex)
        var joined = false
        for token in Self.permissionTokens(cell.text) {
            let name = token.trimming("*()[].:")
            guard Self.looksLikePermissionName(name) else {
                let word = name.lowercased()
                if word == "and" || word == "+" || word == "&" { joined = !result.isEmpty }
                continue
            }
            let needle = Array(name.utf8)
            var column = cell.range.start.column
            if searchFrom < cellEnd, !needle.isEmpty,
                let found = ByteSearch.firstIndex(of: needle, in: lineBytes, from: searchFrom, to: cellEnd)
            {
                column = found - base + 1
                searchFrom = found + needle.count
            }
            result.append(
                PermissionName(
                    name: name,
                    range: SourceRange(cell.range.start.line, column, cell.range.start.line, column + needle.count - 1),
                    requiresPrevious: joined))
            joined = false
        }
        return result
    }

}
