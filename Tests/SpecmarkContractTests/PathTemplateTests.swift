import Testing

@testable import SpecmarkContract

@Suite struct PathTemplateTests {
    @Test(arguments: [
        ("/users/{id | userPrincipalName}", "/users/48d31887-5fad-4d73-a9f5-3c356e68a038"),
        ("/users/{id}/messages", "/Users/abc/Messages"),
        ("/users/{id}", "/users('abc@contoso.com')"),
        ("/reports/getEmailActivityCounts(period='{period_value}')", "/reports/getEmailActivityCounts(period='D7')"),
        (
            "/me/drive/root:/{item-path}:/workbook/worksheets",
            "/me/drive/root:/Documents/Book 1.xlsx:/workbook/worksheets"
        ),
        (
            "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')",
            "/me/drive/items/01/workbook/worksheets/Sheet1/range(address='A1:B2')"
        ),
        ("~/groups/{id}", "/groups/1"),
        ("groups/{id}/settings", "/groups/1/settings?$select=id"),
        ("/users/{id}/drive", "/users/{user-id}/drive"),
        ("/reports/getPrinterArchivedPrintJobs", "/reports/getPrinterArchivedPrintJobs(printerId='1',startDateTime=x)"),
        (
            "/me/onenote/notebooks/getRecentNotebooks(includePersonalNotebooks=includePersonalNotebooks-value)",
            "/me/onenote/notebooks/getRecentNotebooks(includePersonalNotebooks=true)"
        ),
        ("/groups/{id}/transitiveMembers", "/groups/{id}/transitiveMembers/microsoft.graph.user/$count"),
        (
            "/groups/{id}/acceptedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{user-id}",
            "/groups/1/acceptedSenders/$ref"
        ),
    ])
    func declaredPathsMatchExamples(declared: String, example: String) {
        #expect(PathTemplate(declared).matches(PathTemplate(example)))
    }

    @Test(arguments: [
        ("/sensors/{id}", "/sensor/6f1c"),
        ("/sensors/{id}", "/sensors/6f1c/quarantine"),
        (
            "/reports/getEmailActivityCounts(period='{period_value}')",
            "/reports/getEmailActivityUserCounts(period='D7')"
        ),
    ])
    func differentPathsDoNotMatch(declared: String, example: String) {
        #expect(!PathTemplate(declared).matches(PathTemplate(example)))
    }

    @Test func queryIsSeparated() {
        let template = PathTemplate("/users?$filter=startswith(displayName,'a')&$top=5")
        #expect(template.path == "/users")
        #expect(template.query == "$filter=startswith(displayName,'a')&$top=5")
    }

    @Test func aliasesRewriteMe() {
        let example = PathTemplate("/me/messages/1").applying(aliases: PathAlias.graphDefaults)
        #expect(PathTemplate("/users/{id}/messages/{id}").matches(example))
        #expect(PathTemplate("/messages/1").applying(aliases: PathAlias.graphDefaults).path == "/messages/1")
    }

    @Test func exampleURLsSplitServiceRootVersionAndPath() {
        let url = ExampleURL(
            "https://graph.microsoft.com/v1.0/users/1?$select=id", serviceRoots: ExampleURL.graphServiceRoots)
        #expect(url.serviceRoot == "https://graph.microsoft.com/v1.0")
        #expect(url.apiVersion == "v1.0")
        #expect(url.host == "graph.microsoft.com")
        #expect(url.template.path == "/users/1")
        #expect(url.template.query == "$select=id")
        let unknown = ExampleURL("https://graph/microsoft.com/v1.0/users", serviceRoots: ExampleURL.graphServiceRoots)
        #expect(unknown.serviceRoot == nil)
        #expect(unknown.host == "graph")
        let relative = ExampleURL("/widgets/1", serviceRoots: ExampleURL.graphServiceRoots)
        #expect(relative.host == nil)
        #expect(relative.template.path == "/widgets/1")
    }

    @Test func hostileSegmentsStayBounded() {
        // Many placeholders in one segment against a long segment that almost matches: memoised, not exponential.
        let pattern = "/" + String(repeating: "{a}x", count: 40) + "z"
        let actual = "/" + String(repeating: "yx", count: 400)
        #expect(!PathTemplate(pattern).matches(PathTemplate(actual)))
    }
}
