import SpecmarkMarkdown

/// Matches section titles against patterns with one wildcard (`Permissions {x}`, `* members`), comparing UTF-8
/// bytes in place: it runs for every heading of every page against every pattern list.
///
/// Texts and patterns are whole strings, and the matcher works on byte offsets into them (`ByteSearch` reaches a
/// whole string's bytes without the cost of a substring).
public enum TitleMatcher {
    /// Whether `text` (surrounding spaces ignored) matches `pattern`; the wildcard matches any non-empty text.
    /// Case is ignored for ASCII letters when `ignoringCase`.
    public static func matches(_ text: String, pattern: String, wildcard: String, ignoringCase: Bool) -> Bool {
        matches(
            text, trimmed(text), pattern, 0..<pattern.utf8.count, wildcard: wildcard, ignoringCase: ignoringCase)
    }

    /// Whether `text` matches any of `patterns`: `patterns.contains { matches(text, pattern: $0, …) }`, with the
    /// text trimmed once.
    public static func matchesAny(_ text: String, patterns: [String], wildcard: String, ignoringCase: Bool) -> Bool {
        let range = trimmed(text)
        return patterns.contains {
            matches(text, range, $0, 0..<$0.utf8.count, wildcard: wildcard, ignoringCase: ignoringCase)
        }
    }

    /// Whether `text` matches any alternative of a `|`-separated pattern (empty alternatives skipped); an
    /// alternative that holds the wildcard is compared without case.
    public static func matchesAlternative(
        _ text: String, pattern: String, wildcard: String, ignoringCase: Bool
    ) -> Bool {
        let range = trimmed(text)
        var start = 0
        let count = pattern.utf8.count
        while start <= count {
            let end = ByteSearch.offset(of: "|".utf8, in: pattern.utf8, within: start..<count) ?? count
            defer { start = end + 1 }
            guard end > start else { continue }
            let caseless =
                ignoringCase || ByteSearch.offset(of: wildcard.utf8, in: pattern.utf8, within: start..<end) != nil
            if matches(text, range, pattern, start..<end, wildcard: wildcard, ignoringCase: caseless) { return true }
        }
        return false
    }

