import Foundation
import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

@Suite struct PageExtractorTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func page(_ name: String) throws -> PageContract {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        return PageExtractor().extract(MarkdownDocument.parse(text, path: name), file: name)
    }

    @Test func declaredPathsPermissionsTablesAndResponse() throws {
        let page = try page("method-page.md")
        #expect(page.kind == .method && !page.kindIsInferred)
        #expect(page.title == "Get widget")
        let method = try #require(page.method)
        #expect(
            method.declaredPaths.map { "\($0.method) \($0.template.path)" } == [
                "GET /widgets/{id}", "GET /me/widgets/{id}",
            ])
        #expect(method.declaredPaths.first?.range == SourceRange(25, 1, 25, 17))
        let rows = method.permissions.tables.flatMap(\.rows)
        #expect(rows.map(\.kind) == [.delegatedWork, .delegatedPersonal, .application, .delegatedWork, .application])
        #expect(rows.map(\.labelIsExact) == [true, false, true, true, true])
        #expect(rows[0].permissions.map(\.name) == ["Widget.Read", "Widget.ReadWrite.All"])
        #expect(rows[0].permissions[1].range == SourceRange(12, 50, 12, 69))
        #expect(rows[1].notSupportedSpelling == "Not Supported")
        #expect(rows[3].permissions.map(\.name) == ["Widget.Read.Shared"])
        #expect(method.permissions.tables.map(\.heading) == ["Permissions", "Permissions"])
        let query = try #require(method.tables(.queryParameters).first)
        #expect(query.parameters.map(\.name) == ["$select"])
        #expect(query.parameters.first?.isRequired == false)
        let headers = try #require(method.tables(.requestHeaders).first)
        #expect(headers.parameters.map(\.name) == ["Authorization", "ConsistencyLevel"])
        #expect(headers.parameters.map(\.isRequired) == [true, nil])
        let response = try #require(method.response)
        #expect(response.statuses.map(\.code) == [200, 202])
        #expect(response.statuses.map(\.reason) == ["OK", "Accepted"])
        #expect(response.statuses.map(\.range) == [SourceRange(44, 39, 44, 44), SourceRange(45, 12, 45, 14)])
        #expect(response.linkedTypes.map(\.text) == ["widget"])
        #expect(response.promisesBody && !response.promisesNoBody)
    }

    @Test func examplesAreRecognisedAndPaired() throws {
        let page = try page("method-page.md")
        #expect(page.requests.map { $0.name ?? "-" } == ["get_widget", "-", "named_one", "named_two", "-"])
        #expect(page.requests.map(\.origin) == [.annotated, .inferred, .annotated, .annotated, .inferred])
        #expect(page.requests.map(\.hasUnreadableAnnotation) == [false, false, false, false, true])
        #expect(page.requests[0].language == "msgraph-interactive")
        #expect(page.requests[0].url?.template.path == "/widgets/1")
        #expect(page.responses.map(\.status) == [200, 202, 200, 200])
        #expect(page.responses[0].json?.value != nil)
        #expect(page.pairs.map { [$0.request, $0.response] } == [[0, 0], [1, 1], [2, 3], [3, 2]])
        #expect(page.pairs.map(\.pairedBy) == [.adjacency, .adjacency, .name, .name])
        #expect(page.tabMarkers.map(\.tabID) == ["http", "csharp"])
        #expect(page.includes.map(\.path) == ["../includes/get-widget-csharp.md"])
        let rules = page.issues.map { "\($0.ruleID)@\($0.location.range.start)" }
        #expect(rules == ["annotation-orphaned@103:1", "annotation-invalid-json@106:31"])
    }

    @Test func annotationsInsideListItemsBind() throws {
        let text = """
            # Steps

            1. Send it:
               <!-- { "blockType": "request", "name": "in_list" } -->
               ```http
               POST /widgets
               Content-Type: application/json

               { "a": 1, }
               ```
            """
        let page = PageExtractor().extract(MarkdownDocument.parse(text, path: "list.md"), file: "list.md")
        #expect(page.requests.map(\.name) == ["in_list"])
        #expect(page.requests.first?.message.requestLine?.range == SourceRange(6, 4, 6, 16))
        #expect(page.issues.map(\.ruleID) == ["body-tolerant-json"])
        #expect(page.issues.first?.location.range.start == SourcePosition(line: 9, column: 12))
    }

    private func extract(_ text: String) -> PageContract {
        PageExtractor().extract(MarkdownDocument.parse(text, path: "x.md"), file: "x.md")
    }

    /// A bare ```json block right after a request that nothing else answers is its response: the block is the
    /// body, and there is no status line.
    @Test func aBareJSONBlockAfterARequestIsItsResponse() throws {
        let page = extract(
            """
            ## Example
            <!-- { "blockType": "request", "name": "get_widget" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/1
            ```
            ```json
            { "id": "1" }
            ```
            ## Notes
            ```json
            { "id": "2" }
            ```
            """)
        #expect(page.responses.count == 1)
        let response = try #require(page.response(pairedWith: 0))
        #expect(response.origin == .bareJSON)
        #expect(response.status == nil)
        #expect(response.json?.value?["id"]?.string == "1")
        #expect(response.range.start.line == 6)
    }

    /// A response naming several requests answers each; an ignored request between a request and its response is
    /// another form of the request.
    @Test func namesAndIgnoredRequestsPairAsApiDoctorPairsThem() {
        let page = extract(
            """
            <!-- { "blockType": "request", "name": "a" } -->
            ```http
            GET /a
            ```
            <!-- { "blockType": "request", "name": "b" } -->
            ```http
            GET /b
            ```
            <!-- { "blockType": "response", "name": ["a", "b"] } -->
            ```http
            HTTP/1.1 200 OK
            ```
            <!-- { "blockType": "request", "name": "c" } -->
            ```http
            GET /c
            ```
            <!-- { "blockType": "ignored" } -->
            ```http
            GET /c2
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            ```
            """)
        #expect(page.pairs.map { "\($0.request)-\($0.response)" }.sorted() == ["0-0", "1-0", "2-1"])
    }

    /// An unannotated error block outside the examples, or in a section about errors, illustrates an error and is
    /// no response example.
    @Test func errorIllustrationsAreNotResponses() {
        let page = extract(
            """
            ## Example
            <!-- { "blockType": "request", "name": "a" } -->
            ```http
            POST /a
            ```
            ```http
            HTTP/1.1 201 Created
            ```
            ### Errors
            ```http
            HTTP/1.1 400 Bad Request
            ```
            ## Handling conflicts
            ```http
            HTTP/1.1 409 Conflict
            Content-Type: application/json

            { "error": { "code": "nameTaken", } }
            ```
            ## Example 2: A name with errors
            <!-- { "blockType": "request", "name": "b" } -->
            ```http
            POST /a
            ```
            ```http
            HTTP/1.1 422 Unprocessable Entity
            ```
            """)
        #expect(page.responses.map(\.status) == [201, 422])
        // Its body is still read: a broken body is broken anywhere.
        #expect(page.issues.map(\.kind) == [.bodyTolerantJSON])
    }

    @Test func kindIsInferredWithoutDocType() {
        let page = PageExtractor().extract(
            MarkdownDocument.parse("# x\n\n## HTTP request\n\n```http\nGET /a\n```\n", path: "x.md"), file: "x.md")
        #expect(page.kind == .method && page.kindIsInferred)
        #expect(page.requests.isEmpty)
        #expect(page.method?.declaredPaths.map(\.template.path) == ["/a"])
    }

    /// Tables of values under Properties (a property's allowed values, a colour map, a "Property Type | Remarks"
    /// note) explain properties and define none; a table with a name or type column does.
    @Test func onlyTablesWithANameOrTypeColumnDefineProperties() throws {
        let text = """
            ## Properties
            | Property | Type | Description |
            |:--|:--|:--|
            | color | categoryColor | A preset. |

            | Pre-set constant | Color mapped to in Outlook |
            |:--|:--|
            | Preset0 | Red |

            | Property Type | Remarks |
            |:--|:--|
            | Binary | 256 bytes maximum. |

            ### Legal age
            #### ageGroup values
            | Member | Description |
            |:--|:--|
            | minor | Under age. |

            | Value | Description |
            |:--|:--|
            | default | Sorted by default. |

            | Setting | Type | Description |
            |:--|:--|:--|
            | size | Int32 | A second table of properties, named by its type column. |

            ## Relationships
            | Relationship | Type | Description |
            |:--|:--|:--|
            | owner | user | Who owns it. |

            | Member | Description |
            |:--|:--|
            | none | Nobody. |

            ## JSON representation
            <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.outlookCategory" } -->
            ```json
            { "color": "String", "size": 1 }
            ```
            """
        let page = PageExtractor().extract(MarkdownDocument.parse(text, path: "x.md"), file: "x.md")
        let resource = try #require(page.resources.first)
        #expect(resource.properties.map(\.name) == ["color", "size"])
        #expect(resource.properties.map(\.range.start.line) == [4, 26])
        #expect(resource.relationships.map(\.name) == ["owner"])
    }

    /// Workload sub-rows (`&nbsp; **Widget management** | …`) belong to the Delegated or Application row above them;
    /// they are no rows of their own.
    @Test func permissionSubRowsBelongToTheirKind() throws {
        let text = """
            ## Permissions
            |Permission type|Permissions (from least to most privileged)|
            |:---|:---|
            |Delegated (work or school account)||
            | &nbsp; &nbsp; **Widget management** | Widget.Read.All, Widget.ReadWrite.All |
            | &nbsp; &nbsp; **Enrolment** | WidgetEnrolment.ReadWrite.All |
            |Delegated (personal Microsoft account)|Not supported.|
            |Application||
            |**Widget management**|Widget.ReadWrite.All|

            ## HTTP request
            ```http
            GET /widgets/{id}
            ```
            """
        let page = PageExtractor().extract(MarkdownDocument.parse(text, path: "x.md"), file: "x.md")
        let rows = try #require(page.method?.permissions.tables.first?.rows)
        #expect(rows.map(\.kind) == [.delegatedWork, .delegatedPersonal, .application])
        #expect(
            rows[0].permissions.map(\.name) == [
                "Widget.Read.All", "Widget.ReadWrite.All", "WidgetEnrolment.ReadWrite.All",
            ])
        #expect(rows[0].scopes.map(\.name) == ["Widget management", "Enrolment"])
        #expect(rows[0].scopes[1].permissions.map(\.range) == [SourceRange(6, 33, 6, 61)])
        #expect(rows[2].scopes.map(\.name) == ["Widget management"])
        #expect(rows[2].permissions.map(\.name) == ["Widget.ReadWrite.All"])
    }

    /// A bold row with its other cells empty (`|**Auditing**|`) groups the rows below it and defines nothing.
    @Test func groupRowsDefineNoProperty() throws {
        let text = """
            ## Properties
            | Property | Type | Description |
            |:--|:--|:--|
            |**Identity**|
            | id | String | The identifier. |
            |**Auditing**| | |
            | createdBy | String | Who made it. |

            ## JSON representation
            <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
            ```json
            { "id": "String", "createdBy": "String" }
            ```
            """
        let document = MarkdownDocument.parse(text, path: "x.md")
        #expect(document.problems.isEmpty)
        let page = PageExtractor().extract(document, file: "x.md")
        #expect(page.resources.first?.properties.map(\.name) == ["id", "createdBy"])
        let method = PageExtractor().extract(
            MarkdownDocument.parse(
                """
                ## HTTP request
                ```http
                PATCH /widgets/{id}
                ```
                ## Request body
                | Property | Type | Description |
                |:--|:--|:--|
                |**Display**|
                | displayName | String | The name shown. |
                |**Auditing**| | |
                | reviewedBy | String | Who reviewed it. |
                """, path: "y.md"),
            file: "y.md")
        let table = try #require(method.method?.tables(.requestBody).first)
        #expect(table.parameters.map(\.name) == ["displayName", "reviewedBy"])
        #expect(table.parameters.map(\.group) == ["Display", "Auditing"])
    }

    @Test func apiVersionComesFromTheFolder() {
        #expect(Extraction.apiVersion(of: "docs/api-reference/v1.0/api/user-get.md") == "v1.0")
        #expect(Extraction.apiVersion(of: "docs/api-reference/beta/api/user-get.md") == "beta")
        #expect(Extraction.apiVersion(of: "docs/user-get.md") == nil)
    }

    @Test func apiVersionIsTheLastVersionFolderWhateverThePathShape() {
        #expect(Extraction.apiVersion(of: "/abs/beta/x/v1.0/api/a.md") == "v1.0")
        #expect(Extraction.apiVersion(of: "v1.0") == "v1.0")
        #expect(Extraction.apiVersion(of: "beta/a.md") == "beta")
        #expect(Extraction.apiVersion(of: "v1.0x/a.md") == nil)
        #expect(Extraction.apiVersion(of: "/") == nil)
        #expect(Extraction.apiVersion(of: "") == nil)
    }

    @Test(arguments: [
        ("Example", true), ("examples", true), ("  EXAMPLES ", true), ("Example 2: Get a user", true),
        ("Example: with a filter", true), ("Examplesx", false), ("Example2", false), ("Exampl", false),
        ("Request examples", false), ("", false),
    ])
    func examplesTitlesAreRecognised(title: String, isExamples: Bool) {
        #expect(Extraction.isExamplesTitle(title) == isExamples)
    }

    @Test func theFirstNonBlankLineIsFoundWithoutSplittingTheBlock() {
        #expect(Extraction.firstNonBlankLine("\n  \t\n  GET /me  \nHost: x") == "GET /me")
        #expect(Extraction.firstNonBlankLine("\r\nPOST /users\r\n") == "POST /users")
        #expect(Extraction.firstNonBlankLine(" \n\n") == "")
        #expect(Extraction.firstNonBlankLine("") == "")
    }
}
