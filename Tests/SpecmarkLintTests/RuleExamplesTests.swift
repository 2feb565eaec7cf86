import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// Runs every rule's own examples: triggering examples must report exactly at their markers, and
/// non-triggering examples must not report at all.
@Suite struct RuleExamplesTests {
    static let ruleIDs = BuiltInRules.all.map(\.description.id)
    /// Rules whose findings cannot be written as Markdown; each has its own test elsewhere.
    static let withoutExamples: Set<String> = ["file-unreadable", "file-symlink-loop"]

    static func findings(
        of rule: any LintRule, in example: RuleExample
    ) async -> (expected: [SourcePosition], actual: [Diagnostic]) {
        let marked = MarkedText(example.markdown)
        let extractor = PageExtractor()
        var pages = example.otherPages.sorted { $0.key < $1.key }.map { path, text in
            extractor.extract(bytes: Array(text.utf8), file: path)
        }
        pages.append(extractor.extract(bytes: marked.bytes, file: example.file))
        let docs = DocSet(pages: pages)
        // All rules run (suppressions need the findings they suppress); only this rule's findings are compared.
        let linter = Linter(
            configuration: LintConfiguration(settings: [rule.description.id: .on(rule.description.defaultSeverity)]))
        let diagnostics = await linter.lint(docs, logger: Logger(label: "test"))
        return (
            marked.markers,
            diagnostics.filter {
                $0.ruleID == rule.description.id && $0.location.file == example.file && $0.suppression == nil
            }
        )
    }

    @Test(arguments: ruleIDs)
    func triggeringExamplesReportAtTheirMarkers(_ id: String) async throws {
        let rule = try #require(BuiltInRules.rule(withID: id))
        if Self.withoutExamples.contains(id) { return }
        #expect(!rule.description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for example in rule.description.triggeringExamples {
            let (expected, actual) = await Self.findings(of: rule, in: example)
            #expect(!expected.isEmpty, "\(id): a triggering example needs a marker")
            #expect(
                actual.map(\.location.range.start).sorted() == expected.sorted(),
                "\(id): \(actual.map { "\($0.location.range.start): \($0.message)" })")
        }
    }

    @Test(arguments: ruleIDs)
    func nonTriggeringExamplesStaySilent(_ id: String) async throws {
        let rule = try #require(BuiltInRules.rule(withID: id))
        if Self.withoutExamples.contains(id) { return }
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for example in rule.description.nonTriggeringExamples {
            let (_, actual) = await Self.findings(of: rule, in: example)
            #expect(actual.isEmpty, "\(id): \(actual.map { "\($0.location.range.start): \($0.message)" })")
        }
    }

    @Test func idsAreStableKebabCaseAndUnique() {
        let ids = Self.ruleIDs
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"), "\(id)")
        }
    }

    @Test func summariesAreLowerCaseWithoutAFinalPeriod() {
        for rule in BuiltInRules.all {
            let summary = rule.description.summary
            #expect(summary.first?.isLowercase == true, "\(rule.description.id)")
            #expect(!summary.hasSuffix("."), "\(rule.description.id)")
            #expect(!rule.description.rationale.isEmpty, "\(rule.description.id)")
        }
    }

    @Test func everyIdExtractionEmitsHasARule() {
        let known = Set(Self.ruleIDs)
        let extracted =
            MarkdownProblem.Kind.allCases.map(\.rawValue) + [
                "annotation-invalid-json", "annotation-tolerant-json", "annotation-unknown-block-type",
                "annotation-orphaned",
                "annotation-unknown-key", "annotation-value-type", "annotation-duplicate-key", "body-invalid-json",
                "body-tolerant-json", "body-duplicate-key", "resource-missing-type", "resource-duplicate",
                "resource-base-type-cycle", "file-unreadable", "file-symlink-loop",
            ]
        let http = [
            "http-request-line-invalid", "http-status-line-invalid", "http-status-line-no-version",
            "http-prose-in-block", "http-multiple-request-lines", "http-header-invalid", "http-missing-blank-line",
        ]
        for id in extracted + http {
            #expect(known.contains(id), "no rule documents \(id)")
        }
    }
}
