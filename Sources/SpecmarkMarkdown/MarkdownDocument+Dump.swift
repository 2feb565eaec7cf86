extension MarkdownDocument {
    /// A readable, stable dump of the tree, one node a line with its range; the golden tests compare it
    /// and `specmark dump` prints it.
    public func dump() -> String {
        var printer = TreeDumper()
        printer.line(0, "Document \(quoted(path)) lines: \(source.lineCount)")
        if let frontMatter {
            printer.line(0, "FrontMatter @\(frontMatter.range)")
            printer.entries(frontMatter.entries, depth: 1)
        }
        printer.blocks(blocks, depth: 0)
        for problem in problems {
            printer.line(0, "Problem @\(problem.range) \(problem.kind.rawValue): \(problem.message)")
        }
        return printer.output
    }
}

private struct TreeDumper {
    var output = ""

    mutating func line(_ depth: Int, _ text: String) {
        output.append(String(repeating: "  ", count: depth))
        output.append(text)
        output.append("\n")
    }

    mutating func entries(_ entries: [FrontMatterEntry], depth: Int) {
        for entry in entries {
            switch entry.value {
            case .string(let value): line(depth, "\(entry.key) @\(entry.keyRange): \(quoted(value))")
            case .list(let values):
                line(depth, "\(entry.key) @\(entry.keyRange): [\(values.map(quoted).joined(separator: ", "))]")
            case .null: line(depth, "\(entry.key) @\(entry.keyRange): null")
            case .mapping(let nested):
                line(depth, "\(entry.key) @\(entry.keyRange):")
                self.entries(nested, depth: depth + 1)
            }
        }
    }

    mutating func blocks(_ blocks: [Block], depth: Int) {
        for block in blocks { self.block(block, depth: depth) }
    }

    mutating func block(_ block: Block, depth: Int) {
        switch block {
        case .heading(let heading):
            line(depth, "Heading @\(heading.range) level: \(heading.level) \(quoted(heading.text))")
            links(heading.links, depth: depth + 1)
        case .paragraph(let paragraph):
            line(depth, "Paragraph @\(paragraph.range) \(quoted(paragraph.text))")
            links(paragraph.links, depth: depth + 1)
            for span in paragraph.codeSpans { line(depth + 1, "CodeSpan @\(span.range) \(quoted(span.text))") }
            includes(paragraph.includes, depth: depth + 1)
        case .table(let table):
            line(
                depth,
                "Table @\(table.range) columns: \(table.columnCount) alignments: \(table.alignments.map(\.rawValue).joined(separator: ", "))"
            )
            row("Header", table.header, depth: depth + 1)
            line(depth + 1, "Delimiter @\(table.delimiterRange)")
            for body in table.rows { row("Row", body, depth: depth + 1) }
        case .html(let html):
            line(depth, "HTMLBlock @\(html.range)")
            for comment in html.comments {
                let origin = comment.body.lineOrigins.first ?? comment.range.start
                line(
                    depth + 1,
                    "Comment @\(comment.range)\(comment.isClosed ? "" : " unclosed") body@\(origin): \(quoted(comment.body.text))"
                )
            }
        case .code(let code):
            let kind = code.isFenced ? "fenced: \(quoted(code.fence))" : "indented"
            line(
                depth,
                "CodeBlock @\(code.range) \(kind) info: \(quoted(code.info)) content@\(code.contentStartLine)\(code.isClosed ? "" : " unclosed")"
            )
            for (index, origin) in code.content.lineOrigins.enumerated() {
                let start = code.content.lineOffsets[index]
                let end =
                    index + 1 < code.content.lineOffsets.count
                    ? code.content.lineOffsets[index + 1] - 1 : code.content.text.utf8.count
                let text = String(decoding: Array(code.content.text.utf8)[start..<end], as: UTF8.self)
                line(depth + 1, "\(origin) | \(text)")
            }
        case .blockQuote(let quote):
            line(depth, "BlockQuote @\(quote.range)\(quote.alert.map { " alert: \($0)" } ?? "")")
            blocks(quote.children, depth: depth + 1)
        case .list(let list):
            let kind = list.isOrdered ? "ordered start: \(list.start)" : "bullet"
            line(depth, "List @\(list.range) \(kind)\(list.isTight ? " tight" : " loose")")
            for item in list.items {
                line(depth + 1, "Item @\(item.range)")
                blocks(item.children, depth: depth + 2)
            }
        case .thematicBreak(let thematicBreak):
            line(depth, "ThematicBreak @\(thematicBreak.range)")
        case .include(let include):
            line(
                depth,
                "Include @\(include.range) \(quoted(include.title)) -> \(quoted(include.path)) path@\(include.pathRange)"
            )
        case .tabMarker(let marker):
            line(
                depth, "TabMarker @\(marker.range) level: \(marker.level) \(quoted(marker.title)) tab: \(marker.tabID)")
        }
    }

    mutating func row(_ kind: String, _ row: TableRow, depth: Int) {
        let delta = row.cellCountDelta == 0 ? "" : " cellCountDelta: \(row.cellCountDelta)"
        let group = row.isGroup ? " group" : ""
        line(depth, "\(kind) @\(row.range)\(delta)\(group)")
        for cell in row.cells {
            let raw = cell.raw == cell.text ? "" : " raw: \(quoted(cell.raw))"
            line(depth + 1, "Cell @\(cell.range) \(quoted(cell.text))\(raw)")
            links(cell.links, depth: depth + 2)
            includes(cell.includes, depth: depth + 2)
        }
    }

    mutating func links(_ links: [Link], depth: Int) {
        for link in links {
            let title = link.title.isEmpty ? "" : " title: \(quoted(link.title))"
            line(
                depth,
                "\(link.isImage ? "Image" : "Link") @\(link.range) \(quoted(link.text)) -> \(quoted(link.destination))\(title)"
            )
        }
    }

    mutating func includes(_ includes: [IncludeDirective], depth: Int) {
        for include in includes {
            line(
                depth,
                "Include @\(include.range) \(quoted(include.title)) -> \(quoted(include.path)) path@\(include.pathRange)"
            )
        }
    }
}

/// A string in double quotes with `"`, `\`, newlines, tabs and control characters escaped.
func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result.append("\\\"")
        case "\\": result.append("\\\\")
        case "\n": result.append("\\n")
        case "\r": result.append("\\r")
        case "\t": result.append("\\t")
        case let control where control.value < 0x20 || control.value == 0x7F:
            result.append("\\u{\(String(control.value, radix: 16))}")
        default: result.unicodeScalars.append(scalar)
        }
    }
    result.append("\"")
    return result
}
