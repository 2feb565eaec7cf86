extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        let text = Substring(self)
        let range = ByteSearch.trimmed(text.utf8.startIndex..<text.utf8.endIndex, of: text.utf8)
        return range.isEmpty ? "" : String(Substring(text.utf8[range]))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (over the string's own UTF-8, which a
    /// whole string reads faster than a substring does).
    public func trimmingSpaces() -> String {
        // Over the string's bytes (`utf8.last` decodes backwards through an index). Most texts have nothing to
        // trim: they are their own result, with no slice and no new string.
        var text = self
        let trimmed: Range<Int>? = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return 0..<0 }
            if !ByteSearch.isSpace(first) && !ByteSearch.isSpace(last) { return nil }
            var lower = 0
            var upper = bytes.count
            while lower < upper, ByteSearch.isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, ByteSearch.isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        guard let trimmed else { return self }
        guard !trimmed.isEmpty else { return "" }
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: trimmed.lowerBound)
        return String(Substring(utf8[lower..<utf8.index(lower, offsetBy: trimmed.count)]))
    }

    /// Whether the two strings are equal when compared case-insensitively: as long in UTF-8, and equal lower-cased
    /// (a character whose lower case has another length, such as the Kelvin sign, does not match its lower case).
    public func equalsIgnoringCase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // ASCII text lower-cases byte by byte: compared in place, without making two lower-cased copies.
        if isAllASCII && other.isAllASCII {
            return ByteSearch.equal(utf8, other.utf8, ignoringASCIICase: true)
        }
        return lowercased() == other.lowercased()
    }

    /// The string lower-cased, keeping only its letters, and its digits too when `digits` is set: what
    /// `lowercased().filter { $0.isLetter || (digits && $0.isNumber) }` gives, without classifying every
    /// Character through the Unicode tables when the text is ASCII (almost every cell of a reference page).
    public func lowercasedLetters(keepingDigits digits: Bool = false) -> String {
        guard isAllASCII else {
            return String(lowercased().filter { $0.isLetter || (digits && $0.isNumber) })
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                bytes.append(lower)
            } else if digits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether every Character is a letter, a digit or one of `extra` (ASCII): `allSatisfy { $0.isLetter ||
    /// $0.isNumber || extra.contains($0) }`, over bytes when the text is ASCII.
    /// Whether every UTF-8 byte of the text satisfies `predicate`: `utf8.allSatisfy(predicate)`, over the string's
    /// own storage rather than stepping the UTF-8 view's index (about 25 instructions a byte).
    @inlinable
    public func allUTF8(_ predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(predicate) } ?? utf8.allSatisfy(predicate)
    }

    public func isLettersDigits(or extra: StaticString) -> Bool {
        let others = UnsafeBufferPointer(start: extra.utf8Start, count: extra.utf8CodeUnitCount)
        guard isAllASCII else {
            return allSatisfy { character in
                character.isLetter || character.isNumber
                    || (character.isASCII && others.contains(character.asciiValue ?? 0))
            }
        }
        return allUTF8 { byte in
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || others.contains(byte)
        }
    }

}

extension StringProtocol {
    /// Whether every byte of the text is ASCII (so each character is one byte), read over contiguous bytes.
    @inlinable
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            var combined: UInt8 = 0
            for byte in bytes { combined |= byte }
            return combined < 0x80
        } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the UTF-8 byte `byte` occurs in the text: `utf8.contains(byte)`, searched with `memchr` over the
    /// string's own storage instead of stepping the UTF-8 view's index byte by byte (a paragraph can be a
    /// thousand bytes long, and most searched are).
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { ByteSearch.containsByte(byte, in: $0) } ?? utf8.contains(byte)
    }

    /// Whether `needle` occurs in the text, compared byte for byte over UTF-8.
    ///
    /// The standard library's generic `contains(_:)` on strings goes through a general substring searcher
    /// that costs more than the whole rest of a page's extraction; documentation text is short and this is
    /// called per cell and per paragraph.
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: pattern, in: $0) != nil }
                ?? (ByteSearch.firstIndex(of: pattern, in: Array(utf8)) != nil)
        }
    }

    /// The text without leading and trailing spaces and tabs, and the ASCII characters of `set`.
    public func trimming(_ set: StaticString) -> String {
        let text = Substring(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        let range: Range<String.Index>? = set.withUTF8Buffer { extra in
            let trims = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || extra.contains(byte) }
            // Nothing to trim (most texts): no search, and the text is taken as it is.
            guard trims(first) || trims(last) else { return nil }
            return ByteSearch.trimmed(text.utf8.startIndex..<text.utf8.endIndex, of: text.utf8, trimming: trims)
        }
        guard let range else { return String(text) }
        return range.isEmpty ? "" : String(Substring(text.utf8[range]))
    }
}

extension String {
    /// The index just past the first occurrence of `needle`, searching UTF-8 bytes, or nil.
    public func indexAfter(_ needle: String) -> String.Index? {
        // Searched in place over contiguous bytes (a copy of the text only when it has none).
        var needle = needle
        let found: Int? = needle.withUTF8 { pattern in
            guard !pattern.isEmpty else { return nil }
            let start =
                utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: pattern, in: $0) }
                ?? ByteSearch.firstIndex(of: pattern, in: Array(utf8))
            return start.map { $0 + pattern.count }
        }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

extension String {
    /// The string padded with spaces to `length` characters (unchanged when it is as long already).
    public func padded(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

extension StringProtocol {
    /// The text split at an ASCII byte, over UTF-8. The standard library's `split(separator:)` on strings walks
    /// Characters (grapheme breaking for every one); this slices the bytes, with the same options and the same
    /// pieces as `utf8.split(separator:maxSplits:omittingEmptySubsequences:)`. Over contiguous bytes it finds the
    /// separators by offset, which is much cheaper than stepping the generic split through UTF-8 view indices.
    @inlinable
    public func splitBytes(
        _ separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true
    ) -> [Substring] {
        precondition(maxSplits >= 0, "a split takes zero or more splits")
        let whole = Substring(self)
        let utf8 = whole.utf8
        let pieces: [Range<Int>]? = utf8.withContiguousStorageIfAvailable { bytes in
            ByteSearch.splitRanges(
                bytes, separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        guard let pieces else {
            return utf8.split(
                separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences
            ).map { Substring($0) }
        }
        return pieces.map { piece in
            let start = utf8.index(utf8.startIndex, offsetBy: piece.lowerBound)
            return Substring(utf8[start..<utf8.index(start, offsetBy: piece.count)])
        }
    }

    /// The first non-empty piece of the text split at an ASCII byte: `splitBytes(separator).first`, without
    /// building every piece.
    @inlinable
    public func firstPiece(separatedBy separator: UInt8) -> Substring? {
        let utf8 = Substring(self).utf8
        guard let start = utf8.firstIndex(where: { $0 != separator }) else { return nil }
        return Substring(utf8[start..<(utf8[start...].firstIndex(of: separator) ?? utf8.endIndex)])
    }

    /// The last non-empty piece of the text split at an ASCII byte: `splitBytes(separator).last`, without
    /// building every piece.
    @inlinable
    public func lastPiece(separatedBy separator: UInt8) -> Substring? {
        let utf8 = Substring(self).utf8
        guard let last = utf8.lastIndex(where: { $0 != separator }) else { return nil }
        let start = utf8[..<last].lastIndex(of: separator).map { utf8.index(after: $0) } ?? utf8.startIndex
        return Substring(utf8[start...last])
    }
}
