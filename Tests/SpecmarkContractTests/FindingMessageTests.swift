import Testing

@testable import SpecmarkContract

@Suite struct FindingMessageTests {
    @Test(arguments: [
        ("/users/{id}/messages", "/users/{id}/messages"),
        ("/users\u{202F}/messages", "/users<U+202F>/messages"),
        ("Widget\u{200B}.Read.All", "Widget<U+200B>.Read.All"),
        ("Delegated\u{00A0}(work or school account)", "Delegated<U+00A0>(work or school account)"),
        ("get\u{2013}widget", "get<U+2013>widget"),
        ("\u{201C}Example\u{201D}", "<U+201C>Example<U+201D>"),
        ("Wid\u{0435}get.Read", "Wid<U+0435>get.Read"),
        ("Tab\there", "Tab<U+0009>here"),
        ("Résumé über naïve", "Résumé über naïve"),
        ("Статус", "Статус"),
    ])
    func visibleWritesInvisibleAndLookAlikeCharactersByCodePoint(text: String, expected: String) {
        #expect(FindingMessage.visible(text) == expected)
    }
}
