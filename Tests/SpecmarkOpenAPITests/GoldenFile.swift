import Foundation
import Testing

/// Compares text with a golden file in Fixtures/; `SPECMARK_UPDATE_GOLDEN=1` rewrites it.
enum GoldenFile {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPECMARK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard
            let first = zip(expectedLines, actualLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?
                .offset
                ?? (expectedLines.count == actualLines.count ? nil : min(expectedLines.count, actualLines.count))
        else { return }
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record(
            "\(name) differs at line \(first + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
            sourceLocation: sourceLocation)
    }
}
