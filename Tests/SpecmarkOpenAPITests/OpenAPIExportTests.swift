import Foundation
import Logging
import OpenAPIKit
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata
import Testing
import Yams

@testable import SpecmarkOpenAPI

/// The export of a small doc set written for these tests, and of docs-samples against golden files.
@Suite struct OpenAPIExportTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    static let getPage = """
        ---
        title: "Get widget"
        description: "Front matter words."
        doc_type: apiPageType
        ---

        # Get widget

        Namespace: microsoft.graph

        Read one [widget](../resources/widget.md) by its **id**.

        ## Permissions
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|Widget.Read, Widget.ReadWrite|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application|Widget.Read.All|

        ## HTTP request
        <!-- { "blockType": "ignored" } -->
        ```http
        GET /widgets/{id}
        GET /me/folders/{id}/.../widgets
        ```

        ## Optional query parameters
        This method supports the `$select` query parameter.

        ## Request headers
        |Name|Description|
        |:---|:---|
        |Authorization|Bearer {token}. Required.|
        |Prefer|return=minimal. Optional.|

        ## Response
        If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.

        ## Examples
        ### Request
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/42
        ```

        ### Response
        <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        { "id": "42", "name": "<script>alert(1)</script>", "size": 3, "parts": ["a", ...] }
        ```

        The following response is what a missing widget gets.
        ```http
        HTTP/1.1 404 Not Found
        Content-Type: application/json

        { "error": { "code": "NotFound", "message": "no such widget" } }
        ```

        """

    static let duplicatePage = """
        ---
        title: "Get a widget again"
        doc_type: apiPageType
        ---

        # Get a widget again

        ## HTTP request
        ```http
        GET /widgets/{widget-id}
        ```

        ## Response
        If successful, this method returns a `200 OK` response code.

        """

    static let postPage = """
        ---
        title: "Create widget"
        doc_type: apiPageType
        ---

        # Create widget

        ## HTTP request
        ```http
        POST /widgets
        ```

        ## Request body
        |Property|Type|Description|
        |:---|:---|:---|
        |name|String|The name. Required.|
        |size|Int32|How big.|

        ## Response
        If successful, this method returns a `201 Created` response code.

        """

    static let entityPage = """
        ---
        title: "entity resource type"
        doc_type: resourcePageType
        ---

        # entity resource type

        The base of every entity.

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The key. Read-only.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id" } -->
        ```json
        { "id": "String" }
        ```

        """

    static let widgetPage = """
        ---
        title: "widget resource type"
        doc_type: resourcePageType
        ---

        # widget resource type

        A thing on a shelf.

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |name|String|The name. Nullable.|
        |size|Int32|How big. Read-only.|
        |kind|widgetKind|What it is.|
        |createdDateTime|DateTimeOffset|When it was made.|
        |parts|String collection|Its parts.|

        ### widgetKind values
        |Member|Description|
        |:---|:---|
        |gear|A gear.|
        |lever|A lever.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget", "baseType": "microsoft.graph.entity", "openType": true } -->
        ```json
        { "name": "String", "size": 1024, "kind": "String", "createdDateTime": "String (timestamp)", "parts": ["String"] }
        ```

        """

    static func docs() -> DocSet {
        let files = [
            ("v1.0/api/widget-get.md", getPage), ("v1.0/api/widget-get-again.md", duplicatePage),
            ("v1.0/api/widget-post.md", postPage), ("v1.0/resources/entity.md", entityPage),
            ("v1.0/resources/widget.md", widgetPage),
        ]
        let pages = files.map { file, text in
            PageExtractor().extract(MarkdownDocument.parse(text, path: file), file: file)
        }
        return DocSet(pages: pages)
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    static func json(_ export: OpenAPIExport) throws -> [String: Any] {
        let text = try export.encoded(as: .json)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The value at a path of keys and indexes.
    static func value(_ root: Any?, _ path: Any...) -> Any? {
        var current = root
        for step in path {
            if let key = step as? String { current = (current as? [String: Any])?[key] }
            if let index = step as? Int {
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }

    @Test func anOperationCarriesWhatItsPageSays() throws {
        let export = OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t"))
        #expect(export.validationErrors() == [])
        let document = try Self.json(export)
        #expect(document["openapi"] as? String == "3.1.1")
        let operation = Self.value(document, "paths", "/widgets/{widget-id}", "get")
        #expect(Self.value(operation, "operationId") as? String == "widget-get")
        #expect(Self.value(operation, "summary") as? String == "Get widget")
        #expect(Self.value(operation, "description") as? String == "Read one widget by its id.")
        #expect(Self.value(operation, "tags") as? [String] == ["widget"])
        #expect(Self.value(operation, "externalDocs", "url") as? String == "v1.0/api/widget-get.md")
        #expect(
            Self.value(operation, "x-specmark-source") as? String
                == "v1.0/api/widget-get.md:\(Self.line(of: "GET /widgets/{id}", in: Self.getPage))")
        // The path key, the OData option the page names, and its one header (Authorization is the security's).
        #expect(Self.value(operation, "parameters", 0, "name") as? String == "widget-id")
        #expect(Self.value(operation, "parameters", 0, "in") as? String == "path")
        #expect(Self.value(operation, "parameters", 0, "required") as? Bool == true)
        #expect(Self.value(operation, "parameters", 0, "x-specmark-placeholder") as? String == "id")
        #expect(Self.value(operation, "parameters", 1, "$ref") as? String == "#/components/parameters/select")
        #expect(Self.value(operation, "parameters", 2, "name") as? String == "Prefer")
        #expect(Self.value(operation, "parameters", 2, "in") as? String == "header")
        #expect((Self.value(operation, "parameters") as? [Any])?.count == 3)
        #expect(Self.value(document, "components", "parameters", "select", "name") as? String == "$select")
    }

    @Test func responsesHaveTheirTypeTheirExamplesAndTheErrorShape() throws {
        let document = try Self.json(OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t")))
        let responses = Self.value(document, "paths", "/widgets/{widget-id}", "get", "responses")
        let ok = Self.value(responses, "200", "content", "application/json")
        #expect(Self.value(ok, "schema", "$ref") as? String == "#/components/schemas/microsoft.graph.widget")
        // The example is the documented body, strict: the ellipsis is left out, the page's text kept as text.
        let example = Self.value(ok, "examples", "get_widget")
        #expect(Self.value(example, "value", "name") as? String == "<script>alert(1)</script>")
        #expect(Self.value(example, "value", "parts") as? [String] == ["a"])
        #expect(
            Self.value(example, "x-specmark-source") as? String
                == "v1.0/api/widget-get.md:\(Self.line(of: "HTTP/1.1 200 OK", in: Self.getPage) - 1)")
        #expect(Self.value(responses, "200", "description") as? String == "OK")
        let missing = Self.value(responses, "404", "content", "application/json")
        #expect(Self.value(missing, "schema", "$ref") as? String == "#/components/schemas/ODataError")
        #expect(Self.value(missing, "examples", "get_widget", "value", "error", "code") as? String == "NotFound")
        #expect(Self.value(document, "components", "schemas", "ODataError", "required") as? [String] == ["error"])
        // 201 with no example and no type the docs give: a description only.
        let created = Self.value(document, "paths", "/widgets", "post", "responses", "201")
        #expect(Self.value(created, "description") as? String == "Created")
        #expect(Self.value(created, "content") == nil)
    }

    @Test func securityComesFromThePermissionsTable() throws {
        let document = try Self.json(OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t")))
        let operation = Self.value(document, "paths", "/widgets/{widget-id}", "get")
        let security = try #require(Self.value(operation, "security") as? [[String: [String]]])
        #expect(
            security == [
                ["delegatedWork": ["Widget.Read"]], ["delegatedWork": ["Widget.ReadWrite"]],
                ["application": ["Widget.Read.All"]],
            ])
        let permissions = Self.value(operation, "x-specmark-permissions")
        #expect(Self.value(permissions, "delegatedWork") as? [String] == ["Widget.Read", "Widget.ReadWrite"])
        #expect(Self.value(permissions, "delegatedPersonal") as? String == "not supported")
        let schemes = Self.value(document, "components", "securitySchemes")
        #expect(
            Self.value(schemes, "delegatedWork", "flows", "authorizationCode", "scopes") as? [String: String]
                == ["Widget.Read": "", "Widget.ReadWrite": ""])
        #expect(
            Self.value(schemes, "application", "flows", "clientCredentials", "tokenUrl") as? String
                == "https://login.microsoftonline.com/organizations/oauth2/v2.0/token")
        #expect(Self.value(schemes, "delegatedPersonal") == nil)
        // A page without a Permissions table says nothing about security.
        #expect(Self.value(document, "paths", "/widgets", "post", "security") == nil)
    }

    static let conditionalPage = """
        ---
        title: "List shelf widgets"
        doc_type: apiPageType
        ---

        # List shelf widgets

        ## Permissions
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|Shelf.Read.All and Widget.Read, Directory.Read.All|
        |Application|Shelf.Read.All and Widget.Read|

        ## HTTP request
        ```http
        GET /bins/{id}/widgets
        GET /me/shelf/widgets
        ```

        ## Examples
        ### Request
        <!-- { "blockType": "request", "name": "list_shelf_widgets" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/bins/7/widgets
        ```

        ### Response
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        { "value": [] }
        ```

        """

    static let twoTablePage = """
        ---
        title: "Delete shelf"
        doc_type: apiPageType
        ---

        # Delete shelf

        ## Permissions
        ### Acting on your own shelf
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|Shelf.ReadWrite|

        ### Acting on another user's shelf
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|Shelf.ReadWrite.All|

        ## HTTP request
        ```http
        DELETE /bins/{id}
        ```

        ## Response
        If successful, this method returns a `204 No Content` response code.

        """

    @Test func permissionsJoinedByAndAreOneRequirementAndConditionalTablesNone() throws {
        let pages = [
            ("v1.0/api/shelf-list-widgets.md", Self.conditionalPage), ("v1.0/api/shelf-delete.md", Self.twoTablePage),
        ]
        .map { file, text in PageExtractor().extract(MarkdownDocument.parse(text, path: file), file: file) }
        let document = try Self.json(OpenAPIExport(docs: DocSet(pages: pages), logger: Logger(label: "t")))
        let list = Self.value(document, "paths", "/bins/{bin-id}/widgets", "get")
        #expect(
            Self.value(list, "security") as? [[String: [String]]] == [
                ["delegatedWork": ["Shelf.Read.All", "Widget.Read"]], ["delegatedWork": ["Directory.Read.All"]],
                ["application": ["Shelf.Read.All", "Widget.Read"]],
            ])
        #expect(
            Self.value(list, "x-specmark-permissions", "delegatedWork") as? [String] == [
                "Shelf.Read.All and Widget.Read", "Directory.Read.All",
            ])
        // The second path shows no example of its own: the example of the page's other path says what it answers.
        #expect(Self.value(list, "responses", "200", "content", "application/json", "examples") != nil)
        let sibling = Self.value(document, "paths", "/me/shelf/widgets", "get", "responses")
        #expect((sibling as? [String: Any])?.keys.sorted() == ["200"])
        #expect(Self.value(sibling, "200", "content") == nil)
        // Which of two tables applies depends on whose shelf it is, which OpenAPI cannot say: no security, the
        // tables in the extension.
        let delete = Self.value(document, "paths", "/bins/{bin-id}", "delete")
        #expect(Self.value(delete, "security") == nil)
        #expect((Self.value(delete, "x-specmark-permissions", "tables") as? [Any])?.count == 2)
        #expect(
            Self.value(delete, "x-specmark-permissions", "tables", 1, "delegatedWork") as? [String] == [
                "Shelf.ReadWrite.All"
            ])
    }

    @Test func schemasComeFromTheResourcePages() throws {
        let document = try Self.json(OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t")))
        let widget = Self.value(document, "components", "schemas", "microsoft.graph.widget")
        #expect(Self.value(widget, "allOf", 0, "$ref") as? String == "#/components/schemas/microsoft.graph.entity")
        #expect(Self.value(widget, "x-ms-open-type") as? Bool == true)
        #expect(Self.value(widget, "description") as? String == "A thing on a shelf.")
        #expect(
            Self.value(widget, "x-specmark-source") as? String
                == "v1.0/resources/widget.md:\(Self.line(of: "blockType", in: Self.widgetPage))")
        let properties = Self.value(widget, "allOf", 1, "properties")
        #expect(Self.value(widget, "allOf", 1, "additionalProperties") as? Bool == true)
        #expect(Self.value(properties, "name", "type") as? [String] == ["string", "null"])
        // OData's default: what no page says is not nullable may be null.
        #expect(Self.value(properties, "size", "type") as? [String] == ["integer", "null"])
        #expect(Self.value(properties, "size", "format") as? String == "int32")
        #expect(Self.value(properties, "size", "readOnly") as? Bool == true)
        #expect(Self.value(properties, "createdDateTime", "format") as? String == "date-time")
        #expect(Self.value(properties, "parts", "items", "type") as? String == "string")
        #expect(Self.value(properties, "kind", "anyOf", 0, "$ref") as? String == "#/components/schemas/widgetKind")
        #expect(Self.value(properties, "kind", "anyOf", 1, "type") as? String == "null")
        #expect(
            Self.value(properties, "size", "x-specmark-source") as? String
                == "v1.0/resources/widget.md:\(Self.line(of: "|size|", in: Self.widgetPage))")
        #expect(Self.value(document, "components", "schemas", "widgetKind", "enum") as? [String] == ["gear", "lever"])
        // No page says a property is required, so no schema lists one.
        #expect(Self.value(widget, "allOf", 1, "required") == nil)
        // The request body table: its required row is required.
        let body = Self.value(
            document, "paths", "/widgets", "post", "requestBody", "content", "application/json", "schema")
        #expect(Self.value(body, "required") as? [String] == ["name"])
        #expect(Self.value(body, "properties", "size", "format") as? String == "int32")
    }

    @Test func whatCannotBeExportedIsAFindingAtItsLine() throws {
        let export = OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t"))
        let findings = export.diagnostics.map { "\($0.ruleID) \($0.location) \($0.severity)" }
        let repetition = Self.line(of: "GET /me/folders", in: Self.getPage)
        let duplicate = Self.line(of: "GET /widgets/{widget-id}", in: Self.duplicatePage)
        #expect(
            findings == [
                "openapi-operation-duplicate v1.0/api/widget-get-again.md:\(duplicate):5 note",
                "openapi-path-unexportable v1.0/api/widget-get.md:\(repetition):5 warning",
            ])
        #expect(export.diagnostics[1].message.contains("/me/folders/{id}/.../widgets"))
        #expect(
            export.diagnostics[0].notes.first?.location?.description
                == "v1.0/api/widget-get.md:\(Self.line(of: "GET /widgets/{id}", in: Self.getPage)):5")
        #expect(export.statistics.declaredPaths == 4)
        #expect(export.statistics.exportedDeclaredPaths == 3)
        #expect(export.statistics.duplicateDeclarations == 1)
        #expect(export.statistics.leftOut == ["path OpenAPI cannot express": 1])
        #expect(export.statistics.operations == 2)
    }

    @Test func theYAMLFormIsTheSameDocument() throws {
        let export = OpenAPIExport(docs: Self.docs(), logger: Logger(label: "t"))
        let yaml = try export.encoded(as: .yaml)
        #expect(yaml.contains("openapi: 3.1.1"))
        // A status code is a string key, not a number.
        #expect(yaml.contains("'200':"))
        #expect(yaml.contains("'404':"))
        let tree = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let responses = Self.value(tree, "paths", "/widgets/{widget-id}", "get", "responses") as? [String: Any]
        #expect(responses?.keys.sorted() == ["200", "404"])
        let decoded = try YAMLDecoder().decode(OpenAPI.Document.self, from: yaml)
        #expect(decoded.paths.count == export.document.paths.count)
        #expect(decoded.components.schemas.count == export.document.components.schemas.count)
    }

    // MARK: - docs-samples

    static func samplesExport(metadata: Bool) async throws -> OpenAPIExport {
        let root = samples.path
        var docs = try await DocSet.load(
            [root], logger: Logger(label: "t"),
            display: { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 },
            select: { !$0.hasSuffix("README.md") && !$0.hasPrefix("defects/") })
        if metadata {
            var catalog = try MetadataCatalog.load([MetadataSource(path: root + "/metadata/sensors-v1.0.csdl.xml")])
            catalog = MetadataCatalog(
                catalog.entries.map { entry in
                    var entry = entry
                    entry.metadata.file = "metadata/sensors-v1.0.csdl.xml"
                    return entry
                })
            docs.apply(catalog)
        }
        return OpenAPIExport(docs: docs, options: OpenAPIExportOptions(apiVersion: "v1.0"), logger: Logger(label: "t"))
    }

    @Test(arguments: [false, true]) func docsSamplesMatchTheirGoldenDocument(metadata: Bool) async throws {
        let export = try await Self.samplesExport(metadata: metadata)
        #expect(export.validationErrors() == [])
        #expect(export.diagnostics.isEmpty)
        let text = try export.encoded(as: .json)
        try GoldenFile.check(text, against: metadata ? "samples-metadata.openapi.json" : "samples.openapi.json")
        // What we wrote, OpenAPIKit reads back and finds valid.
        let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(text.utf8))
        try decoded.validate()
        #expect(decoded.paths.count == 3)
        #expect(decoded.allOperationIds.count == 6)
    }

    @Test func withMetadataTheTypesAreTheServicesAndTheDocsDescribeThem() async throws {
        let document = try Self.json(try await Self.samplesExport(metadata: true))
        let device = Self.value(
            document, "components", "schemas", "microsoft.graph.sensorDevice", "allOf", 1, "properties")
        // The metadata's nullability, the docs' description and the row it came from.
        #expect(Self.value(device, "model", "type") as? [String] == ["string", "null"])
        #expect(
            Self.value(device, "model", "description") as? String
                == "Manufacturer model name. Required when the device is created.")
        #expect(Self.value(device, "model", "x-specmark-source") as? String == "v1.0/resources/sensordevice.md:38")
        // The action's body from its parameters.
        let quarantine = Self.value(
            document, "paths", "/sensors/{sensor-id}/quarantine", "post", "requestBody", "content", "application/json",
            "schema")
        #expect(Self.value(quarantine, "properties", "reason", "type") != nil)
    }
}
