import Foundation
import Logging
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata
import Testing

@testable import SpecmarkLint

/// Runs every rule's own examples: triggering examples must report exactly at their markers (start, and end where
/// marked) with their messages, and non-triggering examples must not report at all.
@Suite struct RuleExamplesTests {
    static let ruleIDs = BuiltInRules.all.map(\.description.id)
    /// Rules whose findings cannot be written as Markdown; each has its own test elsewhere.
    static let withoutExamples: Set<String> = ["file-unreadable", "file-symlink-loop"]

    static func findings(
        of rule: any LintRule, in example: RuleExample
    ) async -> (expected: [MarkedText.Marker], actual: [Diagnostic]) {
        let marked = MarkedText(example.markdown)
        return (marked.ordered, await findings(of: rule, in: example, page: marked.bytes))
    }

    /// The rule's findings on the example's page when it reads `bytes` (no markers).
    static func findings(of rule: any LintRule, in example: RuleExample, page bytes: [UInt8]) async -> [Diagnostic] {
        let extractor = PageExtractor()
        var pages = example.otherPages.sorted { $0.key < $1.key }.map { path, text in
            extractor.extract(bytes: Array(text.utf8), file: path)
        }
        // An example named `metadata.xml` is the service metadata itself, marked where its findings go.
        let isMetadata = example.file.hasSuffix(".xml")
        if !isMetadata { pages.append(extractor.extract(bytes: bytes, file: example.file)) }
        var docs = DocSet(pages: pages)
        if let metadata = isMetadata ? String(decoding: bytes, as: UTF8.self) : example.metadata {
            do {
                let service = try CSDLReader.read(Data(metadata.utf8), file: isMetadata ? example.file : "metadata.xml")
                docs.apply(MetadataCatalog([.init(version: nil, metadata: service)]))
            } catch {
                Issue.record("\(rule.description.id): the example's metadata does not read: \(error)")
            }
        }
        let files = Set(docs.pages.map(\.file))
        // All rules run (suppressions need the findings they suppress); only this rule's findings are compared.
        let linter = Linter(
            configuration: LintConfiguration(
                settings: [rule.description.id: .on(rule.description.defaultSeverity)], options: example.options),
            files: { ExampleFiles(paths: files) })
        let diagnostics = await linter.lint(docs, logger: Logger(label: "test"))
        return diagnostics.filter {
            $0.ruleID == rule.description.id && $0.location.file == example.file && $0.suppression == nil
        }
    }

    @Test(arguments: ruleIDs)
    func triggeringExamplesReportAtTheirMarkersWithTheirMessages(_ id: String) async throws {
        let rule = try #require(BuiltInRules.rule(withID: id))
        if Self.withoutExamples.contains(id) { return }
        #expect(!rule.description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for example in rule.description.triggeringExamples {
            let (expected, actual) = await Self.findings(of: rule, in: example)
            let found = actual.sorted { $0.location.range.start < $1.location.range.start }
            let described = found.map {
                "\($0.location.range.start.line):\($0.location.range.start.column)-\($0.location.range.end.line):\($0.location.range.end.column) \($0.message)"
            }
            #expect(!expected.isEmpty, "\(id): a triggering example needs a marker")
            #expect(
                found.map(\.location.range.start) == expected.map(\.start).sorted(), "\(id): \(described)")
            // Markers in position order pair with findings in position order; messages follow the marker digits.
            let byPosition = expected.sorted { $0.start < $1.start }
            for (marker, diagnostic) in zip(byPosition, found) {
                #expect(marker.end != nil, "\(id): every marker needs its end marker: \(described)")
                if let end = marker.end {
                    #expect(diagnostic.location.range.end == end, "\(id): \(described)")
                }
            }
            #expect(example.messages.count == expected.count, "\(id): one message per marker: \(described)")
            if example.messages.count == expected.count {
                for (marker, message) in zip(expected, example.messages) {
                    let diagnostic = found.first { $0.location.range.start == marker.start }
                    #expect(diagnostic?.message == message, "\(id): \(described)")
                }
            }
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
        let ids = BuiltInRules.configurable.map(\.description.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"), "\(id)")
        }
    }

    @Test func summariesAreLowerCaseWithoutAFinalPeriod() {
        for rule in BuiltInRules.configurable {
            let summary = rule.description.summary
            #expect(summary.first?.isLowercase == true, "\(rule.description.id)")
            #expect(!summary.hasSuffix("."), "\(rule.description.id)")
            #expect(!rule.description.rationale.isEmpty, "\(rule.description.id)")
        }
    }

    /// Every kind of issue extraction records is reported by exactly one rule, whose id is the kind's.
    @Test(arguments: ExtractionFinding.allCases)
    func everyExtractionFindingHasItsRule(_ kind: ExtractionFinding) {
        let reporting = BuiltInRules.all.filter { rule in
            (rule as? any ExtractedRule)?.finding == kind || (rule as? any DocSetExtractedRule)?.finding == kind
        }
        #expect(reporting.map(\.description.id) == [kind.ruleID])
    }

    /// Every id a rule reports for is documented by a rule of its own, and every companion rule is reported for.
    @Test func everyCompanionIdHasItsRule() {
        let reportedFor = Set(BuiltInRules.all.flatMap(\.reportsFor))
        let companions = Set(BuiltInRules.all.filter { $0 is any CompanionRule }.map(\.description.id))
        #expect(reportedFor == companions)
    }
}

/// The file system of a rule example: its pages, and the folders they are in; nothing else exists.
struct ExampleFiles: FileLookup {
    let paths: Set<String>

    func exists(_ path: String) -> Bool {
        paths.contains(path) || paths.contains { $0.hasPrefix(path + "/") }
    }

    func headings(ofPage path: String) -> [String]? { nil }

    func names(inFolder path: String) -> [String] {
        let prefix = path.isEmpty ? "" : path + "/"
        return paths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.contains("/") }.sorted()
    }

    var consulted: Set<String> { [] }
}
