import SpecmarkMarkdown

extension Extraction {
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
        // A group row (`|**Auditing**|`) heads the rows below it and defines no parameter.
        for row in table.rows where !row.isGroup {
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
                    isRequired: required, range: row.range, group: row.group))
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
        return first.trimming(",:")
    }

    /// What a description says about whether a parameter is required.
    static func requiredness(of description: String) -> Bool? {
        // An ASCII description (nearly all) is matched on its bytes, without a lowercased copy.
        var isASCII = false
        let answer = description.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            isASCII = true
            func says(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { word in
                    func matches(at start: Int) -> Bool {
                        start >= 0 && start + word.count <= bytes.count
                            && word.indices.allSatisfy { ByteSearch.lowered(bytes[start + $0]) == word[$0] }
                    }
                    if matches(at: 0) || matches(at: bytes.count - word.count) { return true }
                    // "required." anywhere: the word before each period.
                    guard word.count < bytes.count else { return false }
                    for dot in word.count..<bytes.count where bytes[dot] == UInt8(ascii: ".") {
                        if matches(at: dot - word.count) { return true }
                    }
                    return false
                }
            }
            if says("required") { return true }
            if says("optional") { return false }
            return nil
        }
        if isASCII { return answer ?? nil }
        let lowered = description.lowercased()
        if lowered.containsBytes("required.") || lowered.hasSuffix("required") || lowered.hasPrefix("required") {
            return true
        }
        if lowered.containsBytes("optional.") || lowered.hasSuffix("optional") || lowered.hasPrefix("optional") {
            return false
        }
        return nil
    }
}
