import Foundation
import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// The seeded defects of docs-samples are reported exactly where docs-samples/README.md says, once each, and
/// the clean pages stay clean.
@Suite struct SamplesTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    /// Rows of the README's "Seeded defects" table: page, rule id, line, column.
    static func expectedDefects() throws -> [(page: String, rule: String, line: Int, column: Int)] {
        let readme = try String(contentsOf: samples.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [(String, String, Int, Int)] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("|[defects/") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0) }
            guard cells.count >= 7, let lineNumber = Int(cells[4]), let column = Int(cells[5]) else { continue }
            let page = cells[1].split(separator: "(").last.map { String($0.dropLast()) } ?? ""
            rows.append((page, cells[3], lineNumber, column))
        }
        return rows
    }

    @Test func everySeededDefectIsReportedWhereTheReadmeSays() async throws {
        let expected = try Self.expectedDefects()
        #expect(expected.count == 15)
        let root = Self.samples.path
        var docs = try await DocSet.load(
            [root], logger: Logger(label: "t"), display: { $0 }, select: { !$0.hasSuffix("README.md") })
        // The samples' .specmark.yml checks them against the sample API's metadata.
        docs.apply(try MetadataCatalog.load([MetadataSource(path: root + "/metadata/sensors-v1.0.csdl.xml")]))
        let diagnostics = await Linter().lint(docs, logger: Logger(label: "t"))
        for defect in expected {
            let file = root + "/" + defect.page
            let onPage = diagnostics.filter { $0.location.file == file }
            #expect(
                onPage.map { "\($0.ruleID)@\($0.location.range.start)" } == [
                    "\(defect.rule)@\(defect.line):\(defect.column)"
                ],
                "\(defect.page)")
        }
        let clean = diagnostics.filter { $0.location.file.contains("/v1.0/") }
        #expect(clean.isEmpty, "\(clean.map { "\($0.location): \($0.message)" })")
    }
}
