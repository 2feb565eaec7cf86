import Foundation
import Testing

/// `--metadata` and `metadata:` on the commands that read a doc set.
@Suite struct MetadataCommandTests {
    static let csdl = """
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EntityType Name="gadget">
                <Key><PropertyRef Name="id" /></Key>
                <Property Name="id" Type="Edm.String" Nullable="false" />
                <Property Name="isOn" Type="Edm.Boolean" />
                <Property Name="colour" Type="Edm.String" />
              </EntityType>
              <EntityContainer Name="GraphService">
                <EntitySet Name="gadgets" EntityType="graph.gadget" />
              </EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """

    static let resource = """
        ---
        title: "gadget resource type"
        description: "A gadget."
        author: "specmark"
        localization_priority: Normal
        ms.prod: "gadgets"
        doc_type: resourcePageType
        ---

        # gadget resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
        |isOn|String|Whether it is on.|
        |color|String|Its colour.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget", "keyProperty": "id" } -->
        ```json
        { "id": "String", "isOn": true, "color": "String" }
        ```
        """

    static let method = """
        ---
        title: "Get gadget"
        description: "Reads a gadget."
        author: "specmark"
        localization_priority: Normal
        ms.prod: "gadgets"
        doc_type: apiPageType
        ---

        # Get gadget

        ## HTTP request
        ```http
        GET /gadgets/{id}/colors
        ```

        ## Response
        If successful, this method returns a `200 OK` response code and a [gadget](../resources/gadget.md) object.

        ## Example
        <!-- { "blockType": "request", "name": "get_gadget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/gadgets/1
        ```

        <!-- { "blockType": "response", "@odata.type": "microsoft.graph.gadget" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        { "id": "1", "isOn": true, "colour": "red" }
        ```
        """

    static let files = [
        "docs/v1.0/resources/gadget.md": resource, "docs/v1.0/api/gadget-get.md": method, "service.xml": csdl,
    ]

