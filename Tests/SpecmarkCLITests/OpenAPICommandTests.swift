import Foundation
import Testing

/// `specmark openapi`: the document on stdout or in a file, findings and the summary on stderr.
@Suite struct OpenAPICommandTests {
    static let page = """
        ---
        title: "Get gadget"
        doc_type: apiPageType
        ---

        # Get gadget

        Read one gadget.

        ## HTTP request
        ```http
        GET /gadgets/{id}
        GET /gadgets/{id}/.../parts
        ```

        ## Response
        If successful, this method returns a `200 OK` response code.

        """

    @Test func writesJSONToStdoutAndReportsWhatItLeftOut() async throws {
        let runner = try CLIRunner(files: ["v1.0/api/gadget-get.md": Self.page])
        defer { runner.remove() }
        let output = try await runner.run("openapi", "v1.0")
        #expect(output.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.1")
        #expect((document?["paths"] as? [String: Any])?.keys.sorted() == ["/gadgets/{gadget-id}"])
        #expect(
            output.standardError.contains(
                "v1.0/api/gadget-get.md:13:5: warning: declared path /gadgets/{id}/.../parts is not exported"))
        #expect(output.standardError.contains("[openapi-path-unexportable]"))
        #expect(output.standardError.contains("exported 1 paths, 1 operations and 0 schemas from 1 method pages"))
        #expect(output.standardError.contains("1 of 2 declared paths (50.0%"))
    }

    @Test func writesYAMLByTheOutputsExtension() async throws {
        let runner = try CLIRunner(files: ["v1.0/api/gadget-get.md": Self.page])
        defer { runner.remove() }
        let output = try await runner.run("openapi", "v1.0", "--version", "v1.0", "--output", "out/api.yaml", "--quiet")
        #expect(output.status == 0)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("openapi-path-unexportable"))
        #expect(!output.standardError.contains("exported 1 paths"))
        let yaml = try String(contentsOf: runner.directory.appendingPathComponent("out/api.yaml"), encoding: .utf8)
        #expect(yaml.contains("openapi: 3.1.1"))
        #expect(yaml.contains("/gadgets/{gadget-id}:"))
        #expect(yaml.contains("x-specmark-source: v1.0/api/gadget-get.md:12"))
    }

    @Test func anUnwritableOutputIsAnIOError() async throws {
        let runner = try CLIRunner(files: ["v1.0/api/gadget-get.md": Self.page, "blocked": "a file, not a folder"])
        defer { runner.remove() }
        let output = try await runner.run("openapi", "v1.0", "--output", "blocked/api.json")
        #expect(output.status == 2)
        #expect(output.standardError.contains("error: cannot write blocked/api.json"))
    }

    @Test func helpNamesEveryOption() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let output = try await runner.run("openapi", "--help")
        for option in ["--output", "--format", "--version", "--title", "--link-base", "--metadata"] {
            #expect(output.standardOutput.contains(option), "\(option)")
        }
    }
}
