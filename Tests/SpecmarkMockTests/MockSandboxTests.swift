import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata
import Testing

@testable import SpecmarkMock

/// The mock as typed clients meet it: the example that fits the request, declared templates answered, strict and
/// type-correct JSON, redirects that stay on the mock, lenient validation and useful 404s.
@Suite struct MockSandboxTests {
    private static func docs(_ pages: [(String, String)]) -> DocSet {
        DocSet(pages: pages.map { PageExtractor().extract(bytes: Array($0.1.utf8), file: $0.0) })
    }

    private static let gizmoResource = (
        "v1.0/resources/gizmo.md",
        """
        # gizmo resource type
        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
        |createdDateTime|DateTimeOffset|When it was made.|
        |isActive|Boolean|Whether it runs.|
        |size|Int32|Its size.|
        |state|gizmoState|Its state.|
        |tags|String collection|Its tags.|

        ### gizmoState values
        |Member|Description|
        |:---|:---|
        |idle|Not running.|
        |busy|Running.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gizmo" } -->
        ```json
        { "id": "String", "createdDateTime": "String (timestamp)", "isActive": true, "size": 1, "state": "idle",
          "tags": ["String"] }
        ```
        """
    )

    /// A page about `gizmo` and a workload page that also answers `GET /gizmos/{id}`; the workload page sorts
    /// first by name.
    private static func rankingDocs() -> DocSet {
        docs([
            gizmoResource,
            (
                "v1.0/api/fleet-gizmo-get.md",
                """
                ## HTTP request
                ```http
                GET /gizmos/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "fleet_get_gizmo" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/gizmos/{id}
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.fleetGizmo" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": { "id": "fleet" } }
                ```
                """
            ),
            (
                "v1.0/api/gizmo-get.md",
                """
                ## HTTP request
                ```http
                GET /gizmos/{id}
                GET /gizmos/{id}/parts
                ```
                ## Examples
                <!-- { "blockType": "request", "name": "get_gizmo_expanded" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/gizmos/7?$expand=parts&$select=id
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.gizmo" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "expanded" }
                ```
                <!-- { "blockType": "request", "name": "get_gizmo" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/gizmos/7
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.gizmo" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "id": "7",
                  "createdDateTime": "datetime-value",
                  "isActive": "true",
                  "size": "String",
                  "state": "Busy",
                  "tags": "String collection",
                }
                ```
                """
            ),
        ])
    }

    private static func app(_ docs: DocSet, validate: Bool = false, verbatim: Bool = false) -> some ApplicationProtocol
    {
        buildMockApplication(
            docs: docs,
            configuration: MockConfiguration(
                host: "127.0.0.1", port: 0, validateRequests: validate, verbatim: verbatim),
            logger: Logger(label: "mock-test"))
    }

    private static let example = HTTPField.Name("X-Specmark-Example")!
    private static let adjusted = HTTPField.Name("X-Specmark-Adjusted")!

    /// The page about the route's type, and its example without a query, answer a request without one; a
    /// request with the other example's query gets that example.
    @Test func theExampleThatFitsTheRequestAnswers() async throws {
        try await Self.app(Self.rankingDocs()).test(.router) { client in
            try await client.execute(uri: "/v1.0/gizmos/48d3", method: .get) { response in
                #expect(response.headers[Self.example] == "get_gizmo")
            }
            try await client.execute(uri: "/v1.0/gizmos/48d3?$select=id&$expand=parts", method: .get) { response in
                #expect(response.headers[Self.example] == "get_gizmo_expanded")
            }
        }
    }

