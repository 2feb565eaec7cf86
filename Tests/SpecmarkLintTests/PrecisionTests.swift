import Logging
import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// Forms of real pages that read as defects to a naive reader, and are not: each test is one such form, with the
/// finding that must not be made (and, where there is one, the finding that must).
@Suite struct PrecisionTests {
    private func lint(_ pages: [(String, String)]) async -> [Diagnostic] {
        await Linter().lint(LinterTests.docs(pages), logger: Logger(label: "t"))
    }

    private static let baseResource = (
        "resources/widgetresource.md",
        """
        # widgetResource resource type
        Namespace: microsoft.graph

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |displayName|String|The name shown.|
        |id|String|The identifier.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetResource" } -->
        ```json
        { "displayName": "String", "id": "String" }
        ```
        """
    )

    /// "A subclass of [x](x.md)" says what "inherits from" says: the subclass has its base type's properties, and
    /// an annotation without `baseType` is the one thing to report.
    @Test func aSubclassInTheProseInheritsItsBaseTypesProperties() async {
        let found = await lint([
            Self.baseResource,
            (
                "resources/widgetlinkresource.md",
                """
                # widgetLinkResource resource type
                Namespace: microsoft.graph

                A subclass of [widgetResource](widgetresource.md).

                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |link|String|Where the link goes.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetLinkResource" } -->
                ```json
                { "link": "String" }
                ```
                """
            ),
            (
                "api/widgetlinkresource-get.md",
                """
                # Get widgetLinkResource
                ## HTTP request
                ```http
                GET /widgets/{id}/link
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_link" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/link
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetLinkResource" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "displayName": "Plan", "id": "1", "link": "https://contoso.example/plan", "lnik": "x" }
                ```
                """
            ),
        ])
        // Inherited properties are declared; a misspelt one is still not.
        let undeclared = found.filter { $0.ruleID == "body-property-undeclared" }
        #expect(undeclared.map(\.location.range.start) == [SourcePosition(line: 16, column: 77)])
        let missing = found.filter { $0.ruleID == "resource-base-type-missing" }
        #expect(missing.map(\.location.file) == ["resources/widgetlinkresource.md"])
        #expect(missing.map(\.location.range.start) == [SourcePosition(line: 12, column: 1)])
    }

