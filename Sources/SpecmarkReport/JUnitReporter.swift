import SpecmarkContract

/// JUnit XML as Jenkins, Azure Pipelines and GitLab read it: one test suite per file with a failing test case
/// per finding (a passing one for a clean file), and one test case per replayed example.
public enum JUnitReporter {
    public static func render(_ input: ReportInput) -> String {
        var suites: [(name: String, cases: [String], failures: Int, errors: Int, skipped: Int, seconds: Double)] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in input.diagnostics { byFile[diagnostic.location.file, default: []].append(diagnostic) }
        // A replay report is one test case per example, its findings in the case's details.
        let files =
            input.testCases.isEmpty ? input.files + byFile.keys.filter { !input.files.contains($0) }.sorted() : []
        for file in files {
            let diagnostics = byFile[file] ?? []
            var cases: [String] = []
            var failures = 0
            var skipped = 0
            for diagnostic in diagnostics {
                let start = diagnostic.location.range.start
                let name = "\(diagnostic.ruleID) at \(start.line):\(start.column)"
                var body = ""
                if let suppression = diagnostic.suppression {
                    skipped += 1
                    body = "<skipped message=\"\(escape("suppressed: " + suppression.justification))\"/>"
                } else if diagnostic.baselineState == .unchanged {
                    skipped += 1
                    body = "<skipped message=\"in the baseline\"/>"
                } else {
                    failures += 1
                    let text =
                        "\(file):\(start.line):\(start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]"
                        + diagnostic.notes.map { note in
                            "\n  "
                                + (note.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " }
                                    ?? "") + "note: " + note.message
                        }.joined()
                    body =
                        "<failure message=\"\(escape(diagnostic.message))\" type=\"\(diagnostic.severity.rawValue)\">\(escape(text, keepingNewlines: true))</failure>"
                }
                cases.append(
                    "<testcase classname=\"\(escape(classname(file)))\" name=\"\(escape(name))\" file=\"\(escape(file))\" line=\"\(start.line)\" time=\"0\">\(body)</testcase>"
                )
            }
            if diagnostics.isEmpty {
                cases.append(
                    "<testcase classname=\"\(escape(classname(file)))\" name=\"lint\" file=\"\(escape(file))\" time=\"0\"/>"
                )
            }
            suites.append((file, cases, failures, 0, skipped, 0))
        }
        var replaySuites: [String: [TestCase]] = [:]
        var suiteOrder: [String] = []
        for testCase in input.testCases {
            if replaySuites[testCase.suite] == nil { suiteOrder.append(testCase.suite) }
            replaySuites[testCase.suite, default: []].append(testCase)
        }
        for suite in suiteOrder {
            let cases = replaySuites[suite] ?? []
            var rendered: [String] = []
            for testCase in cases {
                let attributes =
                    "classname=\"\(escape("specmark.replay." + suite))\" name=\"\(escape(testCase.name))\""
                    + (testCase.file.map { " file=\"\(escape($0))\"" } ?? "")
                    + (testCase.line.map { " line=\"\($0)\"" } ?? "")
                    + " time=\"\(seconds(testCase.seconds))\""
                switch testCase.outcome {
                case .passed: rendered.append("<testcase \(attributes)/>")
                case .failed:
                    rendered.append(
                        "<testcase \(attributes)><failure message=\"\(escape(testCase.message))\" type=\"mismatch\">\(escape(testCase.details, keepingNewlines: true))</failure></testcase>"
                    )
                case .error:
                    rendered.append(
                        "<testcase \(attributes)><error message=\"\(escape(testCase.message))\" type=\"error\">\(escape(testCase.details, keepingNewlines: true))</error></testcase>"
                    )
                case .skipped:
                    rendered.append(
                        "<testcase \(attributes)><skipped message=\"\(escape(testCase.message))\"/></testcase>")
                }
            }
            suites.append(
                (
                    "replay " + suite, rendered, cases.filter { $0.outcome == .failed }.count,
                    cases.filter { $0.outcome == .error }.count, cases.filter { $0.outcome == .skipped }.count,
                    cases.reduce(0) { $0 + $1.seconds }
                ))
        }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        let total = suites.reduce(0) { $0 + $1.seconds }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output +=
            "<testsuites name=\"specmark\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds(total))\">\n"
        for suite in suites {
            output +=
                "  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\" time=\"\(seconds(suite.seconds))\">\n"
            for testCase in suite.cases { output += "    \(testCase)\n" }
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }

    private static func classname(_ file: String) -> String {
        "specmark.lint." + file
    }

    private static func seconds(_ value: Double) -> String {
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. Newlines are kept in
    /// element text and encoded in attributes (where parsers would fold them to spaces).
    static func escape(_ text: String, keepingNewlines: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += keepingNewlines ? "\n" : "&#10;"
            case "\t", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
