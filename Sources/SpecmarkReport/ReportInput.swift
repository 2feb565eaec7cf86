public import SpecmarkContract
import SpecmarkMarkdown

/// Everything a reporter needs; reporters are pure functions of it.
public struct ReportInput: Sendable {
    /// The tool's name and version.
    public var toolName: String
    public var toolVersion: String
    /// Where the tool's documentation lives (SARIF `informationUri`).
    public var informationURI: String
    /// The absolute directory relative paths are relative to (SARIF `%SRCROOT%`).
    public var root: String
    /// Every file checked, as reports show them, each once.
    public var files: [String]
    /// Diagnostics, suppressed and baselined ones included, in report order.
    public var diagnostics: [Diagnostic]
    /// The rules that ran (for SARIF `tool.driver.rules`).
    public var rules: [ReportRule]
    /// The text of the lines diagnostics start and end on, by file and line number (for carets and for
    /// converting byte columns).
    public var sourceLines: [String: [Int: String]]
    /// Test cases beyond lint findings (one per replayed example), for JUnit.
    public var testCases: [TestCase]
    /// Baseline entries that no longer match any finding.
    public var fixedBaselineEntries: Int?
    /// Those entries counted by rule id.
    public var fixedBaselineEntriesByRule: [String: Int]
    /// How much of each metadata file the docs cover, when the run read metadata (for the HTML report).
    public var coverage: [MetadataCoverage]

    public init(
        toolName: String = "specmark", toolVersion: String = SpecmarkVersion.current,
        informationURI: String = "https://github.com/specmark/specmark", root: String, files: [String],
        diagnostics: [Diagnostic], rules: [ReportRule], sourceLines: [String: [Int: String]] = [:],
        testCases: [TestCase] = [], fixedBaselineEntries: Int? = nil, fixedBaselineEntriesByRule: [String: Int] = [:],
        coverage: [MetadataCoverage] = []
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.root = root
        self.files = files
        self.diagnostics = diagnostics
        self.rules = rules
        self.sourceLines = sourceLines
        self.testCases = testCases
        self.fixedBaselineEntries = fixedBaselineEntries
        self.fixedBaselineEntriesByRule = fixedBaselineEntriesByRule
        self.coverage = coverage
    }

    /// Diagnostics that count: not suppressed, not in the baseline.
    public var active: [Diagnostic] {
        diagnostics.filter(Self.isActive)
    }

    /// Whether a diagnostic counts: not suppressed, not in the baseline.
    static func isActive(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.suppression == nil && diagnostic.baselineState != .unchanged
    }

    /// Whether the diagnostic at `index` counts, read field by field: passing the diagnostic copies it whole.
    private func isActive(at index: Int) -> Bool {
        diagnostics[index].suppression == nil && diagnostics[index].baselineState != .unchanged
    }