    /// Whether `text[textRange]` matches `pattern[patternRange]` (byte offsets).
    static func matches(
        _ text: String, _ textRange: Range<Int>, _ pattern: String, _ patternRange: Range<Int>, wildcard: String,
        ignoringCase: Bool
    ) -> Bool {
        // Most texts fail on their first byte: unless the pattern starts like the wildcard, a match (with or
        // without one) starts with the pattern's first byte. Checked before searching the pattern.
        if let wildcardStart = wildcard.utf8.first, !textRange.isEmpty, !patternRange.isEmpty {
            let first = pattern.utf8[pattern.utf8.index(pattern.utf8.startIndex, offsetBy: patternRange.lowerBound)]
            let written = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: textRange.lowerBound)]
            if first != wildcardStart,
                ignoringCase ? ByteSearch.lowered(first) != ByteSearch.lowered(written) : first != written
            {
                return false
            }
        }
        guard !wildcard.isEmpty, let star = ByteSearch.offset(of: wildcard.utf8, in: pattern.utf8, within: patternRange)
        else {
            return ByteSearch.equal(text.utf8, textRange, pattern.utf8, patternRange, ignoringASCIICase: ignoringCase)
        }
        let prefix = patternRange.lowerBound..<star
        let suffix = (star + wildcard.utf8.count)..<patternRange.upperBound
        guard textRange.count > prefix.count + suffix.count else { return false }
        let textPrefix = textRange.lowerBound..<(textRange.lowerBound + prefix.count)
        let textSuffix = (textRange.upperBound - suffix.count)..<textRange.upperBound
        return ByteSearch.equal(text.utf8, textPrefix, pattern.utf8, prefix, ignoringASCIICase: ignoringCase)
            && ByteSearch.equal(text.utf8, textSuffix, pattern.utf8, suffix, ignoringASCIICase: ignoringCase)
    }

    /// The first byte of `text` after spaces and tabs, which a match is first decided on; nil for a blank text.
    public static func leadingByte(of text: String) -> UInt8? {
        text.utf8.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// The leading bytes (``leadingByte(of:)``) a text can have and still match one of some patterns: a cheap
    /// test that spares the matcher the texts that cannot match (most, for most pattern lists).
    public struct LeadingBytes: Hashable, Sendable {
        /// Nil when any text may match: a pattern is empty or starts like the wildcard, or there is no wildcard
        /// (then `matches` decides on no first byte).
        private let bits: [UInt64]?
        private let ignoringCase: Bool

        /// The leading bytes of texts that may match one of `patterns` by ``matchesAny(_:patterns:wildcard:ignoringCase:)``.
        public init(patterns: [String], wildcard: String, ignoringCase: Bool) {
            self.ignoringCase = ignoringCase
            guard let wildcardStart = wildcard.utf8.first else {
                bits = nil
                return
            }
            var bits = [UInt64](repeating: 0, count: 4)
            for pattern in patterns {
                guard let first = pattern.utf8.first, first != wildcardStart else {
                    self.bits = nil
                    return
                }
                let byte = ignoringCase ? ByteSearch.lowered(first) : first
                bits[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
            }
            self.bits = bits
        }

        /// Whether a text whose leading byte is `byte` may match (false means it cannot).
        public func admit(_ byte: UInt8?) -> Bool {
            guard let bits else { return true }
            guard let byte else { return false }
            let key = ignoringCase ? ByteSearch.lowered(byte) : byte
            return bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0
        }
    }

    /// Patterns read once for matching many texts: what ``matchesAny(_:patterns:wildcard:ignoringCase:)`` does
    /// for them, without finding each pattern's wildcard and bytes again for every text.
    package struct Patterns: Hashable, Sendable {
        /// A pattern's bytes before its first wildcard and, when it has one, after it (ranges into `bytes`).
        private struct Piece: Hashable, Sendable {
            var prefix: Range<Int>
            var suffix: Range<Int>?
        }

        /// Every pattern's bytes, lower-cased when matching ignores case.
        private let bytes: [UInt8]
        private let pieces: [Piece]
        private let ignoringCase: Bool
        /// The leading bytes of texts that may match.
        package let leading: LeadingBytes

        package init(_ patterns: [String], wildcard: String, ignoringCase: Bool) {
            var bytes: [UInt8] = []
            var pieces: [Piece] = []
            for pattern in patterns {
                let utf8 = Array(pattern.utf8)
                let start = bytes.count
                bytes += ignoringCase ? utf8.map(ByteSearch.lowered) : utf8
                if !wildcard.isEmpty,
                    let star = ByteSearch.offset(of: wildcard.utf8, in: pattern.utf8, within: 0..<utf8.count)
                {
                    pieces.append(
                        Piece(
                            prefix: start..<(start + star),
                            suffix: (start + star + wildcard.utf8.count)..<(start + utf8.count)))
                } else {
                    pieces.append(Piece(prefix: start..<(start + utf8.count), suffix: nil))
                }
            }
            self.bytes = bytes
            self.pieces = pieces
            self.ignoringCase = ignoringCase
            self.leading = LeadingBytes(patterns: patterns, wildcard: wildcard, ignoringCase: ignoringCase)
        }

        /// Whether `text` matches one of the patterns.
        package func matches(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { text in
                var lower = 0
                var upper = text.count
                while lower < upper, text[lower] == 0x20 || text[lower] == 0x09 { lower += 1 }
                while upper > lower, text[upper - 1] == 0x20 || text[upper - 1] == 0x09 { upper -= 1 }
                return bytes.withUnsafeBufferPointer { bytes in
                    func equal(_ at: Int, _ piece: Range<Int>) -> Bool {
                        var offset = 0
                        while offset < piece.count {
                            let written = text[at + offset]
                            if (ignoringCase ? ByteSearch.lowered(written) : written)
                                != bytes[piece.lowerBound + offset]
                            {
                                return false
                            }
                            offset += 1
                        }
                        return true
                    }
                    for index in pieces.indices {
                        let piece = pieces[index]
                        guard let suffix = piece.suffix else {
                            if upper - lower == piece.prefix.count, equal(lower, piece.prefix) { return true }
                            continue
                        }
                        if upper - lower > piece.prefix.count + suffix.count, equal(lower, piece.prefix),
                            equal(upper - suffix.count, suffix)
                        {
                            return true
                        }
                    }
                    return false
                }
            }
        }
    }

    /// The text's byte offsets without surrounding spaces and tabs.
    private static func trimmed(_ text: String) -> Range<Int> {
        let utf8 = text.utf8
        // A title rarely has spaces around it: then it is all of its bytes.
        guard let first = utf8.first, let last = utf8.last else { return 0..<0 }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return 0..<utf8.count }
        let range = ByteSearch.trimmed(utf8.startIndex..<utf8.endIndex, of: utf8) { $0 == 0x20 || $0 == 0x09 }
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        return lower..<(lower + utf8.distance(from: range.lowerBound, to: range.upperBound))
    }
}
