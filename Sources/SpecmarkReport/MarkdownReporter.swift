import SpecmarkContract
import SpecmarkMarkdown

/// A summary for a pull-request comment: totals, counts by rule, the files with the most findings and the
/// first findings with links to their lines.
public enum MarkdownReporter {
    public struct Options: Sendable {
        /// How many findings to list.
        public var maximumFindings: Int
        /// A URL that file paths are appended to for links (`https://github.com/o/r/blob/SHA`); plain text without.
        public var linkBase: String?

        public init(maximumFindings: Int = 50, linkBase: String? = nil) {
            self.maximumFindings = maximumFindings
            self.linkBase = linkBase
        }
    }

    public static func render(_ input: ReportInput, options: Options = Options()) -> String {
        let active = input.active
        var output = "## Specmark\n\n"
        let (errors, warnings, notes) = input.counts
        if active.isEmpty {
            output += "✅ No findings in \(input.files.count) \(input.files.count == 1 ? "file" : "files").\n"
            output += extras(input)
            return output
        }
        output += "**\(input.summaryLine)**\n"
        output += extras(input)
        output += "\n| Rule | Severity | Findings |\n|:---|:---|---:|\n"
        let byRule = input.activeCountsByRule
        for (rule, entry) in byRule.sorted(by: {
            ($0.value.severity, $0.value.count, $1.key) > ($1.value.severity, $1.value.count, $0.key)
        }) {
            output += "| `\(rule)` | \(entry.severity.rawValue) | \(entry.count) |\n"
        }
        let byFile = input.activeCountsByFile
        output += "\n**Files with the most findings**\n\n| File | Errors | Warnings | Notes |\n|:---|---:|---:|---:|\n"
        let worst = byFile.sorted { lhs, rhs in
            (lhs.value.errors, lhs.value.warnings, lhs.value.notes, rhs.key) > (
                rhs.value.errors, rhs.value.warnings, rhs.value.notes, lhs.key
            )
        }
        for (file, entry) in worst.prefix(10) {
            output +=
                "| \(link(file, line: nil, options: options)) | \(entry.errors) | \(entry.warnings) | \(entry.notes) |\n"
        }
        let shown = active.prefix(options.maximumFindings)
        output += "\n**Findings**\(active.count > shown.count ? " (first \(shown.count) of \(active.count))" : "")\n\n"
        for diagnostic in shown {
            let start = diagnostic.location.range.start
            let icon = diagnostic.severity == .error ? "❌" : (diagnostic.severity == .warning ? "⚠️" : "ℹ️")
            output +=
                "- \(icon) \(link(diagnostic.location.file, line: start, options: options)) \(escape(diagnostic.message)) (`\(diagnostic.ruleID)`)\n"
        }
        _ = (errors, warnings, notes)
        return output
    }

    private static func extras(_ input: ReportInput) -> String {
        let suppressed = input.diagnostics.filter { $0.suppression != nil }.count
        return suppressed > 0
            ? "\n\(suppressed) suppressed \(suppressed == 1 ? "finding is" : "findings are") not counted.\n" : ""
    }

    private static func link(_ file: String, line: SourcePosition?, options: Options) -> String {
        let label = line.map { "\(file):\($0.line):\($0.column)" } ?? file
        guard let base = options.linkBase else { return "`\(label)`" }
        let anchor = line.map { "#L\($0.line)" } ?? ""
        let separator = base.hasSuffix("/") ? "" : "/"
        return "[`\(label)`](\(base)\(separator)\(SARIFReporter.percentEncoded(file))\(anchor))"
    }

    /// Keeps messages from breaking the list: HTML-significant characters escaped.
    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
