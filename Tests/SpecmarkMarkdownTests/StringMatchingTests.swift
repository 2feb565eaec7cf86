import Testing

@testable import SpecmarkMarkdown

/// The byte-level helpers must answer what the Character-level expressions they replace answer.
@Suite struct StringMatchingTests {
    static let texts = [
        "", "Delegated (work or school account)", "Application", "APP-only", "{user-id}", "user_ID2", "Edm.String",
        "microsoft.graph.user", "Ünïcode (wörk)", "名前", "a\r\nb", "tab\there", "x.y_z-1", "  ", "İstanbul", "ǅ",
    ]

    @Test(arguments: texts)
    func lowercasedLettersMatchesFilteringCharacters(_ text: String) {
        #expect(text.lowercasedLetters() == String(text.lowercased().filter { $0.isLetter }))
        #expect(
            text.lowercasedLetters(keepingDigits: true)
                == String(text.lowercased().filter { $0.isLetter || $0.isNumber }))
    }

    @Test(arguments: texts)
    func isLettersDigitsMatchesAllSatisfy(_ text: String) {
        #expect(
            text.isLettersDigits(or: "._")
                == text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" })
    }

    @Test func examplesOfEach() {
        #expect("Delegated (Work, school)".lowercasedLetters() == "delegatedworkschool")
        #expect("{User-Id2}".lowercasedLetters(keepingDigits: true) == "userid2")
        #expect("microsoft.graph.user_1".isLettersDigits(or: "._"))
        #expect(!"microsoft.graph.user-1".isLettersDigits(or: "._"))
        #expect("wörk.ü".isLettersDigits(or: "."))
    }
}
