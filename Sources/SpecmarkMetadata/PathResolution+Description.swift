extension PathResolution: CustomStringConvertible {
    /// One line per resolved segment in aligned columns (text, kind, type, and the operation chosen when the text
    /// does not name it in full), then the failure, if any:
    /// `messages  navigation property  Collection(microsoft.graph.message)`.
    public var description: String {
        let rows = segments.map { segment in
            let operation = segment.operation.map(\.name).flatMap { $0 == segment.text ? nil : $0 } ?? ""
            return [segment.text, segment.kind.rawValue, segment.type?.description ?? "-", operation]
        }
        var widths = [0, 0, 0]
        for row in rows {
            for column in widths.indices { widths[column] = max(widths[column], row[column].count) }
        }
        var lines = rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                line += cell
                if column < widths.count { line += String(repeating: " ", count: widths[column] - cell.count) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
        if let failure { lines.append("failed at \(failure)") }
        if lines.isEmpty { lines.append("no segments") }
        return lines.joined(separator: "\n")
    }
}

extension PathResolution.Failure: CustomStringConvertible {
    /// `segment 1 'Messages' (offset 4): the metadata spells it 'messages'`, with a did-you-mean when there is one.
    public var description: String {
        let text = "segment \(segmentIndex) '\(segment)' (offset \(offset)): \(reason)"
        return suggestion.map { "\(text); did you mean '\($0)'?" } ?? text
    }
}