    /// A declared template no example instantiates is answered by the page's examples.
    @Test func aDeclaredTemplateWithoutAnExampleIsAnsweredByThePagesExamples() async throws {
        let catalog = MockCatalog(docs: Self.rankingDocs())
        let entry = try #require(catalog.entries.first { $0.name == "get_gizmo" })
        #expect(entry.fallbackPaths.map(\.path) == ["/gizmos/{id}/parts"])
        guard
            case .examples(let answers) = catalog.route(
                method: "GET", path: "/v1.0/gizmos/1/parts", query: nil, preferredExample: nil, body: nil)
        else {
            Issue.record("no examples")
            return
        }
        #expect(answers.map { catalog.entries[$0].name } == ["get_gizmo", "get_gizmo_expanded"])
        // Verbatim (the docs checking themselves), a template without an example has no answer.
        let verbatim = MockCatalog(docs: Self.rankingDocs(), verbatim: true)
        guard
            case .notFound = verbatim.route(
                method: "GET", path: "/v1.0/gizmos/1/parts", query: nil, preferredExample: nil, body: nil)
        else {
            Issue.record("verbatim answered a template without an example")
            return
        }
    }

    /// Placeholders and wrongly typed values become values of the declared types, the JSON becomes strict, and
    /// the header names every change.
    @Test func bodiesAreServedStrictAndTypeCorrect() async throws {
        try await Self.app(Self.rankingDocs()).test(.router) { client in
            try await client.execute(uri: "/v1.0/gizmos/7", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(
                    body == """
                        {
                          "id": "7",
                          "createdDateTime": "2026-01-01T09:00:00Z",
                          "isActive": true,
                          "size": 0,
                          "state": "busy",
                          "tags": []
                        }
                        """)
                #expect(
                    response.headers[Self.adjusted]
                        == "json, $.createdDateTime, $.isActive, $.size, $.state, $.tags")
                #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil)
            }
        }
        try await Self.app(Self.rankingDocs(), verbatim: true).test(.router) { client in
            try await client.execute(uri: "/v1.0/gizmos/7", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"datetime-value\""))
                #expect(response.headers[Self.adjusted] == nil)
            }
        }
    }

    /// A documented redirect to another host points at the mock, which answers there with the documented answer
    /// after the redirect (annotated, or `ignored` as on the report pages), or an empty CSV when the page shows
    /// none.
    @Test func redirectsToOtherHostsStayOnTheMock() async throws {
        let docs = Self.docs([
            (
                "v1.0/api/reportroot-getgizmocounts.md",
                """
                ## HTTP request
                ```http
                GET /reports/getGizmoCounts(period='{period_value}')
                GET /reports/getGizmoUsers(period='{period_value}')
                GET /reports/getGizmoDevices(period='{period_value}')
                ```
                ## Examples
                <!-- { "blockType": "request", "name": "get_gizmo_counts" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/reports/getGizmoCounts(period='D7')
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 302 Found
                Location: https://reports.office.example/data/counts.csv
                ```
                Follow the redirect to download the report:
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/octet-stream

                Report Refresh Date,Gizmo Count
                ```
                <!-- { "blockType": "request", "name": "get_gizmo_users" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/reports/getGizmoUsers(period='D7')
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 302 Found
                Location: https://reports.office.example/data/users.csv
                ```
                The download, which tools skip:
                <!-- { "blockType": "ignored" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/octet-stream

                Report Refresh Date,User Name
                ```
                <!-- { "blockType": "request", "name": "get_gizmo_devices" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/reports/getGizmoDevices(period='D7')
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 302 Found
                Location: https://reports.office.example/data/devices.csv
                ```
                """
            )
        ])
        try await Self.app(docs).test(.router) { client in
            let location = try await client.execute(
                uri: "/v1.0/reports/getGizmoCounts(period='D30')", method: .get
            ) { response in
                #expect(response.status == .found)
                #expect(response.headers[Self.adjusted] == "location")
                return response.headers[.location] ?? ""
            }
            // The address the client used (the test client's `localhost`), on the mock's own redirect endpoint.
            #expect(location == "http://localhost/__specmark/redirect/0")
            try await client.execute(uri: "/__specmark/redirect/0", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "Report Refresh Date,Gizmo Count")
            }
            try await client.execute(uri: "/__specmark/redirect/1", method: .get) { response in
                #expect(String(buffer: response.body) == "Report Refresh Date,User Name")
            }
            try await client.execute(uri: "/__specmark/redirect/2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/__specmark/redirect/9", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        // Verbatim, the redirect points where the page says.
        try await Self.app(docs, verbatim: true).test(.router) { client in
            try await client.execute(uri: "/v1.0/reports/getGizmoCounts(period='D7')", method: .get) { response in
                #expect(response.headers[.location] == "https://reports.office.example/data/counts.csv")
            }
        }
    }

    /// A response after an `ignored` request (the report pages' form) answers the page's declared paths, unless
    /// serving verbatim.
    @Test func aResponseToAnIgnoredRequestAnswersTheDeclaredPaths() {
        let docs = Self.docs([
            (
                "v1.0/api/reportroot-getgizmousage.md",
                """
                ## HTTP request
                ```http
                GET /reports/getGizmoUsage(period='{period_value}')
                ```
                ## Example
                <!-- { "blockType": "ignored" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/reports/getGizmoUsage(period='D7')
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 302 Found
                Location: https://reports.office.example/data/usage.csv
                ```
                """
            )
        ])
        let catalog = MockCatalog(docs: docs)
        let route = catalog.route(
            method: "GET", path: "/v1.0/reports/getGizmoUsage(period='D30')", query: nil, preferredExample: nil,
            body: nil)
        guard case .examples(let answers) = route else {
            Issue.record("not answered")
            return
        }
        #expect(answers.map { catalog.entries[$0].name } == ["v1.0/api/reportroot-getgizmousage.md:11"])
        #expect(answers.first.map { catalog.entries[$0].response.status } == 302)
        #expect(MockCatalog(docs: docs, verbatim: true).entries.isEmpty)
    }

    /// With metadata, a declared path no example shows is answered from the metadata's type: an object with its
    /// key from the path, or a page of a collection with `@odata.count` and `@odata.nextLink`; the header and the
    /// coverage report say it was synthesized.
    @Test func declaredPathsWithoutExamplesAreSynthesizedFromTheMetadata() async throws {
        var docs = Self.docs([
            (
                "v1.0/api/gizmo-list.md",
                """
                ## HTTP request
                ```http
                GET /gizmos
                GET /gizmos/{id}
                DELETE /gizmos/{id}
                ```
                """
            )
        ])
        let csdl = """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EnumType Name="gizmoState"><Member Name="idle" Value="0"/><Member Name="busy" Value="1"/></EnumType>
                  <EntityType Name="gizmo">
                    <Key><PropertyRef Name="id"/></Key>
                    <Property Name="id" Type="Edm.String" Nullable="false"/>
                    <Property Name="createdDateTime" Type="Edm.DateTimeOffset"/>
                    <Property Name="state" Type="graph.gizmoState"/>
                    <NavigationProperty Name="parts" Type="Collection(graph.gizmo)"/>
                  </EntityType>
                  <EntityContainer Name="GraphService">
                    <EntitySet Name="gizmos" EntityType="graph.gizmo"/>
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """
        docs.apply(
            MetadataCatalog([.init(version: nil, metadata: try CSDLReader.read(Data(csdl.utf8), file: "g.xml"))]))
        try await Self.app(docs).test(.router) { client in
            try await client.execute(uri: "/v1.0/gizmos?$top=2&$count=true", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.headers[HTTPField.Name("X-Specmark-Synthesized")!] == "Collection(microsoft.graph.gizmo)")
                #expect(response.headers[HTTPField.Name("X-Specmark-Source")!] == "v1.0/api/gizmo-list.md:3")
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["@odata.context"] as? String == "http://localhost/v1.0/$metadata#gizmos")
                #expect(object?["@odata.count"] as? Int == 5)
                #expect(
                    object?["@odata.nextLink"] as? String == "http://localhost/v1.0/gizmos?$count=true&$top=2&$skip=2")
                let items = object?["value"] as? [[String: Any]]
                #expect(items?.count == 2)
                #expect(items?.first?["state"] as? String == "idle")
                #expect(items?.first?["createdDateTime"] as? String == "2026-01-01T09:00:00Z")
                #expect(items?.first?["parts"] == nil)
            }
            try await client.execute(uri: "/v1.0/gizmos/g-17", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["id"] as? String == "g-17")
            }
            try await client.execute(uri: "/v1.0/gizmos/g-17", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/__specmark/coverage", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let routes = object?["synthesized"] as? [[String: Any]]
                #expect(
                    routes?.map { "\($0["method"]!) \($0["path"]!) \($0["hits"]!)" }
                        == ["GET /gizmos 1", "GET /gizmos/{id} 1", "DELETE /gizmos/{id} 1"])
            }
        }
        // Without metadata there is nothing to answer with.
        try await Self.app(Self.docs([("v1.0/api/gizmo-list.md", "## HTTP request\n```http\nGET /gizmos\n```\n")]))
            .test(.router) { client in
                try await client.execute(uri: "/v1.0/gizmos", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
    }

    /// One response that names several requests answers each of them.
    @Test func aResponseNamingSeveralRequestsAnswersEach() {
        let docs = Self.docs([
            (
                "v1.0/api/hub-get.md",
                """
                ## HTTP request
                ```http
                GET /me/hub
                GET /hubs/{id}
                ```
                ## Examples
                <!-- { "blockType": "request", "name": "get_my_hub" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/hub
                ```
                <!-- { "blockType": "request", "name": "get_hub_by_id" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/hubs/4
                ```
                <!-- { "blockType": "response", "name": ["get_my_hub", "get_hub_by_id"] } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "id": "4" }
                ```
                """
            )
        ])
        let catalog = MockCatalog(docs: docs)
        #expect(catalog.entries.map(\.name) == ["get_my_hub", "get_hub_by_id"])
        for path in ["/v1.0/me/hub", "/v1.0/hubs/9"] {
            guard
                case .examples(let answers) = catalog.route(
                    method: "GET", path: path, query: nil, preferredExample: nil, body: nil)
            else {
                Issue.record("\(path) not answered")
                continue
            }
            #expect(answers.first.map { catalog.entries[$0].response.status } == 200)
        }
    }

    /// Validation reads property names without case, and takes the example's own body as documented.
    @Test func validationAcceptsWhatTheDocsSend() async throws {
        let docs = Self.docs([
            (
                "v1.0/api/gizmo-send.md",
                """
                ## HTTP request
                ```http
                POST /gizmos/{id}/send
                ```
                ## Request body
                |Parameter|Type|Description|
                |:---|:---|:---|
                |message|String|What to send.|
                ## Example
                <!-- { "blockType": "request", "name": "send_gizmo" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/gizmos/1/send
                Content-Type: application/json

                { "message": "hi", "saveToSentItems": false }
                ```
                <!-- { "blockType": "response" } -->
                ```http
                HTTP/1.1 202 Accepted
                ```
                """
            )
        ])
        try await Self.app(docs, validate: true).test(.router) { client in
            try await client.execute(
                uri: "/v1.0/gizmos/1/send", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{ "Message": "hi", "SaveToSentItems": true }"#)
            ) { response in
                #expect(response.status == .accepted)
            }
            try await client.execute(
                uri: "/v1.0/gizmos/1/send", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{ "mesage": "hi" }"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("does not document 'mesage'"))
            }
        }
    }

    /// A 404 suggests documented paths that share the request's leading segments or its segment names, never
    /// unrelated ones.
    @Test func notFoundSuggestsPathsThatShareSegments() {
        let catalog = MockCatalog(docs: Self.rankingDocs())
        guard
            case .notFound(let nearest) = catalog.route(
                method: "GET", path: "/v1.0/gizmos/1/parts/2/colour", query: nil, preferredExample: nil, body: nil)
        else {
            Issue.record("the path was found")
            return
        }
        #expect(nearest == ["/gizmos/{id}/parts", "/gizmos/{id}"])
        guard
            case .notFound(let none) = catalog.route(
                method: "GET", path: "/v1.0/planner/tasks", query: nil, preferredExample: nil, body: nil)
        else {
            Issue.record("the path was found")
            return
        }
        #expect(none.isEmpty)
    }
}
