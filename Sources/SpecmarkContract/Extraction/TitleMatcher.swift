import SpecmarkMarkdown

/// Matches section titles against patterns with one wildcard (`Permissions {x}`, `* members`), comparing UTF-8
/// bytes in place: it runs for every heading of every page against every pattern list.
public enum TitleMatcher {
    /// Whether `text` (surrounding spaces ignored) matches `pattern`; the wildcard matches any non-empty text.
    /// Case is ignored for ASCII letters when `ignoringCase`.
    public static func matches(_ text: String, pattern: String, wildcard: String, ignoringCase: Bool) -> Bool {
        matches(trimmed(text), Substring(pattern).utf8, wildcard: Substring(wildcard).utf8, ignoringCase: ignoringCase)
    }

    /// Whether `text` matches any of `patterns`: `patterns.contains { matches(text, pattern: $0, …) }`, with the
    /// text trimmed once.
    public static func matchesAny(_ text: String, patterns: [String], wildcard: String, ignoringCase: Bool) -> Bool {
        let text = trimmed(text)
        let wildcard = Substring(wildcard).utf8
        return patterns.contains { matches(text, Substring($0).utf8, wildcard: wildcard, ignoringCase: ignoringCase) }
    }

    /// Whether `text` matches any alternative of a `|`-separated pattern (empty alternatives skipped); an
    /// alternative that holds the wildcard is compared without case.
    public static func matchesAlternative(
        _ text: String, pattern: String, wildcard: String, ignoringCase: Bool
    ) -> Bool {
        let text = trimmed(text)
        let wildcard = Substring(wildcard).utf8
        return Substring(pattern).utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: true).contains {
            alternative in
            let caseless = ignoringCase || ByteSearch.firstIndex(of: wildcard, in: alternative) != nil
            return matches(text, alternative, wildcard: wildcard, ignoringCase: caseless)
        }
    }

    static func matches(
        _ text: Substring.UTF8View, _ pattern: Substring.UTF8View, wildcard: Substring.UTF8View, ignoringCase: Bool
    ) -> Bool {
        guard !wildcard.isEmpty, let star = ByteSearch.firstIndex(of: wildcard, in: pattern) else {
            return equal(text, pattern, ignoringCase: ignoringCase)
        }
        let prefix = pattern[..<star]
        let suffix = pattern[pattern.index(star, offsetBy: wildcard.count)...]
        guard text.count > prefix.count + suffix.count else { return false }
        return equal(text.prefix(prefix.count), prefix, ignoringCase: ignoringCase)
            && equal(text.suffix(suffix.count), suffix, ignoringCase: ignoringCase)
    }

    /// The text without surrounding spaces and tabs.
    private static func trimmed(_ text: String) -> Substring.UTF8View {
        let utf8 = Substring(text).utf8
        return utf8[ByteSearch.trimmed(utf8.startIndex..<utf8.endIndex, of: utf8) { $0 == 0x20 || $0 == 0x09 }]
    }

    private static func equal(_ lhs: Substring.UTF8View, _ rhs: Substring.UTF8View, ignoringCase: Bool) -> Bool {
        guard ignoringCase else { return lhs.elementsEqual(rhs) }
        return lhs.elementsEqual(rhs) { left, right in
            (left >= 0x41 && left <= 0x5A ? left | 0x20 : left)
                == (right >= 0x41 && right <= 0x5A ? right | 0x20 : right)
        }
    }
}
