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
}
