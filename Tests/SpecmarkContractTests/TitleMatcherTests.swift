import Testing

@testable import SpecmarkContract

/// The title matcher compares bytes in place; here against the same rules written with plain string operations.
@Suite struct TitleMatcherTests {
    static func plain(_ text: String, _ pattern: String, wildcard: String, ignoringCase: Bool) -> Bool {
        func fold(_ value: String) -> String {
            ignoringCase
                ? String(
                    value.unicodeScalars.map { $0.isASCII ? Character($0.properties.lowercaseMapping) : Character($0) })
                : value
        }
        var trimmed = Substring(text)
        while trimmed.first == " " || trimmed.first == "\t" { trimmed.removeFirst() }
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        let subject = fold(String(trimmed))
        guard let star = pattern.range(of: wildcard), !wildcard.isEmpty else { return subject == fold(pattern) }
        let prefix = fold(String(pattern[..<star.lowerBound]))
        let suffix = fold(String(pattern[star.upperBound...]))
        return subject.utf8.count > prefix.utf8.count + suffix.utf8.count && subject.hasPrefix(prefix)
            && subject.hasSuffix(suffix)
    }

    static let titles = [
        "Permissions", " permissions ", "PERMISSIONS\t", "Permissions for apps", "Request body", "Request Body",
        "Example 1: Get a widget", "Examples", "widgetStatus values", "values", "Perm", "", " ", "Réponse",
        "Properties of the widget", "Properties", "{id} of the widget", "{x}", "éclair values", "prOPERTIES",
    ]
    static let patterns = [
        "Permissions", "Permissions {x}", "{x} values", "Request body", "Example {x}", "{x}", "Properties", "",
        "Réponse", "Properties of {x}", "{id} of {x}", "{x} of the widget", "p", "É{x}",
    ]

    /// Every one- and two-pattern list of `patterns`.
    static var patternLists: [[String]] {
        patterns.map { [$0] } + patterns.flatMap { first in patterns.map { [first, $0] } }
    }

    @Test func matchesAgreesWithThePlainRules() {
        for title in Self.titles {
            for pattern in Self.patterns {
                for ignoringCase in [true, false] {
                    #expect(
                        TitleMatcher.matches(title, pattern: pattern, wildcard: "{x}", ignoringCase: ignoringCase)
                            == Self.plain(title, pattern, wildcard: "{x}", ignoringCase: ignoringCase),
                        "'\(title)' ~ '\(pattern)' ignoringCase: \(ignoringCase)")
                }
            }
            #expect(
                TitleMatcher.matchesAny(title, patterns: Self.patterns, wildcard: "{x}", ignoringCase: true)
                    == Self.patterns.contains { Self.plain(title, $0, wildcard: "{x}", ignoringCase: true) })
        }
    }

    /// Patterns read once match exactly the titles `matchesAny` matches: every title against every one- and
    /// two-pattern list, both cases, with the `{x}` wildcard and with none.
    @Test func compiledPatternsAgreeWithMatchesAny() {
        let lists = Self.patternLists
        var matched = 0
        for wildcard in ["{x}", ""] {
            for ignoringCase in [true, false] {
                for patterns in lists {
                    let compiled = TitleMatcher.Patterns(patterns, wildcard: wildcard, ignoringCase: ignoringCase)
                    for title in Self.titles {
                        let expected = TitleMatcher.matchesAny(
                            title, patterns: patterns, wildcard: wildcard, ignoringCase: ignoringCase)
                        #expect(
                            compiled.matches(title) == expected,
                            "'\(title)' ~ \(patterns) wildcard '\(wildcard)' ignoringCase: \(ignoringCase)")
                        if expected { matched += 1 }
                    }
                }
            }
        }
        #expect(matched > 1_000)
        #expect(TableHeadings.patterns(["Permissions {x}"]).matches(" permissions for apps\t"))
        #expect(!TableHeadings.patterns(["Permissions {x}"]).matches("Permissions "))
    }

    /// The leading-byte test never turns away a title that matches: on every title against every one- and
    /// two-pattern list, both cases, with the `{x}` wildcard and with none. It turns away some that do not.
    @Test func leadingBytesAdmitEveryTitleThatMatches() {
        let lists = Self.patternLists
        var turnedAway = 0
        for wildcard in ["{x}", ""] {
            for ignoringCase in [true, false] {
                for patterns in lists {
                    let leading = TitleMatcher.LeadingBytes(
                        patterns: patterns, wildcard: wildcard, ignoringCase: ignoringCase)
                    for title in Self.titles {
                        let admitted = leading.admit(TitleMatcher.leadingByte(of: title))
                        if TitleMatcher.matchesAny(
                            title, patterns: patterns, wildcard: wildcard, ignoringCase: ignoringCase)
                        {
                            #expect(admitted, "'\(title)' ~ \(patterns) ignoringCase: \(ignoringCase)")
                        }
                        if !admitted { turnedAway += 1 }
                    }
                }
            }
        }
        #expect(turnedAway > 1_000)
        #expect(!TableHeadings.leadingBytes(of: ["Permissions"]).admit(UInt8(ascii: "R")))
        #expect(TableHeadings.leadingBytes(of: ["Permissions"]).admit(UInt8(ascii: "P")))
        #expect(TableHeadings.leadingBytes(of: ["{x} values"]).admit(UInt8(ascii: "R")))
    }

    @Test func alternativesAreSplitAtBarsAndAWildcardAlternativeIgnoresCase() {
        #expect(
            TitleMatcher.matchesAlternative("Examples", pattern: "Example|Examples", wildcard: "*", ignoringCase: false)
        )
        #expect(
            !TitleMatcher.matchesAlternative(
                "examples", pattern: "Example|Examples", wildcard: "*", ignoringCase: false))
        #expect(
            TitleMatcher.matchesAlternative(
                "example 2: list", pattern: "Examples|Example*", wildcard: "*", ignoringCase: false))
        #expect(!TitleMatcher.matchesAlternative("", pattern: "a||b", wildcard: "*", ignoringCase: true))
        #expect(
            TitleMatcher.matchesAlternative("Response", pattern: "||Response||", wildcard: "*", ignoringCase: false))
    }
}
