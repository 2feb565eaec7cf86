import SpecmarkLint
public import SpecmarkReport

extension ReplayResult {
    /// The run as reporters see it: mismatches as diagnostics, one test case per example.
    public func reportInput(root: String, sourceLines: [String: [Int: String]] = [:]) -> ReportInput {
        let diagnostics = self.diagnostics
        let testCases = cases.map { entry in
            TestCase(
                suite: entry.file, name: entry.name,
                outcome: TestCase.Outcome(rawValue: entry.outcome.rawValue) ?? .error,
                message: entry.reason,
                details: entry.diagnostics.map { diagnostic in
                    let start = diagnostic.location.range.start
                    return
                        "\(diagnostic.location.file):\(start.line):\(start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]"
                }.joined(separator: "\n"),
                file: entry.file, line: entry.line, seconds: entry.seconds,
                exchange: "\(entry.method) \(entry.url)" + (entry.status.map { " → \($0)" } ?? ""))
        }
        var files: [String] = []
        var seen = Set<String>()
        for entry in cases where seen.insert(entry.file).inserted { files.append(entry.file) }
        return ReportInput(
            root: root, files: files, diagnostics: diagnostics,
            rules: BuiltInRules.replay.map { ReportRule($0.description) },
            sourceLines: sourceLines, testCases: testCases)
    }
}
