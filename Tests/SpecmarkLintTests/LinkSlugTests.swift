import Testing

@testable import SpecmarkLint

/// Heading anchors, DocFX's GitHub-style slugs: the byte path for ASCII headings against the definition.
@Suite struct LinkSlugTests {
    /// The definition: lower-cased, letters, numbers, `-` and `_` kept, spaces made hyphens, the rest dropped.
    static func definition(_ heading: String) -> String {
        var result = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }

    @Test(arguments: [
        "", "Example 1: Get a user", "HTTP request", "Request headers (optional)", "user_id and $select",
        "Response  --  200 OK", "a\r\nb", "tab\there", "[Link](x.md) text", "Ünïcode heading", "名前 2", "ǅ İstanbul",
        "MIXED case-And_under", "`code` *em* **strong**",
    ])
    func slugMatchesTheDefinition(_ heading: String) {
        #expect(LinkTargets.slug(heading) == Self.definition(heading))
    }

    @Test func repeatedHeadingsAreNumbered() {
        #expect(
            LinkTargets.slugs(["Example", "Example", "Other", "Example"]) == [
                "example", "example-1", "other", "example-2",
            ])
    }
}