    static func metadataLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("docs/") && $0.contains("[metadata-") }
    }

    @Test func lintWithMetadataPointsAtTheDocsSide() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let output = try await runner.run("lint", "--no-cache", "--metadata", "service.xml", "docs")
        #expect(output.status == 1)
        #expect(
            Self.metadataLines(output.standardOutput) == [
                "docs/v1.0/api/gadget-get.md:14:19: error: path segment 'colors' does not resolve: no property, navigation property, bound action or function of microsoft.graph.gadget [metadata-path-unresolved]",
                "docs/v1.0/resources/gadget.md:12:1: warning: property 'colour' (String) of microsoft.graph.gadget is not in the Properties table [metadata-property-undocumented]",
                "docs/v1.0/resources/gadget.md:16:1: error: property 'isOn' of microsoft.graph.gadget is String here, but Boolean in the metadata [metadata-property-type-mismatch]",
                "docs/v1.0/resources/gadget.md:17:1: error: property 'color' of microsoft.graph.gadget is not in the metadata; did you mean 'colour'? [metadata-property-unknown]",
            ])
        // The metadata decides: the example that agrees with it is not blamed, nor is the JSON representation.
        #expect(!output.standardOutput.contains("[body-"))
        #expect(!output.standardOutput.contains("[resource-json-table-mismatch]"))
    }

    @Test func findingsCarryTheCSDLElementAsRelatedLocation() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let output = try await runner.run(
            "lint", "--no-cache", "--metadata", "service.xml", "--format", "json", "docs/v1.0/resources/gadget.md")
        let report = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        let mismatch = diagnostics.first { $0["rule"] as? String == "metadata-property-type-mismatch" }
        let note = (mismatch?["notes"] as? [[String: Any]])?.first
        #expect(note?["message"] as? String == "declared in the metadata here")
        #expect(note?["file"] as? String == "service.xml")
        #expect(note?["line"] as? Int == 7)
        #expect(note?["column"] as? Int == 9)
    }

    @Test func withoutMetadataNothingChanges() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let output = try await runner.run("lint", "--no-cache", "docs")
        #expect(Self.metadataLines(output.standardOutput).isEmpty)
        // Without the metadata, the JSON representation and the table contradict each other.
        #expect(output.standardOutput.contains("[resource-json-table-mismatch]"))
    }

    /// Replay checks the answers against the metadata's types too: the mock's `"isOn": true` contradicts the
    /// table's String, but not the service's Boolean. Without the metadata, the answer agrees with the resource's
    /// own JSON representation, so it is not blamed for the table (the resource page's row is, once).
    @Test func replayTakesTheMetadataAsArbiter() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let plain = try await runner.run("replay", "--mock", "docs", "--format", "summary")
        #expect(plain.status == 0, "\(plain.standardOutput)")
        #expect(
            plain.standardOutput
                == "1 example: 1 passed, 0 failed, 0 skipped, 0 errors; 0 errors, 1 warning in 1 of 1 file\n")
        let checked = try await runner.run(
            "replay", "--mock", "--metadata", "service.xml", "docs", "--format", "summary")
        #expect(checked.status == 0, "\(checked.standardOutput)")
        #expect(
            checked.standardOutput
                == "1 example: 1 passed, 0 failed, 0 skipped, 0 errors; 0 errors, 0 warnings in 0 of 1 file\n")
    }

    @Test func malformedMetadataIsAUsageErrorWithItsLine() async throws {
        var files = Self.files
        files["service.xml"] =
            "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n  <Schema Namespace=\"a\">\n    <EntityType Name=\"x\">\n  </Schema>\n"
        let runner = try CLIRunner(files: files)
        defer { runner.remove() }
        // Without a result cache the lint parses the metadata from its start: its error comes the same way.
        for command in [["lint"], ["lint", "--no-cache"], ["model"], ["replay", "--mock"], ["serve", "--port", "0"]] {
            let output = try await runner.run(arguments: command + ["--metadata", "service.xml", "docs"])
            #expect(output.status == 2, "\(command)")
            #expect(
                output.standardError.contains(
                    "service.xml:4:12: not well-formed XML: an end tag does not match its start tag"),
                "\(command): \(output.standardError)")
        }
        for cache in [[], ["--no-cache"]] {
            let missing = try await runner.run(arguments: ["lint"] + cache + ["--metadata", "nowhere.xml", "docs"])
            #expect(missing.status == 2)
            #expect(missing.standardError == "error: metadata nowhere.xml: no such file or directory\n")
        }
    }

    @Test func configurationGivesMetadataPerVersion() async throws {
        var files = Self.files
        files[".specmark.yml"] = "version: 1\nmetadata:\n  beta: service.xml\n"
        let runner = try CLIRunner(files: files)
        defer { runner.remove() }
        // The metadata is for beta pages only: the v1.0 pages are not checked against it.
        let beta = try await runner.run("lint", "--no-cache", "docs")
        #expect(Self.metadataLines(beta.standardOutput).isEmpty)
        try runner.write(".specmark.yml", "version: 1\nmetadata:\n  v1.0: service.xml\n")
        let v1 = try await runner.run("lint", "--no-cache", "docs")
        #expect(Self.metadataLines(v1.standardOutput).count == 4)
        // `--metadata` replaces the configuration's.
        let replaced = try await runner.run("lint", "--no-cache", "--metadata", "beta=service.xml", "docs")
        #expect(Self.metadataLines(replaced.standardOutput).isEmpty)
    }

    /// A type no page documents is the doc set's finding, at its CSDL line: shards report it once, a run over a
    /// page named in a configured doc set does not.
    @Test func undocumentedTypesAreReportedOnceBySharedRuns() async throws {
        var files = Self.files
        files["service.xml"] = Self.csdl.replacingOccurrences(
            of: "      <EntityContainer", with: "      <ComplexType Name=\"gadgetPart\" />\n      <EntityContainer")
        // With a configuration, a page named alone is checked in the context of the doc set it covers.
        files[".specmark.yml"] = "version: 1\n"
        let runner = try CLIRunner(files: files)
        defer { runner.remove() }
        let expected = "service.xml:10:7: warning: metadata type microsoft.graph.gadgetPart has no resource page"
        let full = try await runner.run("lint", "--no-cache", "--metadata", "service.xml", ".")
        #expect(full.standardOutput.contains(expected), "\(full.standardOutput)")
        var reported = 0
        for shard in ["1/2", "2/2"] {
            let output = try await runner.run(
                "lint", "--no-cache", "--metadata", "service.xml", "--shard", shard, ".")
            if output.standardOutput.contains(expected) { reported += 1 }
        }
        #expect(reported == 1)
        let named = try await runner.run(
            "lint", "--no-cache", "--metadata", "service.xml", "docs/v1.0/resources/gadget.md")
        #expect(!named.standardOutput.contains("gadgetPart"))
    }

    @Test func theResultCacheKnowsTheMetadataChanged() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let first = try await runner.run("lint", "--metadata", "service.xml", "docs")
        #expect(Self.metadataLines(first.standardOutput).count == 4)
        try runner.write("service.xml", Self.csdl.replacingOccurrences(of: "Edm.Boolean", with: "Edm.String"))
        let second = try await runner.run("lint", "--metadata", "service.xml", "docs")
        #expect(Self.metadataLines(second.standardOutput).count == 3)
    }

    @Test func modelReportsCoverage() async throws {
        let runner = try CLIRunner(files: Self.files)
        defer { runner.remove() }
        let output = try await runner.run("model", "--metadata", "service.xml", "--format", "summary", "docs")
        #expect(output.status == 0)
        let coverage = output.standardOutput.components(separatedBy: "metadata service.xml\n").last ?? ""
        #expect(
            coverage == """
                  types: 1 entity, 0 complex, 0 enum
                  container: 1 entity sets, 0 singletons
                  operations: 0 actions, 0 functions
                  types documented: 1 of 1 (100.0%)
                  properties of documented types documented: 2 of 3 (66.7%)
                  entity sets and singletons with a method page: 1 of 1 (100.0%)
                  operations with a method page: 0 of 0
                  microsoft.graph: types 1 of 1 (100.0%), properties 2 of 3 (66.7%), entity sets and singletons 1 of 1 (100.0%), operations 0 of 0

                """)
    }
}