    /// Counts of active diagnostics by severity.
    public var counts: (errors: Int, warnings: Int, notes: Int) {
        var counts = (errors: 0, warnings: 0, notes: 0)
        // Over the diagnostics in place: `active` would copy thousands of them to count them.
        for index in diagnostics.indices where isActive(at: index) {
            switch diagnostics[index].severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .note: counts.notes += 1
            }
        }
        return counts
    }

    /// Active diagnostics by file, counted by severity.
    public var activeCountsByFile: [String: (errors: Int, warnings: Int, notes: Int)] {
        var byFile: [String: (errors: Int, warnings: Int, notes: Int)] = [:]
        for index in diagnostics.indices where isActive(at: index) {
            let diagnostic = diagnostics[index]
            var entry = byFile[diagnostic.location.file] ?? (0, 0, 0)
            switch diagnostic.severity {
            case .error: entry.errors += 1
            case .warning: entry.warnings += 1
            case .note: entry.notes += 1
            }
            byFile[diagnostic.location.file] = entry
        }
        return byFile
    }

    /// Active diagnostics by rule id: how many, and the most severe of them.
    public var activeCountsByRule: [String: (count: Int, severity: Severity)] {
        var byRule: [String: (count: Int, severity: Severity)] = [:]
        for index in diagnostics.indices where isActive(at: index) {
            let diagnostic = diagnostics[index]
            let current = byRule[diagnostic.ruleID]
            byRule[diagnostic.ruleID] = (
                (current?.count ?? 0) + 1, max(current?.severity ?? .note, diagnostic.severity)
            )
        }
        return byRule
    }

    /// `8 examples: 7 passed, 1 failed, 0 skipped, 0 errors`, or nil without test cases.
    public var testCaseSummary: String? {
        guard !testCases.isEmpty else { return nil }
        func count(_ outcome: TestCase.Outcome) -> Int { testCases.filter { $0.outcome == outcome }.count }
        let errors = count(.error)
        return
            "\(testCases.count) \(testCases.count == 1 ? "example" : "examples"): \(count(.passed)) passed, \(count(.failed)) failed, \(count(.skipped)) skipped, \(errors) \(errors == 1 ? "error" : "errors")"
    }

    /// The closing summary line: `2 errors, 1 warning in 2 of 19 files`, after the test-case counts when there are
    /// test cases.
    public var summaryLine: String {
        let (errors, warnings, _) = counts
        var withFindings = Set<String>()
        var suppressed = 0
        var baselined = 0
        for index in diagnostics.indices {
            if isActive(at: index) {
                withFindings.insert(diagnostics[index].location.file)
            } else if diagnostics[index].suppression != nil {
                suppressed += 1
            } else {
                baselined += 1
            }
        }
        // Files that could not be read have findings but no page: they count among the files too. Each checked
        // file is looked up among the few with findings (2,096 of 8,812 for the Graph corpus), rather than every
        // checked file hashed into a set of its own at the end of every run.
        let listed = withFindings.isEmpty ? 0 : files.count { withFindings.contains($0) }
        let total = files.count + withFindings.count - listed
        var line =
            "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings") in \(withFindings.count) of \(total) \(total == 1 ? "file" : "files")"
        var extras: [String] = []
        if suppressed > 0 { extras.append("\(suppressed) suppressed") }
        if baselined > 0 { extras.append("\(baselined) in the baseline") }
        if let fixed = fixedBaselineEntries, fixed > 0 {
            extras.append("\(fixed) baseline \(fixed == 1 ? "entry" : "entries") fixed")
        }
        if !extras.isEmpty { line += " (" + extras.joined(separator: ", ") + ")" }
        return testCaseSummary.map { "\($0); \(line)" } ?? line
    }

    /// The UTF-8 text of line `line` of `file`, if it was provided.
    public func sourceLine(_ file: String, _ line: Int) -> String? {
        sourceLines[file]?[line]
    }
}

/// What reporters need to know about a rule.
public struct ReportRule: Hashable, Sendable {
    public var id: String
    public var family: String
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity

    public init(id: String, family: String, summary: String, rationale: String, defaultSeverity: Severity) {
        self.id = id
        self.family = family
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
    }
}

/// A test case outside lint (a replayed example), for JUnit.
public struct TestCase: Hashable, Sendable {
    public enum Outcome: String, Hashable, Sendable {
        case passed, failed, skipped, error
    }

    /// The suite it belongs to (a page).
    public var suite: String
    public var name: String
    public var outcome: Outcome
    /// Why it failed or was skipped.
    public var message: String
    /// Details (the mismatches, one a line).
    public var details: String
    public var file: String?
    public var line: Int?
    public var seconds: Double
    /// What was sent and answered: `GET http://127.0.0.1:4010/v1.0/me → 200`.
    public var exchange: String?

    public init(
        suite: String, name: String, outcome: Outcome, message: String = "", details: String = "", file: String? = nil,
        line: Int? = nil, seconds: Double = 0, exchange: String? = nil
    ) {
        self.suite = suite
        self.name = name
        self.outcome = outcome
        self.message = message
        self.details = details
        self.file = file
        self.line = line
        self.seconds = seconds
        self.exchange = exchange
    }
}

/// Columns as SARIF and editors count them.
enum Columns {
    /// The UTF-16 column of UTF-8 byte column `byteColumn` on `line` (both 1-based); unchanged when the line is
    /// unknown or ASCII up to that column.
    static func utf16Column(_ byteColumn: Int, in line: String?) -> Int {
        guard let line, byteColumn > 1 else { return byteColumn }
        let bytes = Array(line.utf8)
        let prefix = bytes.prefix(byteColumn - 1)
        if prefix.allSatisfy({ $0 < 0x80 }) { return byteColumn + max(0, byteColumn - 1 - prefix.count) }
        let text = String(decoding: prefix, as: UTF8.self)
        return text.utf16.count + 1 + max(0, byteColumn - 1 - prefix.count)
    }
}
