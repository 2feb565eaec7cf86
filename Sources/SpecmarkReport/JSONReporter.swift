import Foundation
import SpecmarkContract

/// The machine format (schema version 1, documented in the README; fields are only ever added).
public enum JSONReporter {
    struct Document: Codable {
        var schemaVersion = 1
        var tool: Tool
        var root: String
        var filesChecked: Int
        var summary: Summary
        var diagnostics: [Entry]
        /// Replayed examples, only in replay reports.
        var examples: [Example]?
    }

    struct Example: Codable {
        var name: String
        var outcome: String
        var file: String?
        var line: Int?
        var exchange: String?
        var message: String
        var seconds: Double
    }

    struct Tool: Codable {
        var name: String
        var version: String
    }

    struct Summary: Codable {
        var errors: Int
        var warnings: Int
        var notes: Int
        var suppressed: Int
        var baselined: Int
        var fixedBaselineEntries: Int?
        var filesWithFindings: Int
        var examples: ExampleCounts?
    }

    struct ExampleCounts: Codable {
        var total: Int
        var passed: Int
        var failed: Int
        var skipped: Int
        var errors: Int
    }

    struct Entry: Codable {
        var rule: String
        var severity: String
        var message: String
        var file: String
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var notes: [Note]
        var fingerprint: String
        var suppression: SuppressionEntry?
        var baselineState: String?
    }

    struct Note: Codable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    struct SuppressionEntry: Codable {
        var kind: String
        var justification: String
    }

    public static func render(_ input: ReportInput) -> String {
        let counts = input.counts
        let document = Document(
            tool: Tool(name: input.toolName, version: input.toolVersion), root: input.root,
            filesChecked: input.files.count,
            summary: Summary(
                errors: counts.errors, warnings: counts.warnings, notes: counts.notes,
                suppressed: input.diagnostics.filter { $0.suppression != nil }.count,
                baselined: input.diagnostics.filter { $0.suppression == nil && $0.baselineState == .unchanged }.count,
                fixedBaselineEntries: input.fixedBaselineEntries,
                filesWithFindings: Set(input.active.map(\.location.file)).count,
                examples: input.testCases.isEmpty ? nil : exampleCounts(input.testCases)),
            diagnostics: input.diagnostics.map { diagnostic in
                let range = diagnostic.location.range
                return Entry(
                    rule: diagnostic.ruleID, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                    file: diagnostic.location.file, startLine: range.start.line, startColumn: range.start.column,
                    endLine: range.end.line, endColumn: range.end.column,
                    notes: diagnostic.notes.map {
                        Note(
                            message: $0.message, file: $0.location?.file, line: $0.location?.range.start.line,
                            column: $0.location?.range.start.column)
                    },
                    fingerprint: diagnostic.fingerprint,
                    suppression: diagnostic.suppression.map {
                        SuppressionEntry(kind: $0.kind.rawValue, justification: $0.justification)
                    },
                    baselineState: diagnostic.baselineState?.rawValue)
            },
            examples: input.testCases.isEmpty
                ? nil
                : input.testCases.map {
                    Example(
                        name: $0.name, outcome: $0.outcome.rawValue, file: $0.file, line: $0.line,
                        exchange: $0.exchange,
                        message: $0.message, seconds: ($0.seconds * 1000).rounded() / 1000)
                })
        return encode(document)
    }

    static func exampleCounts(_ testCases: [TestCase]) -> ExampleCounts {
        func count(_ outcome: TestCase.Outcome) -> Int { testCases.filter { $0.outcome == outcome }.count }
        return ExampleCounts(
            total: testCases.count, passed: count(.passed), failed: count(.failed), skipped: count(.skipped),
            errors: count(.error))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
