import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SpecmarkContract
import SpecmarkMarkdown
import Synchronization
import Testing

@testable import SpecmarkMock

@Suite struct MockServerTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples/v1.0")

    static func samplesDocSet() async throws -> DocSet {
        try await DocSet.load([samples.path], logger: Logger(label: "t"), display: { $0 })
    }

    /// Pages written for these tests: two examples on one route, a query variant and a request body table.
    static func widgetDocSet() -> DocSet {
        let page = """
            ## HTTP request
            ```http
            GET /widgets/{id}
            POST /widgets
            ```
            ## Request body
            |Property|Type|Description|
            |:---|:---|:---|
            |name|String|The name. Required.|

            ## Examples
            <!-- { "blockType": "request", "name": "get_widget" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/1
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            { "id": "1", "name": "plain" }
            ```
            <!-- { "blockType": "request", "name": "get_widget_select" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/1?$select=name
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            { "name": "selected" }
            ```
            <!-- { "blockType": "request", "name": "get_widget_archived" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/2
            ```
            <!-- { "blockType": "response", "truncated": true } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            { "id": "2", ... }
            ```
            <!-- { "blockType": "request", "name": "create_widget" } -->
            ```http
            POST https://graph.microsoft.com/v1.0/widgets
            Content-Type: application/json

            { "name": "new" }
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 201 Created
            Content-Type: application/json
            Location: https://graph.microsoft.com/v1.0/widgets/3

            { "id": "3", "name": "new" }
            ```
            """
        return DocSet(pages: [PageExtractor().extract(bytes: Array(page.utf8), file: "v1.0/api/widget.md")])
    }

    static func app(
        _ docs: DocSet, validate: Bool = false, maximumBodySize: Int = 1 << 20, coverage: MockCoverage = MockCoverage(),
        verbatim: Bool = false
    )
        -> some ApplicationProtocol
    {
        buildMockApplication(
            docs: docs,
            configuration: MockConfiguration(
                host: "127.0.0.1", port: 0, validateRequests: validate, maximumBodySize: maximumBodySize,
                verbatim: verbatim),
            logger: Logger(label: "mock-test"), coverage: coverage)
    }

    /// `specmark serve` of a folder serves only that folder's examples; the rest of the doc set is context.
    @Test func aCatalogOfSomePagesServesOnlyTheirExamples() async throws {
        let docs = try await Self.samplesDocSet()
        let all = MockCatalog(docs: docs)
        let getPage = try #require(docs.pages.firstIndex { $0.file.hasSuffix("sensordevice-get.md") })
        let some = MockCatalog(docs: docs, pages: [getPage])
        #expect(all.entries.count > some.entries.count)
        #expect(some.entries.map(\.name) == ["get_sensordevice"])
    }

    /// A bare ```json response has no status line: the mock serves it as JSON with the success status the Response
    /// section states.
    @Test func aBareJSONResponseIsServedWithTheStatedStatus() throws {
        let page = """
            ## Response
            If successful, this method returns a `201 Created` response code.
            ## Example
            <!-- { "blockType": "request", "name": "create_widget" } -->
            ```http
            POST https://graph.microsoft.com/v1.0/widgets
            ```
            ```json
            { "id": "1" }
            ```
            """
        let docs = DocSet(pages: [PageExtractor().extract(bytes: Array(page.utf8), file: "v1.0/api/widget-post.md")])
        let entry = try #require(MockCatalog(docs: docs).entries.first)
        #expect(entry.response.status == 201)
        #expect(entry.response.headers.map(\.name) == ["Content-Type"])
        #expect(entry.response.body.map { String(decoding: $0, as: UTF8.self) } == "{ \"id\": \"1\" }")
    }

    @Test func declaredTemplatesAnswerForAnyIdWithTheDocumentedBytes() async throws {
        try await Self.app(Self.widgetDocSet()).test(.router) { client in
            try await client.execute(uri: "/widgets/987", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[HTTPField.Name("X-Specmark-Example")!] == "get_widget")
                #expect(String(buffer: response.body) == "{ \"id\": \"1\", \"name\": \"plain\" }")
            }
            // The example's own path picks the example written for it; a truncated body is served as strict JSON,
            // and the header says the JSON was rewritten.
            try await client.execute(uri: "/v1.0/widgets/2", method: .get) { response in
                #expect(String(buffer: response.body) == "{\n  \"id\": \"2\"\n}")
                #expect(response.headers[HTTPField.Name("X-Specmark-Adjusted")!] == "json")
                #expect(response.headers[HTTPField.Name("X-Specmark-Source")!] == "v1.0/api/widget.md:35")
            }
        }
        // Verbatim, it is served as written.
        try await Self.app(Self.widgetDocSet(), verbatim: true).test(.router) { client in
            try await client.execute(uri: "/v1.0/widgets/2", method: .get) { response in
                #expect(String(buffer: response.body) == "{ \"id\": \"2\", ... }")
                #expect(response.headers[HTTPField.Name("X-Specmark-Adjusted")!] == nil)
            }
        }
    }

    @Test func selectionByPreferThenQueryThenFirst() async throws {
        try await Self.app(Self.widgetDocSet()).test(.router) { client in
            try await client.execute(
                uri: "/widgets/5", method: .get,
                headers: [HTTPField.Name("Prefer")!: "odata.maxpagesize=3, example=get_widget_archived"]
            ) { response in
                #expect(response.headers[HTTPField.Name("X-Specmark-Example")!] == "get_widget_archived")
                #expect(response.headers[HTTPField.Name("Preference-Applied")!] == "example=get_widget_archived")
            }
            try await client.execute(uri: "/widgets/1?$select=name", method: .get) { response in
                #expect(String(buffer: response.body) == "{ \"name\": \"selected\" }")
            }
            // An OData option no example shows falls back to the path match.
            try await client.execute(uri: "/widgets/1?$expand=parts", method: .get) { response in
                #expect(response.headers[HTTPField.Name("X-Specmark-Example")!] == "get_widget")
            }
        }
    }

    @Test func unknownPathsAndWrongMethods() async throws {
        try await Self.app(Self.widgetDocSet()).test(.router) { client in
            try await client.execute(uri: "/gadgets/1", method: .get) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(
                    body.hasPrefix(
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"no documented example answers GET /gadgets/1; the nearest documented paths are /widgets/{id}"
                    ))
            }
            try await client.execute(uri: "/widgets/1", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/widgets", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .created)
                #expect(response.headers[.location] == "https://graph.microsoft.com/v1.0/widgets/3")
            }
        }
    }

    /// A last segment with dots (an extension's name), a function whose parameters a client percent-encodes, and
    /// drive path addressing.
    static func extensionDocSet() -> DocSet {
        func page(_ declared: String, _ name: String, _ request: String, _ body: String) -> String {
            """
            ## HTTP request
            ```http
            \(declared)
            ```
            ## Examples
            <!-- { "blockType": "request", "name": "\(name)" } -->
            ```http
            \(request)
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            \(body)
            ```
            """
        }
        let pages = [
            // The list comes first: with equal scores the first page's example would answer.
            (
                "v1.0/api/extension-list.md",
                page(
                    "GET /users/{id}/extensions", "list_extensions",
                    "GET https://graph.microsoft.com/v1.0/me/extensions", "{ \"value\": [] }")
            ),
            (
                "v1.0/api/extension-get.md",
                page(
                    "GET /users/{id}/extensions/{extensionId}", "get_extension",
                    "GET https://graph.microsoft.com/v1.0/me/extensions/Com.Contoso.Referral",
                    "{ \"id\": \"Com.Contoso.Referral\" }")
            ),
            (
                "v1.0/api/range-resizedrange.md",
                page(
                    "GET /me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})",
                    "resize_range",
                    "GET https://graph.microsoft.com/v1.0/me/drive/items/01/workbook/worksheets/Sheet1/range/resizedRange(deltaRows=1, deltaColumns=2)",
                    "{ \"address\": \"A1:C3\" }")
            ),
            (
                "v1.0/api/driveitem-put-content.md",
                page(
                    "GET /me/drive/items/{parent-id}:/{filename}:/content", "put_by_path",
                    "GET https://graph.microsoft.com/v1.0/me/drive/root:/FolderA/FileB.txt:/content",
                    "{ \"name\": \"FileB.txt\" }")
            ),
        ]
        return DocSet(
            pages: pages.map { file, text in PageExtractor().extract(bytes: Array(text.utf8), file: file) })
    }

    @Test func dottedSegmentsEncodedParametersAndPathAddressingRouteToTheirExamples() async throws {
        let example = HTTPField.Name("X-Specmark-Example")!
        try await Self.app(Self.extensionDocSet()).test(.router) { client in
            // Another extension's name: the get example answers, not the list with the name read as a cast.
            try await client.execute(uri: "/v1.0/me/extensions/Org.Fabrikam.Survey", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[example] == "get_extension")
            }
            try await client.execute(uri: "/v1.0/users/42/extensions", method: .get) { response in
                #expect(response.headers[example] == "list_extensions")
            }
            // A name that reads as a type cast is an extension's name too where a template of that shape exists.
            try await client.execute(uri: "/v1.0/users/42/extensions/microsoft.graph.openTypeExtension", method: .get) {
                response in
                #expect(response.headers[example] == "get_extension")
            }
            // %20 (and no space at all) between function parameters.
            for parameters in [
                "deltaRows=3,%20deltaColumns=4", "deltaRows=3,deltaColumns=4", "deltaRows=3,%20deltaColumns=4%20",
            ] {
                let uri = "/v1.0/me/drive/items/77/workbook/worksheets/Data/range/resizedRange(\(parameters))"
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(parameters)")
                    #expect(response.headers[example] == "resize_range", "\(parameters)")
                }
            }
            // Drive path addressing after the version segment (it was collapsed twice, and every such path was a 404).
            for uri in [
                "/v1.0/me/drive/root:/FolderA/FileB.txt:/content", "/me/drive/root:/FolderA/FileB.txt:/content",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[example] == "put_by_path", "\(uri)")
                }
            }
            // An encoded slash stays inside its segment: no example has that shape.
            try await client.execute(uri: "/v1.0/users/42/extensions%2FOrg.Fabrikam.Survey", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func pathsAreDecodedExceptForTheBytesThatShapeThem() {
        #expect(MockCatalog.decodedPath("/a%20b/c%2Fd/%7Bid%7D/%3F/%zz/%4") == "/a b/c%2Fd/%7Bid%7D/%3F/%zz/%4")
        #expect(MockCatalog.decodedPath("/caf%C3%A9") == "/café")
        #expect(MockCatalog.decodedPath("/plain") == "/plain")
    }

    @Test func bodiesOverTheCapGet413() async throws {
        try await Self.app(Self.widgetDocSet(), maximumBodySize: 16).test(.router) { client in
            let big = ByteBuffer(string: "{\"name\": \"" + String(repeating: "x", count: 64) + "\"}")
            try await client.execute(
                uri: "/widgets", method: .post, headers: [.contentType: "application/json"], body: big
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("RequestEntityTooLarge"))
            }
        }
    }

    @Test func validationRejectsWhatTheDocsWould() async throws {
        try await Self.app(Self.widgetDocSet(), validate: true).test(.router) { client in
            try await client.execute(uri: "/widgets", method: .post, body: ByteBuffer(string: "{\"name\": \"a\"}")) {
                response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the request has a body but no Content-Type header"))
            }
            try await client.execute(
                uri: "/widgets", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"name\": \"a\",}")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(
                    String(buffer: response.body).contains(
                        "the request body is not valid JSON (trailing comma before the closing bracket at 1:13)"))
            }
            try await client.execute(
                uri: "/widgets", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"name\": \"a\", \"colour\": \"red\"}")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the Request body table does not document 'colour'"))
            }
            try await client.execute(
                uri: "/widgets", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(string: "{\"name\": \"a\"}")
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test func theOpenAPIDocumentIsMadeOnceWhenFirstAskedFor() async throws {
        let made = Mutex(0)
        let source = OpenAPIDocumentSource {
            made.withLock { $0 += 1 }
            return "{\"openapi\":\"3.1.1\"}"
        }
        let app = buildMockApplication(
            docs: Self.widgetDocSet(),
            configuration: MockConfiguration(host: "127.0.0.1", port: 0, openAPIDocument: source),
            logger: Logger(label: "mock-test"))
        #expect(made.withLock { $0 } == 0)
        try await app.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/__specmark/openapi.json", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(String(buffer: response.body) == "{\"openapi\":\"3.1.1\"}")
                }
            }
        }
        #expect(made.withLock { $0 } == 1)
        // A server started without one says so.
        try await Self.app(Self.widgetDocSet()).test(.router) { client in
            try await client.execute(uri: "/__specmark/openapi.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func healthAndCoverage() async throws {
        let coverage = MockCoverage()
        try await Self.app(Self.widgetDocSet(), coverage: coverage).test(.router) { client in
            try await client.execute(uri: "/__specmark/health", method: .get) { response in
                #expect(String(buffer: response.body) == "{\"status\":\"ok\",\"examples\":4}")
            }
            try await client.execute(uri: "/widgets/1", method: .get) { _ in }
            try await client.execute(uri: "/widgets/7", method: .get) { _ in }
            try await client.execute(uri: "/__specmark/coverage", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["served"] as? Int == 1)
                #expect(
                    object?["neverHit"] as? [String] == ["get_widget_select", "get_widget_archived", "create_widget"])
            }
        }
        #expect(coverage.counts == ["get_widget": 2])
    }

    @Test func noContentResponsesHaveNoBody() async throws {
        try await Self.app(try await Self.samplesDocSet()).test(.router) { client in
            try await client.execute(uri: "/sensors/any", method: .delete) { response in
                #expect(response.status == .noContent)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func liveServerOnAnEphemeralPort() async throws {
        try await Self.app(try await Self.samplesDocSet()).test(.live) { client in
            try await client.execute(uri: "/v1.0/sensors", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"value\""))
            }
            try await client.execute(uri: "/sensors/6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c/quarantine", method: .post) {
                response in
                #expect(response.status == .noContent)
            }
        }
    }
}
