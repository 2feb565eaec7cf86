import Foundation
import SpecmarkContract
import Testing

@testable import SpecmarkLint

@Suite struct ConfigurationTests {
    static let ids = BuiltInRules.all.map(\.description.id)

    /// Writes `text` as a configuration in a fresh directory and loads it.
    static func load(
        _ text: String, files: [String: String] = [:]
    ) throws -> Result<SpecmarkConfiguration, ConfigurationError> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specmark-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        let path = directory.appendingPathComponent(".specmark.yml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            return .success(try SpecmarkConfiguration.load(path, knownRules: ids))
        } catch {
            return .failure(error)
        }
    }

    @Test func everyKeyIsRead() throws {
        let result = try Self.load(
            """
            version: 1
            include: ["api/**"]
            exclude: ["**/includes/**"]
            fail-on: warning
            max-warnings: 10
            rules:
              example-unannotated: off
              http-reason-phrase: error
            options:
              unannotated-examples: all
            service-roots: [https://api.contoso.example/v2]
            path-aliases:
              /me: /people/{id}
            front-matter:
              required: [title]
            permissions:
              known: [Widget.Read]
              known-file: permissions.txt
            links:
              ignore-prefixes: [/docs]
            headers:
              standard: [X-Trace]
            table-headings:
              permissions: [Access]
            overrides:
              - files: ["api/intune-*.md"]
                treat-errors-as: warning
                rules:
                  table-cell-count: off
            outline:
              apiPageType:
                - { title: Permissions, level: 2 }
                - { title: HTTP request, level: 2, required: true }
            """, files: ["permissions.txt": "# names\nWidget.ReadWrite\n"])
        guard case .success(let configuration) = result else { Issue.record("\(result)"); return }
        #expect(configuration.failOn == .warning && configuration.maxWarnings == 10)
        #expect(configuration.lint.settings["example-unannotated"] == .off)
        #expect(configuration.lint.settings["http-reason-phrase"] == .on(.error))
        #expect(configuration.lint.options.unannotatedExamples == .all)
        #expect(configuration.extraction.serviceRoots == ["https://api.contoso.example/v2"])
        #expect(configuration.extraction.pathAliases == [PathAlias("/me", means: "/people/{id}")])
        #expect(configuration.lint.options.requiredFrontMatter == ["title"])
        #expect(configuration.lint.options.knownPermissions == ["Widget.Read", "Widget.ReadWrite"])
        #expect(configuration.lint.options.linkIgnorePrefixes == ["/docs"])
        #expect(configuration.lint.options.standardHeaders.contains("X-Trace"))
        #expect(configuration.extraction.tableHeadings.permissions.contains("Access"))
        #expect(configuration.outline[.method]?.map(\.title) == ["Permissions", "HTTP request"])
        #expect(configuration.filtersPages && !SpecmarkConfiguration(directory: "/docs").filtersPages)
        #expect(configuration.selects(configuration.directory + "/api/widget.md"))
        #expect(!configuration.selects(configuration.directory + "/api/includes/x.md"))
        #expect(!configuration.selects(configuration.directory + "/other/widget.md"))
        let table = try #require(BuiltInRules.rule(withID: "table-cell-count")?.description)
        let status = try #require(BuiltInRules.rule(withID: "response-status-mismatch")?.description)
        #expect(configuration.lint.severity(for: table, in: configuration.directory + "/api/intune-device.md") == nil)
        #expect(
            configuration.lint.severity(for: status, in: configuration.directory + "/api/intune-device.md") == .warning)
        #expect(configuration.lint.severity(for: status, in: configuration.directory + "/api/widget.md") == .error)
    }

    @Test(arguments: [
        ("version: 1\nrulez: {}\n", 2, 1, "unknown key 'rulez'; did you mean 'rules'?"),
        (
            "version: 1\nrules:\n  response-status-mismatc: off\n", 3, 3,
            "unknown rule 'response-status-mismatc'; did you mean 'response-status-mismatch'?"
        ),
        (
            "rules:\n  http-reason-phrase: loud\n", 2, 23,
            "'http-reason-phrase' must be off, note, warning or error, not 'loud'"
        ),
        ("fail-on: sometimes\n", 1, 10, "'fail-on' must be error, warning or never, not 'sometimes'"),
        ("max-warnings: many\n", 1, 15, "'max-warnings' must be a whole number"),
        ("version: 2\n", 1, 10, "configuration version must be 1"),
        (
            "options:\n  unanotated-examples: all\n", 2, 3,
            "unknown key 'unanotated-examples' in 'options'; did you mean 'unannotated-examples'?"
        ),
        ("overrides:\n  - rules: {}\n", 2, 5, "an override needs 'files'"),
        (
            "exclude: [unclosed\n", 2, 1,
            "not valid YAML: while parsing a flow sequence: did not find expected ',' or ']'"
        ),
    ])
    func errorsHaveLines(text: String, line: Int, column: Int, message: String) throws {
        let result = try Self.load(text)
        guard case .failure(let error) = result else { Issue.record("no error for \(text)"); return }
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == column)
    }

    @Test func graphConfigFolderIsRead() throws {
        let result = try Self.load(
            "graph-config: config\n",
            files: [
                "config/schema-config.json": """
                { "schemaConfig": { "baseUrls": ["https://graph.microsoft.com/v1.0", "/v1.0"],
                  "requiredYamlHeaders": ["title", "doc_type"], "treatErrorsAsWarningsWorkloads": ["intune"],
                  "foldersToSkip": ["includes"], "filesToSkip": ["readme.md"] },
                  "schemaDiffConfig": { "dropElementsContaining": ["microsoft.graph.workbookFunctions"] } }
                """,
                "config/link-validation-config.json": "{ \"pathsToIgnore\": [\"/graph\", \"/azure\"] }",
                "config/table-header-config.json": """
                { "tableDefinitions": { "tables": [ { "type": "AuthScopes", "titles": ["Permissions", "Access rights"] } ],
                  "parsingRules": [] } }
                """,
                "config/document-outline.json": """
                { "enumPageType": [ { "condition": "OR", "arguments": [ { "title": "* values", "level": 3, "required": true } ] } ] }
                """,
            ])
        guard case .success(let configuration) = result else { Issue.record("\(result)"); return }
        #expect(configuration.extraction.serviceRoots == ["https://graph.microsoft.com/v1.0"])
        #expect(configuration.lint.options.requiredFrontMatter == ["title", "doc_type"])
        #expect(configuration.lint.options.linkIgnorePrefixes == ["/graph", "/azure"])
        #expect(configuration.extraction.tableHeadings.permissions.contains("Access rights"))
        #expect(configuration.outline[.enumeration]?.map(\.title) == ["* values"])
        #expect(configuration.lint.options.metadataIgnoredTypes == ["microsoft.graph.workbookFunctions"])
        #expect(!configuration.selects(configuration.directory + "/v1.0/includes/a.md"))
        #expect(!configuration.selects(configuration.directory + "/readme.md"))
        let status = try #require(BuiltInRules.rule(withID: "response-status-mismatch")?.description)
        #expect(
            configuration.lint.severity(for: status, in: configuration.directory + "/api/intune-apps.md") == .warning)
    }

    @Test func metadataIsAPathOrAMapOfVersionsRelativeToTheConfiguration() throws {
        guard case .success(let single) = try Self.load("metadata: meta/service.xml\nmetadata-ignore: [widget]\n")
        else { Issue.record("not read"); return }
        #expect(single.metadata == [MetadataSource(path: single.directory + "/meta/service.xml")])
        #expect(single.lint.options.metadataIgnoredTypes == ["widget"])
        guard case .success(let versions) = try Self.load("metadata:\n  v1.0: v1.xml\n  beta: /abs/beta.xml\n")
        else { Issue.record("not read"); return }
        #expect(
            versions.metadata == [
                MetadataSource(version: "v1.0", path: versions.directory + "/v1.xml"),
                MetadataSource(version: "beta", path: "/abs/beta.xml"),
            ])
        guard case .failure(let error) = try Self.load("metadata: [a.xml]\n") else {
            Issue.record("a list is not a metadata setting")
            return
        }
        #expect(error.line == 1)
    }

    @Test func metadataArgumentsNameAVersionOrNot() {
        #expect(MetadataSource(argument: "v1.0=meta/v1.xml") == MetadataSource(version: "v1.0", path: "meta/v1.xml"))
        #expect(MetadataSource(argument: "meta/a=b.xml") == MetadataSource(path: "meta/a=b.xml"))
        #expect(MetadataSource(argument: "service.xml") == MetadataSource(path: "service.xml"))
    }

    @Test func apiDoctorMetadataValidationConfigsAreRead() throws {
        let result = try Self.load(
            "graph-config: config\n",
            files: [
                "config/metadata-validation-config.json": """
                { "metadata-validation-configs": { "modelConfigs": { "validateNamespace": true,
                  "aliasNamespace": "graph" }, "ignorableModels": ["microsoft.graph.gizmo", "doodad"] } }
                """
            ])
        guard case .success(let configuration) = result else { Issue.record("\(result)"); return }
        #expect(configuration.lint.options.metadataIgnoredTypes == ["microsoft.graph.gizmo", "doodad"])
    }

    @Test func configurationIsFoundByWalkingUp() throws {
        guard case .success(let configuration) = try Self.load("fail-on: never\n", files: ["docs/api/a.md": "# a\n"])
        else {
            Issue.record("no configuration")
            return
        }
        let found = SpecmarkConfiguration.locate(startingAt: configuration.directory + "/docs/api/a.md")
        #expect(found == configuration.directory + "/.specmark.yml")
    }

    @Test(arguments: [
        ("**/intune-*.md", "v1.0/api/intune-device.md", true),
        ("intune-*.md", "v1.0/api/intune-device.md", true),
        ("api/*.md", "api/a.md", true),
        ("api/*.md", "api/sub/a.md", false),
        ("api/**", "api/sub/a.md", true),
        ("api", "api/sub/a.md", true),
        ("**/includes/**", "v1.0/includes/a.md", true),
        ("**/includes/**", "v1.0/api/a.md", false),
        ("v?.0/**", "v1.0/a.md", true),
    ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }
}
