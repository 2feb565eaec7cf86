/// Link reference definitions: cmark resolves them for paragraphs and drops them from the tree; the table cells
/// rebuilt from source lines get their destinations here.
extension CommonMarkConverter {
    /// `[label]: destination` lines: cmark uses them and drops them from the tree, so they are the top-level
    /// lines no block covers. Keys are labels lower-cased with white space collapsed.
    func linkReferenceDefinitions(outside blocks: [Block]) -> [String: String] {
        var covered = [Bool](repeating: false, count: source.lineCount + 2)
        for block in blocks {
            let range = block.range
            guard range.start.line >= 1 else { continue }
            for line in range.start.line...min(max(range.end.line, range.start.line), source.lineCount) {
                covered[line] = true
            }
        }
        var definitions: [String: String] = [:]
        let bytes = source.bytes
        for line in 1...max(1, source.lineCount) where !covered[line] {
            let span = source.byteRange(ofLine: line)
            var index = span.lowerBound
            while index < span.upperBound && bytes[index] == 0x20 && index - span.lowerBound < 3 { index += 1 }
            guard index < span.upperBound, bytes[index] == UInt8(ascii: "["),
                let close = bytes[index..<span.upperBound].firstIndex(of: UInt8(ascii: "]")),
                close + 1 < span.upperBound, bytes[close + 1] == UInt8(ascii: ":")
            else { continue }
            let label = Self.normalizedLabel(String(decoding: bytes[(index + 1)..<close], as: UTF8.self))
            let rest = String(decoding: bytes[(close + 2)..<span.upperBound], as: UTF8.self).trimmingSpaces()
            var destination = rest.splitBytes(UInt8(ascii: " "), maxSplits: 1).first.map(String.init) ?? ""
            if destination.hasPrefix("<"), destination.hasSuffix(">") {
                destination = String(destination.dropFirst().dropLast())
            }
            if !label.isEmpty, !destination.isEmpty, definitions[label] == nil { definitions[label] = destination }
        }
        return definitions
    }

    static func normalizedLabel(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// Table cells' reference links get their destinations from the definitions.
    static func resolvingReferences(in blocks: [Block], _ definitions: [String: String]) -> [Block] {
        blocks.map { block in
            switch block {
            case .table(var table):
                func resolve(_ row: inout TableRow) {
                    for cell in row.cells.indices {
                        for link in row.cells[cell].links.indices {
                            if let label = row.cells[cell].links[link].referenceLabel,
                                let destination = definitions[normalizedLabel(label)]
                            {
                                row.cells[cell].links[link].destination = destination
                            }
                        }
                    }
                }
                resolve(&table.header)
                for index in table.rows.indices { resolve(&table.rows[index]) }
                return .table(table)
            case .blockQuote(var quote):
                quote.children = resolvingReferences(in: quote.children, definitions)
                return .blockQuote(quote)
            case .list(var list):
                for index in list.items.indices {
                    list.items[index].children = resolvingReferences(in: list.items[index].children, definitions)
                }
                return .list(list)
            default:
                return block
            }
        }
    }
}
