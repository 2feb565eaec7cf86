import Logging
import SpecmarkContract
import Testing

@testable import SpecmarkLint

/// An `@odata.type` deep in a body with no declared type is reported with its JSON path and its own location.
@Suite struct BodyTypePathTests {
    @Test func nestedTypesAreReportedAtTheirPaths() async {
        let page = """
            # Get widgets

            ## HTTP request
            ```http
            GET /widgets
            ```

            ## Example
            ### Request
            <!-- { "blockType": "request", "name": "list_widgets" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets
            ```

            ### Response
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            {
              "value": [
                { "id": "1", "@odata.type": "#microsoft.graph.gadget" },
                { "owner": { "@odata.type": "#microsoft.graph.person", "name": "x" } }
              ],
              "extra": [[{ "@odata.type": "#microsoft.graph.thing" }]]
            }
            ```
            """
        let found = await Linter().lint(LinterTests.docs([("api/widget-list.md", page)]), logger: Logger(label: "t"))
            .filter { $0.ruleID == "odata-type-unknown" }
        #expect(
            found.map(\.message) == [
                "response to 'list_widgets': $.value[0].@odata.type names 'microsoft.graph.gadget', which no page defines",
                "response to 'list_widgets': $.value[1].owner.@odata.type names 'microsoft.graph.person', which no page defines",
                "response to 'list_widgets': $.extra[0][0].@odata.type names 'microsoft.graph.thing', which no page defines",
            ])
        #expect(found.map(\.location.range.start.line) == [23, 24, 26])
    }
}
