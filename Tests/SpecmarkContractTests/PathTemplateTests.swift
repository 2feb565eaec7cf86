import Testing

@testable import SpecmarkContract

@Suite struct PathTemplateTests {
    /// The byte splitter for ASCII paths gives the general splitter's segments: on real templates and on random
    /// text over the characters that split (slashes, braces, angle brackets, parentheses, quotes, `=`, `,`).
    @Test func asciiPathsSplitAsTheGeneralSplitterDoes() {
        var samples = [
            "/users/{id | userPrincipalName}", "/users('abc@contoso.com')", "/users(abc)", "/users('')", "/users(')",
            "/reports/getEmailActivityCounts(period='{period_value}')", "/me/drive/root:/{item-path}:/workbook",
            "/range(address='<address>')", "/a({b/c})/d", "/x/{ unclosed/y", "/{}/<>/()", "", "/", "//a//", "/a)(",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("/{}<>()'=, ab".utf8)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...14, using: &generator)
            samples.append(
                String(decoding: (0..<count).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
        }
        for sample in samples {
            let bytes = Array(sample.utf8)
            let fast = bytes.withUnsafeBufferPointer(PathTemplate.asciiSegments)
            #expect(fast == PathTemplate.unicodeSegments(of: sample), "\(sample)")
        }
    }

    /// Two one-literal segments are compared by a shortcut; adding an empty literal to each side sends the same
    /// texts through the general piece match, and the two must agree: on random texts over ASCII and non-ASCII
    /// letters whose lower-casing differs in length (`İ`), parentheses, `=` and `,`.
    @Test func literalSegmentsMatchAsTheGeneralMatchDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "A", "b", "İ", "i", "\u{307}", "é", "É", "(", ")", "=", ","]
        func text() -> String {
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                .joined()
        }
        for _ in 0..<3_000 {
            let declared = text()
            let written = Bool.random(using: &generator) ? declared.uppercased() : text()
            // A text ending in `)` is a call, which the call match reads whatever its pieces; not this shortcut.
            guard declared.utf8.last != UInt8(ascii: ")"), written.utf8.last != UInt8(ascii: ")") else { continue }
            let shortcut = PathTemplate.segment([.literal(declared)], matches: [.literal(written)])
            let general = PathTemplate.segment(
                [.literal(declared), .literal("")], matches: [.literal(written), .literal("")])
            #expect(shortcut == general, "\(declared) / \(written)")
        }
        #expect(PathTemplate.segment([.literal("Messages")], matches: [.literal("messages")]))
        #expect(!PathTemplate.segment([.literal("messages")], matches: [.literal("message")]))
    }

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

    /// `root`, `root:/path:`, `items/{id}`, `items/{id}:/path:` and `special/{name}` all address a drive item.
    @Test(arguments: [
        ("/me/drive/items/{item-id}/children", "/me/drive/root/children"),
        ("/me/drive/root/children", "/me/drive/items/01BYE5RZ/children"),
        ("/drives/{drive-id}/items/{item-id}/content", "/drives/b!x1/root:/Reports/q3.docx:/content"),
        ("/drives/{drive-id}/items/{item-id}", "/drives/b!x1/root:/Reports/q3.docx"),
        ("/sites/{site-id}/drive/items/{item-id}/children", "/sites/contoso/drive/items/01AB:/Shared/Plans:/children"),
        ("/me/drive/items/{item-id}/children", "/me/drive/special/approot/children"),
        ("/groups/{group-id}/drive/root:/{path}:/content", "/groups/7a2c/drive/items/01CD/content"),
        ("/me/drive/items/{item-id}", "/me/drive/root"),
    ])
    func driveItemAddressingFormsMatch(declared: String, example: String) {
        #expect(PathTemplate(declared).matches(PathTemplate(example)))
    }

    /// A misspelt segment stays a mismatch, and an item is addressed only after `drive` or `drives/{id}`.
    @Test(arguments: [
        ("/me/drive/items/{item-id}/children", "/me/drive/rot/children"),
        ("/me/drive/items/{item-id}/children", "/me/drive/itmes/01BYE5RZ/children"),
        ("/me/drive/items/{item-id}/children", "/me/drive/root/chidlren"),
        ("/me/drive/items/{item-id}/children", "/me/drives/root/children"),
        ("/me/drive/items/{item-id}/children", "/me/drive/children"),
        ("/me/drive/items/{item-id}", "/me/drive/recent"),
    ])
    func drivePathTyposDoNotMatch(declared: String, example: String) {
        #expect(!PathTemplate(declared).matches(PathTemplate(example)))
    }

    @Test func literalDifferenceNamesTheOneDifferingSegment() {
        let declared = PathTemplate("/sensor/{id}/readings")
        let difference = declared.literalDifference(from: PathTemplate("/sensors/6f1c/readings"))
        #expect(difference == PathTemplate.LiteralDifference(position: 0, declared: "sensor", actual: "sensors"))
        #expect(declared.literalDifference(from: PathTemplate("/sensors/6f1c/reading")) == nil)
        #expect(declared.literalDifference(from: PathTemplate("/sensors/6f1c")) == nil)
    }

    @Test func literalKeysNameTheSampleKeysOfADeclaredPath() {
        let declared = PathTemplate("/classes/5d2b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/assignments/20417")
        #expect(
            declared.literalKeys(differingFrom: PathTemplate("/classes/77aa/assignments/9"))
                == ["5d2b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "20417"])
        #expect(declared.literalKeys(differingFrom: PathTemplate("/class/77aa/assignments/9")) == nil)
        #expect(PathTemplate("/classes/{id}").literalKeys(differingFrom: PathTemplate("/classes/1")) == nil)
    }

    @Test func queryIsSeparated() {
        let template = PathTemplate("/users?$filter=startswith(displayName,'a')&$top=5")
        #expect(template.path == "/users")
        #expect(template.query == "$filter=startswith(displayName,'a')&$top=5")
        // A `?` inside a placeholder is part of the path; offsets hold past multi-byte characters.
        let placeholder = PathTemplate("/items/{what?}/café?$top=1")
        #expect(placeholder.path == "/items/{what?}/café")
        #expect(placeholder.query == "$top=1")
        #expect(PathTemplate("/a}?b").query == "b")
    }

    @Test func aliasesRewriteMe() {
        let example = PathTemplate("/me/messages/1").applying(aliases: PathAlias.graphDefaults)
        #expect(PathTemplate("/users/{id}/messages/{id}").matches(example))
        #expect(PathTemplate("/messages/1").applying(aliases: PathAlias.graphDefaults).path == "/messages/1")
    }

    /// `/drive` is the signed-in user's drive, as `/me/drive` is; `/drives/{id}` is another form, not an alias.
    @Test func aliasesRewriteTheUsersDrive() {
        let declared = PathTemplate("/me/drive/items/{id}/workbook/comments").applying(aliases: PathAlias.graphDefaults)
        let example = PathTemplate("/drive/items/01AB/workbook/comments").applying(aliases: PathAlias.graphDefaults)
        #expect(declared.matches(example))
        let other = PathTemplate("/drives/b!x/items/01AB/workbook/comments").applying(aliases: PathAlias.graphDefaults)
        #expect(!declared.matches(other))
        let typo = PathTemplate("/drive/items/01AB/workbook/coments").applying(aliases: PathAlias.graphDefaults)
        #expect(!declared.matches(typo))
        let educationUser = PathTemplate("/education/users/{id}/assignments").applying(aliases: PathAlias.graphDefaults)
        #expect(
            educationUser.matches(PathTemplate("/education/me/assignments").applying(aliases: PathAlias.graphDefaults)))
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

    /// A root matches without case and only where a segment ends, in ASCII and non-ASCII URLs alike.
    @Test(
        arguments: [
            ("HTTPS://Graph.Microsoft.com/V1.0/users", "https://graph.microsoft.com/v1.0"),
            ("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0"),
            ("https://graph.microsoft.com/v1.0?$top=1", "https://graph.microsoft.com/v1.0"),
            ("https://graph.microsoft.com/v1.0x/users", nil),
            ("https://graph.microsoft.com/v1.0/café", "https://graph.microsoft.com/v1.0"),
            ("https://graph.microsoft.com/v1.0é", nil),
            ("https://example.com/api/x", "https://example.com/api/"),
            ("https://example.com/api/", "https://example.com/api/"),
            ("https://example.com/apix", nil),
        ] as [(String, String?)])
    func serviceRootsMatchWhereASegmentEnds(url: String, root: String?) {
        let roots = ["https://graph.microsoft.com/v1.0", "https://example.com/api/"]
        #expect(ExampleURL(url, serviceRoots: roots).serviceRoot == root)
    }

    @Test func hostileSegmentsStayBounded() {
        // Many placeholders in one segment against a long segment that almost matches: memoised, not exponential.
        let pattern = "/" + String(repeating: "{a}x", count: 40) + "z"
        let actual = "/" + String(repeating: "yx", count: 400)
        #expect(!PathTemplate(pattern).matches(PathTemplate(actual)))
    }
}

/// Drive path addressing (`root:/a/b.txt:`) is made one segment: the byte path against the Character path.
@Suite struct PathAddressingTests {
    @Test(arguments: [
        "/me/drive/root:/Documents/Book 1.xlsx:/workbook", "/drives/b!x1/root:/Reports/q3.docx:/content",
        "/me/drive/root:/folder", "/me/drive/root:/a:/b:/c", "/me/drive/root:", "/users/{id}", ":/", "a:/:/:",
        "/items/{id}:/path/to/file.txt:/children?$select=name", "https://graph.microsoft.com/v1.0/me",
    ])
    func bytesAgreeWithCharacters(_ path: String) {
        #expect(
            PathTemplate.collapsingPathAddressing(path)
                == PathTemplate.collapsingPathAddressing(path, byCharacters: true))
    }

    @Test func aPathBetweenColonsBecomesOneSegment() {
        #expect(
            PathTemplate.collapsingPathAddressing("/me/drive/root:/Documents/Book 1.xlsx:/workbook")
                == "/me/drive/root:{path}:/workbook")
        #expect(PathTemplate.collapsingPathAddressing("/me/drive/root:/folder") == "/me/drive/root:{path}")
    }
}