    /// A representation that shows the inherited properties with the type's own ("inherits the properties from x
    /// and includes the following additional properties") disagrees with nothing.
    @Test func aRepresentationMayShowInheritedProperties() async {
        let found = await lint([
            Self.baseResource,
            (
                "resources/widgetfileresource.md",
                """
                # widgetFileResource resource type
                Namespace: microsoft.graph

                ## Properties
                The **widgetFileResource** resource inherits the properties from [widgetResource](widgetresource.md), \
                and includes the following additional properties.

                |Property|Type|Description|
                |:---|:---|:---|
                |size|Int64|The size in bytes.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetFileResource",
                       "baseType": "microsoft.graph.widgetResource" } -->
                ```json
                { "displayName": "String", "id": "String", "size": 1024, "colour": "String" }
                ```
                """
            ),
        ])
        let mismatches = found.filter { $0.ruleID == "resource-json-table-mismatch" }
        #expect(
            mismatches.map(\.message) == [
                "property 'colour' of widgetFileResource is in the JSON representation but not in the Properties table"
            ])
        #expect(mismatches.map(\.location.range.start) == [SourcePosition(line: 15, column: 58)])
    }

    /// A sample request in the introduction is not answered by an ignored response in the examples, because an
    /// ignored request comes between them: the sample's optional-part notation is prose, not a wrong path.
    @Test func anIgnoredPairInTheExamplesAnswersNoSampleInTheProse() async {
        let found = await lint([
            (
                "api/sheet-get.md",
                """
                # Get sheet
                To get the sheet's content instead:
                ```
                GET /me/sheets/{id}/content[?includeIDs=true]
                ```
                ## HTTP request
                <!-- { "blockType": "ignored" } -->
                ```http
                GET /me/sheets/{id}
                ```
                ## Example
                ### Request
                <!-- { "blockType": "ignored" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/sheets/{id}
                ```
                ### Response
                <!-- { "blockType": "ignored" } -->
                ```http
                HTTP/1.1 200 OK
                ```
                """
            )
        ])
        #expect(found.filter { $0.ruleID.hasPrefix("example-") }.map(\.message) == [])
    }

    /// A second operation with its own `### HTTP request` subsection: its example is the declaration of its path,
    /// and its path-parameter table names that path's placeholders.
    @Test func aSecondOperationsOwnHTTPRequestSectionDeclaresItsPath() async {
        let found = await lint([
            (
                "api/widget-list-parts.md",
                """
                # List parts
                ## HTTP request
                <!-- { "blockType": "ignored" } -->
                ```http
                GET /widgets/{widget-id}/parts
                ```
                ## Get a single part
                ### HTTP request
                <!-- { "blockType": "request", "name": "get_part" } -->
                ```http
                GET /widgets/{widget-id}/parts/{part-id}
                ```
                ### Path parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |part-id|String|The part.|
                |colour|String|Not in any path.|
                ## Example
                <!-- { "blockType": "request", "name": "list_parts" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/prts
                ```
                """
            )
        ])
        let paths = found.filter { $0.ruleID == "example-path-undeclared" }
        #expect(paths.map(\.location.range.start) == [SourcePosition(line: 21, column: 1)])
        let parameters = found.filter { $0.ruleID == "path-parameter-unknown" }
        #expect(parameters.map(\.message) == ["path parameter 'colour' names no placeholder of the declared paths"])
    }

    /// A page that shows a related endpoint on purpose and says so in the prose leading to the example: the path
    /// is not undeclared, and the body is not held to this method's Request body table. An example on the same
    /// page whose misspelt segment no prose explains is still reported, at its request line.
    @Test func aRelatedEndpointThePageIntroducesIsNotUndeclared() async {
        let found = await lint([
            (
                "api/sheetrange-update.md",
                """
                # Update sheetRange
                ## HTTP request
                <!-- { "blockType": "ignored" } -->
                ```http
                PATCH /sheets/{sheet-id}/range/format
                ```
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |wrapText|Boolean|Whether text wraps.|
                ## Examples
                ### Example 1: Update the format, then the font
                The following requests update the format and then the [sheetRangeFont](../resources/sheetrangefont.md)
                of the range.
                <!-- { "blockType": "request", "name": "update_format" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/sheets/4/range/format
                Content-Type: application/json

                { "wrapText": true }
                ```
                This request updates the font.
                <!-- { "blockType": "request", "name": "update_font" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/sheets/4/range/format/font
                Content-Type: application/json

                { "bold": true }
                ```
                ### Example 2: Update the fill
                <!-- { "blockType": "request", "name": "update_fill" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/sheets/4/range/formt/fill
                Content-Type: application/json

                { "color": "#FF0000" }
                ```
                """
            )
        ])
        let paths = found.filter { $0.ruleID == "example-path-undeclared" }
        #expect(paths.map(\.location.range.start) == [SourcePosition(line: 33, column: 1)])
        #expect(paths.map(\.message).first?.hasPrefix("request 'update_fill' calls /sheets/4/range/formt/fill") == true)
        let undocumented = found.filter { $0.ruleID == "request-property-undeclared" }
        #expect(undocumented.map(\.location.range.start) == [SourcePosition(line: 36, column: 3)])
    }

    /// A Function parameters table may list the optional arguments of a function the path calls without an
    /// argument list; a Path parameters row that names no placeholder is still reported.
    @Test func functionArgumentsOfABareFunctionCallAreNotUnknownPathParameters() async {
        let found = await lint([
            (
                "api/sheet-usedrange.md",
                """
                # sheet: usedRange
                ## HTTP request
                <!-- { "blockType": "ignored" } -->
                ```http
                GET /sheets/{sheet-id}/usedRange
                ```
                ## Function parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |valuesOnly|Boolean|Optional. Count only cells with values.|
                ## Path parameters
                |Parameter|Type|Description|
                |:---|:---|:---|
                |sheet-id|String|The sheet.|
                |book-id|String|Not in the path.|
                """
            )
        ])
        let parameters = found.filter { $0.ruleID == "path-parameter-unknown" }
        #expect(parameters.map(\.location.range.start) == [SourcePosition(line: 15, column: 1)])
        #expect(parameters.map(\.message) == ["path parameter 'book-id' names no placeholder of the declared paths"])
    }

    /// A Content-Type written below the body is there, misplaced: the finding says so, not that it is missing.
    @Test func aContentTypeAfterTheBodyIsMisplacedNotMissing() async {
        let found = await lint([
            (
                "api/widget-post.md",
                """
                # Create widget
                ## HTTP request
                ```http
                POST /widgets
                ```
                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets

                { "size": 1 }
                Content-type: application/json
                ```
                A body that is broken is still reported, with the headers after it read as headers:
                <!-- { "blockType": "request", "name": "create_big_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets

                { "size": 2 "colour": "red" }
                Content-type: application/json
                ```
                """
            )
        ])
        #expect(found.filter { $0.ruleID == "body-content-type-missing" }.isEmpty)
        #expect(
            found.filter { $0.ruleID == "body-invalid-json" }.map(\.location.range.start) == [
                SourcePosition(line: 19, column: 13)
            ])
        let misplaced = found.filter { $0.ruleID == "http-headers-after-body" }
        #expect(
            misplaced.map(\.location.range.start) == [
                SourcePosition(line: 12, column: 1), SourcePosition(line: 20, column: 1),
            ])
    }

    /// A type name that the property's description lists among its values is that value; a property the JSON
    /// representation shows but the table leaves out is declared (the resource page is told, once); a type written
    /// without its namespace is said to be that, not undefined.
    @Test func valuesListedInTheDescriptionRepresentationPropertiesAndUnqualifiedTypes() async {
        let found = await lint([
            Self.baseResource,
            (
                "resources/widgetlinkresource.md",
                """
                # widgetLinkResource resource type
                Namespace: microsoft.graph

                Inherits from [widgetResource](widgetresource.md).

                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |kind|String|What the link is. Possible values are: `String`, `Url`, `File`.|
                |size|Int64|The size in bytes.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetLinkResource",
                       "baseType": "microsoft.graph.widgetResource" } -->
                ```json
                { "kind": "String", "size": 1024, "target": "String" }
                ```
                """
            ),
            (
                "api/widget-post-links.md",
                """
                # Create widget link
                ## HTTP request
                ```http
                POST /widgets/{id}/links
                ```
                ## Example
                <!-- { "blockType": "request", "name": "create_link" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/links
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetLinkResource" } -->
                ```http
                HTTP/1.1 201 Created
                Content-Type: application/json

                { "@odata.type": "widgetLinkResource", "kind": "String", "size": "Int64", "target": "https://a.example" }
                ```
                """
            ),
        ])
        let onExample = found.filter {
            $0.location.file == "api/widget-post-links.md" && $0.ruleID.hasPrefix("body-")
                || $0.ruleID == "odata-type-unknown"
        }
        #expect(
            onExample.map { "\($0.location.range.start) \($0.ruleID)" } == [
                "16:18 odata-type-unknown", "16:66 body-value-placeholder",
            ])
        #expect(
            onExample.first?.message
                == "response to 'create_link': $.@odata.type names 'widgetLinkResource' without its namespace; write '#microsoft.graph.widgetLinkResource'"
        )
        let onResource = found.filter { $0.ruleID == "resource-json-table-mismatch" }
        #expect(onResource.map(\.location.range.start) == [SourcePosition(line: 16, column: 35)])
    }
}
