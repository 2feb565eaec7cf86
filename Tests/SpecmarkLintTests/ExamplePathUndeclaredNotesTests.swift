import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// Where `example-path-undeclared` points: the closest declared path as a related location, or, when the examples
/// agree against the declared path, the declared path itself with the examples as related locations.
@Suite struct ExamplePathUndeclaredNotesTests {
    static func findings(_ text: String) async -> [Diagnostic] {
        let docs = DocSet(pages: [PageExtractor().extract(bytes: Array(text.utf8), file: "api/sensor-get.md")])
        return await Linter().lint(docs, logger: Logger(label: "t")).filter { $0.ruleID == "example-path-undeclared" }
    }

    @Test func aMissCarriesTheClosestDeclaredPath() async throws {
        let found = await Self.findings(
            """
            ## HTTP request
            ```http
            GET /gauges/{id}
            GET /sensors/{id}/readings
            ```
            ## Example
            <!-- { "blockType": "request", "name": "get_readings" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/sensors/6f1c/reading
            ```
            """)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.location.range.start.line == 9)
        #expect(finding.notes.map(\.message) == ["closest declared path: GET /sensors/{id}/readings"])
        #expect(finding.notes.first?.location?.range.start.line == 4)
        #expect(finding.notes.first?.location?.file == "api/sensor-get.md")
    }

    @Test func examplesThatAgreeBlameTheDeclaredPath() async throws {
        let found = await Self.findings(
            """
            ## HTTP request
            ```http
            GET /sensor/{id}/readings
            ```
            ## Examples
            <!-- { "blockType": "request", "name": "get_readings" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings
            ```
            <!-- { "blockType": "request", "name": "get_readings_top" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/sensors/9d2e/readings?$top=5
            ```
            """)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.location.range == SourceRange(3, 5, 3, 25))
        #expect(finding.message.hasSuffix("the declared path is likelier wrong"))
        #expect(finding.notes.map { $0.location?.range.start.line } == [8, 12])
        #expect(
            finding.notes.map(\.message) == [
                "request 'get_readings' calls /sensors/6f1c/readings",
                "request 'get_readings_top' calls /sensors/9d2e/readings",
            ])
    }

    /// Examples that disagree with each other (or one example alone) are the likelier typo.
    @Test func examplesThatDisagreeAreEachReported() async {
        let found = await Self.findings(
            """
            ## HTTP request
            ```http
            GET /sensor/{id}/readings
            ```
            ## Examples
            <!-- { "blockType": "request", "name": "get_readings" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings
            ```
            <!-- { "blockType": "request", "name": "get_readings_top" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/sensros/9d2e/readings?$top=5
            ```
            """)
        #expect(found.map(\.location.range.start.line) == [8, 12])
        #expect(found.allSatisfy { $0.message.hasSuffix("matches no path declared in the HTTP request section") })
    }
}
