import Mustache
import SpecmarkContract
import SpecmarkMarkdown

/// One finding as the HTML report shows it: severity, rule, message, the source line with the range marked and a
/// caret under it, related locations, and the suppression or baseline state.
///
/// Findings are the bulk of a large report, so it answers the template's lookups itself (``MustacheParent``)
/// instead of through `Mirror`.
struct HTMLFinding: MustacheParent {
    /// The source line split at the finding's range.
    struct Excerpt: MustacheParent {
        var line: Int
        var before: String
        var marked: String
        var after: String
        var caret: String

        func child(named name: String) -> Any? {
            switch name {
            case "line": line
            case "before": before
            case "marked": marked
            case "after": after
            case "caret": caret
            default: nil
            }
        }
    }

    /// A related location ("declared here").
    struct Note: MustacheParent {
        var message: String
        var place: String?
        var href: String?

        func child(named name: String) -> Any? {
            switch name {
            case "noteMessage": message
            case "notePlace": place
            case "noteHref": href
            default: nil
            }
        }
    }

    /// What the state filter matches: counted, suppressed, or in the baseline (unchanged).
    enum State: String {
        case active, suppressed, baseline
    }

    var severity: Severity
    var rule: String
    var message: String
    var place: String
    var href: String?
    var state: State
    var isNew: Bool
    var excerpt: Excerpt?
    var notes: [Note]
    var suppression: String?
    var suppressionPlace: String?

    init(_ diagnostic: Diagnostic, input: ReportInput, links: HTMLLinks) {
        let location = diagnostic.location
        let start = location.range.start
        severity = diagnostic.severity
        rule = diagnostic.ruleID
        message = TextReporter.printable(diagnostic.message)
        place = "\(location.file):\(start.line):\(start.column)"
        href = links.href(location.file, line: start.line)
        if diagnostic.suppression != nil {
            state = .suppressed
        } else if diagnostic.baselineState == .unchanged {
            state = .baseline
        } else {
            state = .active
        }
        isNew = diagnostic.suppression == nil && diagnostic.baselineState == .new
        excerpt = input.sourceLine(location.file, start.line).map {
            Self.excerpt($0, line: start.line, for: diagnostic)
        }
        notes = diagnostic.notes.map { note in
            Note(
                message: TextReporter.printable(note.message),
                place: note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column)" },
                href: note.location.flatMap { links.href($0.file, line: $0.range.start.line) })
        }
        if let suppression = diagnostic.suppression {
            let kind = suppression.kind == .inlineComment ? "an inline specmark-disable comment" : "the page annotation"
            let reason = suppression.justification.isEmpty ? "no reason given" : suppression.justification
            self.suppression = "Suppressed by \(kind): \(TextReporter.printable(reason))"
            suppressionPlace = suppression.location.map {
                "\($0.file):\($0.range.start.line):\($0.range.start.column)"
            }
        }
    }

    /// The line (cut around the column when long) split at the range, and the text format's caret under it.
    static func excerpt(_ line: String, line number: Int, for diagnostic: Diagnostic) -> Excerpt {
        let (shown, shifted) = TextReporter.window(line, for: diagnostic)
        let bytes = Array(shown.utf8)
        func boundary(_ index: Int) -> Int { TextReporter.sequenceStart(index, in: bytes) }
        let range = shifted.location.range
        let start = boundary(range.start.column - 1)
        let end = max(start, boundary(range.end.line == range.start.line ? range.end.column : bytes.count))
        func text(_ slice: ArraySlice<UInt8>) -> String {
            TextReporter.printable(String(decoding: slice, as: UTF8.self))
        }
        return Excerpt(
            line: number, before: text(bytes[..<start]), marked: text(bytes[start..<end]), after: text(bytes[end...]),
            caret: TextReporter.caret(for: shifted, line: shown))
    }

    func child(named name: String) -> Any? {
        switch name {
        case "severity": severity.rawValue
        case "isError": severity == .error
        case "rule": rule
        case "message": message
        case "place": place
        case "lineHref": href
        case "state": state.rawValue
        case "isSuppressed": state == .suppressed
        case "isBaseline": state == .baseline
        case "isNew": isNew
        case "excerpt": excerpt
        case "notes": notes
        case "suppression": suppression
        case "suppressionPlace": suppressionPlace
        default: nil
        }
    }
}

/// A file's findings, one collapsible group of the report.
struct HTMLFileGroup: MustacheParent {
    var file: String
    var anchor: String
    var href: String?
    var findings: [HTMLFinding] = []
    var errors = 0
    var warnings = 0
    var notes = 0
    var suppressed = 0
    var baselined = 0
    var isOpen = false

    init(file: String, anchor: String, href: String?) {
        self.file = file
        self.anchor = anchor
        self.href = href
    }

    mutating func add(_ finding: HTMLFinding) {
        findings.append(finding)
        switch finding.state {
        case .suppressed: suppressed += 1
        case .baseline: baselined += 1
        case .active:
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    /// `2 errors, 1 warning · 1 suppressed`.
    var counts: String {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
        if notes > 0 { parts.append("\(notes) \(notes == 1 ? "note" : "notes")") }
        var text = parts.joined(separator: ", ")
        var quiet: [String] = []
        if suppressed > 0 { quiet.append("\(suppressed) suppressed") }
        if baselined > 0 { quiet.append("\(baselined) in the baseline") }
        if !quiet.isEmpty { text += (text.isEmpty ? "" : " · ") + quiet.joined(separator: ", ") }
        return text
    }

    func child(named name: String) -> Any? {
        switch name {
        case "file": file
        case "anchor": anchor
        case "fileHref": href
        case "findings": findings
        case "counts": counts
        case "isOpen": isOpen
        case "hasErrors": errors > 0
        default: nil
        }
    }
}
