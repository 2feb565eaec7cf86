import SpecmarkContract
import SpecmarkMarkdown

/// The result cache's records: diagnostics and their locations, on the shared binary coding.
extension BinaryWriter {
    mutating func location(_ location: SourceLocation) {
        string(location.file)
        for value in [
            location.range.start.line, location.range.start.column, location.range.end.line, location.range.end.column,
        ] {
            int(value)
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.ruleID)
        string(diagnostic.severity.rawValue)
        string(diagnostic.message)
        location(diagnostic.location)
        int(diagnostic.notes.count)
        for note in diagnostic.notes {
            string(note.message)
            bool(note.location != nil)
            if let noteLocation = note.location { location(noteLocation) }
        }
        string(diagnostic.anchor)
        string(diagnostic.fingerprint)
        bool(diagnostic.suppression != nil)
        if let suppression = diagnostic.suppression {
            string(suppression.kind.rawValue)
            string(suppression.justification)
            bool(suppression.location != nil)
            if let suppressionLocation = suppression.location { location(suppressionLocation) }
        }
        string(diagnostic.baselineState?.rawValue ?? "")
    }
}

extension BinaryReader {
    mutating func location() throws -> SourceLocation {
        let file = try string()
        let start = SourcePosition(line: try int(), column: try int())
        let end = SourcePosition(line: try int(), column: try int())
        return SourceLocation(file: file, range: SourceRange(start: start, end: end))
    }

    mutating func diagnostic() throws -> Diagnostic {
        let ruleID = try string()
        guard let severity = Severity(rawValue: try string()) else { throw BinaryFormatError() }
        let message = try string()
        let location = try location()
        var notes: [Diagnostic.Note] = []
        for _ in 0..<(try count()) {
            let text = try string()
            notes.append(.init(text, at: try bool() ? try self.location() : nil))
        }
        var diagnostic = Diagnostic(
            ruleID: ruleID, severity: severity, message: message, location: location, notes: notes,
            anchor: try string())
        diagnostic.fingerprint = try string()
        if try bool() {
            guard let kind = Suppression.Kind(rawValue: try string()) else { throw BinaryFormatError() }
            let justification = try string()
            diagnostic.suppression = Suppression(
                kind: kind, justification: justification, location: try bool() ? try self.location() : nil)
        }
        let state = try string()
        diagnostic.baselineState = state.isEmpty ? nil : BaselineState(rawValue: state)
        return diagnostic
    }
}
