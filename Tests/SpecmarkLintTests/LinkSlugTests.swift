import Testing

@testable import SpecmarkLint

/// Heading anchors, DocFX's GitHub-style slugs: the byte path for ASCII headings against the Character walk.
@Suite struct LinkSlugTests {
    @Test(arguments: [
        "", "Example 1: Get a user", "HTTP request", "Request headers (optional)", "user_id and $select",
        "Response  --  200 OK", "a\r\nb", "tab\there", "[Link](x.md) text", "Ünïcode heading", "名前 2", "ǅ İstanbul",
        "MIXED case-And_under", "`code` *em* **strong**",
    ])
    func bytesAgreeWithCharacters(_ heading: String) {
        #expect(LinkTargets.slug(heading) == LinkTargets.slug(heading, byCharacters: true))
    }

    @Test func punctuationGoesAndSpacesBecomeHyphens() {
        #expect(LinkTargets.slug("Example 1: Get a user") == "example-1-get-a-user")
        #expect(LinkTargets.slug("Ünïcode (wörk)_x") == "ünïcode-wörk_x")
    }

    @Test func repeatedHeadingsAreNumbered() {
        #expect(
            LinkTargets.slugs(["Example", "Example", "Other", "Example"]) == [
                "example", "example-1", "other", "example-2",
            ])
    }
}

/// The words lead prose names path segments with: the byte path for ASCII prose against the Character walk.
@Suite struct ProseWordsTests {
    @Test(arguments: [
        "This request updates the **font** of the [WorkbookRangeFont](x.md) resource.",
        "Use a PATCH operation on /groups/{id} with members@odata.bind; HTTP 204 No Content.",
        "", "   ", "a\r\nB2c D", "ALLCAPS and Mixed-Case_words, iPhone12 XMLHttpRequest 3D",
    ])
    func asciiProseReadsAsByCharacters(_ paragraph: String) {
        let bytes = ProseWords([paragraph, "second PARAGRAPH"])
        let characters = ProseWords([paragraph, "second PARAGRAPH"], byCharacters: true)
        #expect(bytes.words == characters.words)
        #expect(bytes.capitalWords == characters.capitalWords)
    }

    @Test func camelCaseTailsAndCapitals() {
        let prose = ProseWords(["Gets the WorkbookRangeFont with a GET"])
        #expect(prose.words.isSuperset(of: ["workbookrangefont", "rangefont", "font", "get", "gets"]))
        #expect(prose.capitalWords == ["GET"])
    }
}
