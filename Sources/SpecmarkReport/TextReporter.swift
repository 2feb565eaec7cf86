import SpecmarkContract
import SpecmarkMarkdown

/// The human format: findings grouped by file, each with its source line and a caret under the column,
/// notes indented, and a closing summary. Suppressed and baselined findings are counted, not shown.
public enum TextReporter {
    /// Options for the text format.
    public struct Options: Sendable {
        /// Whether to use ANSI colours (decided by the caller: TTY, `--color`, `NO_COLOR`).
        public var useColor: Bool
        /// Whether to end with the summary line.
        public var includeSummary: Bool

        public init(useColor: Bool = false, includeSummary: Bool = true) {
            self.useColor = useColor
            self.includeSummary = includeSummary
        }
    }

    public static func render(_ input: ReportInput, options: Options = Options()) -> String {
        let style = Style(enabled: options.useColor)
        var output = renderTestCases(
            input.testCases.filter { options.includeSummary || $0.outcome != .passed }, style: style)
        if !output.isEmpty && !input.active.isEmpty { output += "\n" }
        var currentFile: String?
        for diagnostic in input.active {
            let location = diagnostic.location
            if currentFile != nil && currentFile != location.file { output += "\n" }
            currentFile = location.file
            let start = location.range.start
            output += style.bold("\(location.file):\(start.line):\(start.column):") + " "
            output +=
                style.severity(diagnostic.severity) + " " + printable(diagnostic.message) + " "
                + style.dim("[\(diagnostic.ruleID)]") + "\n"
            if let line = input.sourceLine(location.file, start.line) {
                let (shown, shifted) = window(line, for: diagnostic)
                output += "    " + printable(shown) + "\n"
                output += "    " + style.caret(caret(for: shifted, line: shown), severity: diagnostic.severity) + "\n"
            }
            for note in diagnostic.notes {
                let place = note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " } ?? ""
                output += "    " + style.bold(place) + style.dim("note:") + " " + note.message + "\n"
            }
        }
        if options.includeSummary {
            if !output.isEmpty { output += "\n" }
            output += input.summaryLine + "\n"
        }
        return output
    }

    /// One line per replayed example (`PASS  name  GET url → 200 (3 ms)`), failures followed by their reason.
    private static func renderTestCases(_ testCases: [TestCase], style: Style) -> String {
        let width = min(40, testCases.map(\.name.count).max() ?? 0)
        var output = ""
        for testCase in testCases {
            let label: String
            switch testCase.outcome {
            case .passed: label = style.wrap("PASS ", "32")
            case .failed: label = style.wrap("FAIL ", "1;31")
            case .skipped: label = style.wrap("SKIP ", "33")
            case .error: label = style.wrap("ERROR", "1;31")
            }
            let milliseconds = Int((testCase.seconds * 1000).rounded())
            var line = label + "  " + testCase.name.padded(toLength: width)
            if let exchange = testCase.exchange { line += "  " + exchange }
            if testCase.outcome != .skipped, testCase.seconds > 0 { line += style.dim(" (\(milliseconds) ms)") }
            if testCase.outcome == .skipped, !testCase.message.isEmpty { line += style.dim(": " + testCase.message) }
            output += line + "\n"
            if testCase.outcome == .failed || testCase.outcome == .error, !testCase.message.isEmpty {
                let place = testCase.file.map { file in testCase.line.map { "\(file):\($0): " } ?? "\(file): " } ?? ""
                output += "       " + style.bold(place) + testCase.message + "\n"
            }
        }
        return output
    }

    /// Lines longer than this many bytes are shown as a window around the column.
    static let maximumShownLine = 200

    /// The part of a long line around the diagnostic's column (`…` where cut), and the diagnostic with its
    /// columns moved to match; short lines unchanged.
    static func window(_ line: String, for diagnostic: Diagnostic) -> (String, Diagnostic) {
        let bytes = Array(line.utf8)
        guard bytes.count > maximumShownLine else { return (line, diagnostic) }
        func boundary(_ index: Int) -> Int { sequenceStart(index, in: bytes) }
        let column = diagnostic.location.range.start.column
        let start = boundary(column - 1 - maximumShownLine / 2)
        let end = boundary(start + maximumShownLine)
        let prefix = start > 0 ? "…" : ""
        let shown = prefix + String(decoding: bytes[start..<end], as: UTF8.self) + (end < bytes.count ? "…" : "")
        var shifted = diagnostic
        let shift = start - prefix.utf8.count
        shifted.location.range.start.column -= shift
        if shifted.location.range.end.line == shifted.location.range.start.line {
            shifted.location.range.end.column = min(
                shifted.location.range.end.column - shift, prefix.utf8.count + end - start + 1)
        }
        return (shown, shifted)
    }

    /// `index` clamped to `bytes` and moved back to the start of the UTF-8 sequence it falls in.
    static func sequenceStart(_ index: Int, in bytes: [UInt8]) -> Int {
        var index = min(max(index, 0), bytes.count)
        while index > 0 && index < bytes.count && bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// Text with control characters (escape sequences a page could smuggle into a terminal) replaced, byte for
    /// byte, so carets stay aligned: C0 controls but tab, and DEL, become `?`; C1 controls become `¿`.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                result.append(scalar)
            } else {
                result.append(scalar.value >= 0x80 ? "\u{BF}" : "?")
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }

    /// Spaces (tabs kept) up to the column, then `^` and `~` to the end of the range on that line.
    static func caret(for diagnostic: Diagnostic, line: String) -> String {
        let range = diagnostic.location.range
        let bytes = Array(line.utf8)
        let startByte = min(max(range.start.column - 1, 0), bytes.count)
        var endByte = range.end.line == range.start.line ? range.end.column : bytes.count
        endByte = min(max(endByte, startByte + 1), max(bytes.count, startByte + 1))
        var prefix = ""
        for character in String(decoding: bytes[..<startByte], as: UTF8.self) {
            prefix += character == "\t" ? "\t" : String(repeating: " ", count: character.isWide ? 2 : 1)
        }
        let underlined = String(decoding: bytes[startByte..<min(endByte, bytes.count)], as: UTF8.self)
        let width = max(1, underlined.reduce(0) { $0 + ($1.isWide ? 2 : 1) })
        return prefix + "^" + String(repeating: "~", count: width - 1)
    }

    private struct Style {
        let enabled: Bool

        func wrap(_ text: String, _ code: String) -> String {
            enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }

        func severity(_ severity: Severity) -> String {
            switch severity {
            case .error: wrap("error:", "1;31")
            case .warning: wrap("warning:", "1;33")
            case .note: wrap("note:", "1;36")
            }
        }

        func caret(_ text: String, severity: Severity) -> String {
            switch severity {
            case .error: wrap(text, "31")
            case .warning: wrap(text, "33")
            case .note: wrap(text, "36")
            }
        }
    }
}

extension Character {
    /// Whether the character takes two columns in a terminal (CJK, emoji).
    var isWide: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
