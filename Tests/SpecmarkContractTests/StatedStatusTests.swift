import Testing

@testable import SpecmarkContract

@Suite struct StatedStatusTests {
    /// The quick check that lets `statedStatuses` skip a paragraph: true exactly when three ASCII digits stand
    /// together, wherever they are, and false for digits split by anything, non-ASCII digits included.
    @Test(arguments: [
        ("returns a 200 OK response code", true),
        ("204", true),
        ("code 2024.", true),
        ("ends in 201", true),
        ("20 0 and 1-99", false),
        ("", false),
        ("no digits at all", false),
        ("٢٠٠ is Arabic-Indic, not ASCII", false),
        ("1 2 3 12 34", false),
    ])
    func threeDigitsInARowAreFoundWhereverTheyStand(text: String, expected: Bool) {
        #expect(Extraction.hasThreeDigitsInARow(text) == expected)
    }

    /// A code span reads as a status when it is one, after spaces, with or without `HTTP/1.1`, and only then:
    /// non-ASCII digits, a combining mark on a digit, a code out of range and trailing text are not statuses.
    @Test(arguments: [
        ("200 OK", 200 as Int?),
        ("  201 Created ", 201),
        ("HTTP/1.1 204 No Content", 204),
        ("HTTP/2 404", 404),
        ("HTTP/1.1 OK", nil),
        ("2\u{301}00 OK", nil),
        ("200\u{301}", nil),
        ("٢٠٠ OK", nil),
        ("userId", nil),
        ("099 Low", nil),
        ("600", nil),
        ("200OK", nil),
        ("200 OK (cached)", nil),
        ("", nil),
        ("   ", nil),
        ("http/1.1 200 OK", nil),
    ])
    func codeSpansReadAsStatusesOnlyWhenTheyAreOne(text: String, code: Int?) {
        #expect(Extraction.status(in: text, requireWholeText: true)?.0 == code)
    }
}
