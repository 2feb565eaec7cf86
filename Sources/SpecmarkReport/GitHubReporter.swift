import SpecmarkContract

/// GitHub Actions workflow commands, so findings show as annotations on the pull request's files.
public enum GitHubReporter {
    public static func render(_ input: ReportInput) -> String {
        var output = ""
        for diagnostic in input.active {
            let range = diagnostic.location.range
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = [
                "file=\(escapeProperty(diagnostic.location.file))", "line=\(range.start.line)",
                "col=\(range.start.column)",
            ]
            if range.end.line >= range.start.line {
                properties.append("endLine=\(range.end.line)")
                if range.end.line == range.start.line {
                    properties.append("endColumn=\(max(range.end.column, range.start.column))")
                }
            }
            properties.append("title=\(escapeProperty(diagnostic.ruleID))")
            let notes = diagnostic.notes.map { note in
                "\n" + (note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " } ?? "")
                    + "note: " + note.message
            }.joined()
            output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message + notes))\n"
        }
        return output
    }

    /// Escapes a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
