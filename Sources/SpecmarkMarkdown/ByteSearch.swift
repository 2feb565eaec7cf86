/// The one byte search and trim of the package: every module that looks for bytes in bytes, or trims spaces off a
/// range of them, comes here.
///
/// Pages are UTF-8 bytes, and what the readers look for is ASCII (`](`, `<!--`, `|`), so searching bytes is exact
/// and avoids the standard library's Character-based search, which costs more than the rest of a page's
/// extraction. The loops are the plain ones; `ByteSearchTests` checks them against the standard library.
@usableFromInline
package enum ByteSearch {
    /// The index of the first occurrence of `needle` in `haystack[start..<end]`, or nil; an empty needle is found at
    /// `start`.
    @inlinable
    package static func firstIndex<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(
        of needle: Needle, in haystack: Haystack, from start: Haystack.Index, to end: Haystack.Index
    ) -> Haystack.Index? {
        guard let first = needle.first else { return start }
        var index = start
        while index < end {
            if haystack[index] == first {
                var candidate = haystack.index(after: index)
                var wanted = needle.index(after: needle.startIndex)
                while wanted != needle.endIndex, candidate < end, haystack[candidate] == needle[wanted] {
                    candidate = haystack.index(after: candidate)
                    wanted = needle.index(after: wanted)
                }
                if wanted == needle.endIndex { return index }
                // The haystack ran out first: no later start has room for the needle either.
                if candidate == end { return nil }
            }
            index = haystack.index(after: index)
        }
        return nil
    }

    /// The index of the first occurrence of `needle` in the whole of `haystack`, or nil.
    @inlinable
    package static func firstIndex<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(
        of needle: Needle, in haystack: Haystack
    ) -> Haystack.Index? {
        firstIndex(of: needle, in: haystack, from: haystack.startIndex, to: haystack.endIndex)
    }

    /// Whether `byte` is trimmed: space, tab, line feed or carriage return.
    @inlinable
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `range` of `bytes` without leading and trailing bytes for which `trims` holds; with `noBreakSpaces`, also
    /// without U+00A0 (C2 A0), which pages paste into table cells.
    @inlinable
    package static func trimmed<Bytes: BidirectionalCollection<UInt8>>(
        _ range: Range<Bytes.Index>, of bytes: Bytes, noBreakSpaces: Bool = false,
        trimming trims: (UInt8) -> Bool = isSpace
    ) -> Range<Bytes.Index> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let next = bytes.index(after: lower)
            if trims(bytes[lower]) {
                lower = next
            } else if noBreakSpaces, next < upper, bytes[lower] == 0xC2, bytes[next] == 0xA0 {
                lower = bytes.index(after: next)
            } else {
                break
            }
        }
        while upper > lower {
            let previous = bytes.index(before: upper)
            if trims(bytes[previous]) {
                upper = previous
            } else if noBreakSpaces, previous > lower, bytes[previous] == 0xA0,
                bytes[bytes.index(before: previous)] == 0xC2
            {
                upper = bytes.index(before: previous)
            } else {
                break
            }
        }
        return lower..<upper
    }
}
