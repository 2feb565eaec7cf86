#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one byte search, comparison and trim of the package: every module that looks for bytes in bytes, compares
/// them or trims spaces off a range of them comes here.
///
/// Pages are UTF-8 bytes, and what the readers look for is ASCII (`](`, `<!--`, `|`), so searching bytes is exact
/// and avoids the standard library's Character-based search, which costs more than the rest of a page's
/// extraction. Each function takes any collection of bytes; contiguous ones (arrays, slices, native strings' UTF-8)
/// are searched with `memchr` and `memcmp`, the rest with the plain loop. `ByteSearchTests` checks both against the
/// standard library on random input.
@usableFromInline
package enum ByteSearch {
    /// The index of the first occurrence of `needle` in `haystack[start..<end]`, or nil; an empty needle is found at
    /// `start`.
    @inlinable
    package static func firstIndex<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(
        of needle: Needle, in haystack: Haystack, from start: Haystack.Index, to end: Haystack.Index
    ) -> Haystack.Index? {
        guard !needle.isEmpty else { return start }
        guard start < end else { return nil }
        let contiguous: Int?? =
            haystack.withContiguousStorageIfAvailable { bytes in
                needle.withContiguousStorageIfAvailable { pattern in
                    offset(
                        of: pattern, in: bytes, from: haystack.distance(from: haystack.startIndex, to: start),
                        to: haystack.distance(from: haystack.startIndex, to: end))
                }
            } ?? nil
        if let contiguous {
            return contiguous.map { haystack.index(haystack.startIndex, offsetBy: $0) }
        }
        return plainFirstIndex(of: needle, in: haystack, from: start, to: end)
    }

    /// The index of the first occurrence of `needle` in the whole of `haystack`, or nil.
    @inlinable
    package static func firstIndex<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(
        of needle: Needle, in haystack: Haystack
    ) -> Haystack.Index? {
        firstIndex(of: needle, in: haystack, from: haystack.startIndex, to: haystack.endIndex)
    }

    /// Whether `byte` occurs in `bytes`, by `memchr`.
    package static func containsByte(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// The offset of the first of the three bytes `a`, `b` and `c` in `bytes[start..<end]`, or `end` when none is
    /// there (`start` itself when `start >= end`). Eight bytes at a time: ``matches(_:_:)`` marks each byte equal to
    /// one of them, so a word without any costs a handful of operations instead of eight comparisons of three.
    @inline(__always)
    package static func firstOffset(
        of a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found = matches(word, a) | matches(word, b) | matches(word, c)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return index
    }

    /// How many times `byte` occurs in `bytes[start..<end]`, eight bytes at a time.
    package static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int
    {
        var index = start
        var count = 0
        if let base = bytes.baseAddress {
            while index + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                count &+= matches(word, byte).nonzeroBitCount
                index += 8
            }
        }
        while index < end {
            if bytes[index] == byte { count &+= 1 }
            index += 1
        }
        return count
    }

    /// The high bit of each byte of `word` that equals `byte`, and no other bit: exact for every byte (the
    /// shorter `(x - 0x01…) & ~x` test can also mark a byte above a match).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((difference & low) &+ low) | difference | low)
    }

    /// `firstIndex` over contiguous bytes, by offset: `memchr` for the first byte, `memcmp` for the rest.
    @inlinable
    static func offset(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int? {
        precondition(start >= 0 && start <= end && end <= haystack.count, "search bounds outside the bytes")
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, needle.count > 0 else { return nil }
        let count = needle.count
        // A short run is quicker searched in line than through a library call per candidate.
        if end - start < 64 {
            let first = pattern.pointee
            var index = start
            while end - index >= count {
                if base[index] == first, rest(of: pattern, count: count, matchesAt: base + index) { return index }
                index += 1
            }
            return nil
        }
        var index = start
        while end - index >= count {
            guard let hit = memchr(base + index, Int32(pattern.pointee), end - index - count + 1) else { return nil }
            let found = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if rest(of: pattern, count: count, matchesAt: base + found) { return found }
            index = found + 1
        }
        return nil
    }

    /// Whether the `count` bytes at `candidate` after the first equal `pattern`'s: in line for the short needles
    /// readers look for, `memcmp` for long ones.
    @inlinable
    static func rest(of pattern: UnsafePointer<UInt8>, count: Int, matchesAt candidate: UnsafePointer<UInt8>) -> Bool {
        guard count > 16 else {
            var offset = 1
            while offset < count, candidate[offset] == pattern[offset] { offset += 1 }
            return offset == count
        }
        return memcmp(candidate + 1, pattern + 1, count - 1) == 0
    }

    /// The plain search, for collections without contiguous storage.
    @inlinable
    static func plainFirstIndex<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(
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

    /// Whether two runs of bytes are equal, ASCII letters compared without case when `ignoringASCIICase`.
    @inlinable
    package static func equal<Left: Collection<UInt8>, Right: Collection<UInt8>>(
        _ lhs: Left, _ rhs: Right, ignoringASCIICase: Bool
    ) -> Bool {
        let contiguous: Bool?? =
            lhs.withContiguousStorageIfAvailable { left in
                rhs.withContiguousStorageIfAvailable { right in
                    guard left.count == right.count else { return false }
                    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                    guard ignoringASCIICase else {
                        guard left.count > 16 else { return left.elementsEqual(right) }
                        return memcmp(leftBase, rightBase, left.count) == 0
                    }
                    for index in 0..<left.count where lowered(left[index]) != lowered(right[index]) { return false }
                    return true
                }
            } ?? nil
        if let contiguous, let result = contiguous { return result }
        guard ignoringASCIICase else { return lhs.elementsEqual(rhs) }
        return lhs.elementsEqual(rhs) { lowered($0) == lowered($1) }
    }

    /// Whether `lhs[lhsRange]` and `rhs[rhsRange]` (byte offsets into two strings' UTF-8) are equal, ASCII letters
    /// compared without case when `ignoringASCIICase`: for matchers that work on offsets into whole strings, whose
    /// bytes are reached without the cost of a substring.
    @inlinable
    package static func equal(
        _ lhs: String.UTF8View, _ lhsRange: Range<Int>, _ rhs: String.UTF8View, _ rhsRange: Range<Int>,
        ignoringASCIICase: Bool
    ) -> Bool {
        guard lhsRange.count == rhsRange.count else { return false }
        let contiguous: Bool?? =
            lhs.withContiguousStorageIfAvailable { left in
                rhs.withContiguousStorageIfAvailable { right in
                    precondition(
                        lhsRange.lowerBound >= 0 && lhsRange.upperBound <= left.count && rhsRange.lowerBound >= 0
                            && rhsRange.upperBound <= right.count, "compare bounds outside the bytes")
                    return equal(left[lhsRange], right[rhsRange], ignoringASCIICase: ignoringASCIICase)
                }
            } ?? nil
        if let contiguous, let result = contiguous { return result }
        return equal(Array(lhs)[lhsRange], Array(rhs)[rhsRange], ignoringASCIICase: ignoringASCIICase)
    }

    /// The offset of the first occurrence of `needle`'s UTF-8 in `haystack[range]` (byte offsets), or nil.
    @inlinable
    package static func offset(
        of needle: String.UTF8View, in haystack: String.UTF8View, within range: Range<Int>
    )
        -> Int?
    {
        guard !needle.isEmpty else { return range.lowerBound }
        let contiguous: Int?? =
            haystack.withContiguousStorageIfAvailable { bytes in
                needle.withContiguousStorageIfAvailable { pattern in
                    offset(of: pattern, in: bytes, from: range.lowerBound, to: range.upperBound)
                }
            } ?? nil
        if let contiguous { return contiguous }
        let bytes = Array(haystack)
        return plainFirstIndex(of: Array(needle), in: bytes, from: range.lowerBound, to: range.upperBound)
    }

    /// The offset ranges `bytes.split(separator:maxSplits:omittingEmptySubsequences:)` gives, found by offset.
    @inlinable
    package static func splitRanges(
        _ bytes: UnsafeBufferPointer<UInt8>, _ separator: UInt8, maxSplits: Int, omittingEmptySubsequences: Bool
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        if maxSplits > 0 {
            var offset = 0
            while offset < bytes.count {
                guard bytes[offset] == separator else {
                    offset += 1
                    continue
                }
                let appended = offset > start || !omittingEmptySubsequences
                if appended { ranges.append(start..<offset) }
                offset += 1
                start = offset
                if appended && ranges.count == maxSplits { break }
            }
        }
        if start < bytes.count || !omittingEmptySubsequences { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// An ASCII capital letter lower-cased; every other byte as it is.
    @inlinable
    package static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
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
        let offsets: Range<Int>? = bytes.withContiguousStorageIfAvailable { buffer in
            let lower = bytes.distance(from: bytes.startIndex, to: range.lowerBound)
            let upper = bytes.distance(from: bytes.startIndex, to: range.upperBound)
            return plainTrimmed(lower..<upper, of: buffer, noBreakSpaces: noBreakSpaces, trimming: trims)
        }
        if let offsets {
            let lower = bytes.index(bytes.startIndex, offsetBy: offsets.lowerBound)
            return lower..<bytes.index(lower, offsetBy: offsets.count)
        }
        return plainTrimmed(range, of: bytes, noBreakSpaces: noBreakSpaces, trimming: trims)
    }

    /// The trim itself, over any bytes.
    @inlinable
    static func plainTrimmed<Bytes: BidirectionalCollection<UInt8>>(
        _ range: Range<Bytes.Index>, of bytes: Bytes, noBreakSpaces: Bool, trimming trims: (UInt8) -> Bool
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

extension ByteSearch {
    /// The index of the last of the ascending `starts` that is at or before `offset` (0 when none is): the line a
    /// byte offset falls on, given the offsets the lines start at.
    package static func lastStart(atOrBefore offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return max(0, low)
    }
}
