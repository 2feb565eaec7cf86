import Testing

@testable import SpecmarkMarkdown

/// The byte search and trim every module uses, against plain versions, on random bytes.
@Suite struct ByteSearchTests {
    /// A small generator that repeats from a seed, so a failure can be run again.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes from a small alphabet (so needles occur), with spaces, tabs, newlines and no-break spaces.
    static func bytes(_ count: Int, using generator: inout Generator) -> [UInt8] {
        let alphabet: [UInt8] = [0x61, 0x62, 0x41, 0x20, 0x09, 0x0A, 0x0D, 0xC2, 0xA0, 0x5D, 0x28]
        return (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
    }

    static func plainFirstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard end - start >= needle.count else { return nil }
        for index in start...(end - needle.count) where Array(haystack[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }

    /// The word-at-a-time search for any of three bytes and the count of one agree with a byte loop, on every
    /// alignment and length (words, tails, empty and inverted ranges), with bytes just off the ones sought.
    @Test func wordSearchesAgreeWithTheByteLoop() {
        var generator = Generator(state: 41)
        let alphabet: [UInt8] = [0x7C, 0x5C, 0x60, 0x7D, 0x5D, 0xFC, 0xDC, 0xE0, 0x61, 0x20, 0x00, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % 12)] }
            let start = Int(generator.next() % UInt64(bytes.count + 1))
            let end = start + Int(generator.next() % UInt64(bytes.count - start + 1))
            let expectedFirst =
                (start..<end).first { [0x7C, 0x5C, 0x60].contains(bytes[$0]) } ?? end
            let expectedCount = bytes[start..<end].count { $0 == 0x7C }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(
                    ByteSearch.firstOffset(of: 0x7C, 0x5C, 0x60, in: buffer, from: start, to: end) == expectedFirst,
                    "\(bytes) \(start)..<\(end)")
                #expect(ByteSearch.count(of: 0x7C, in: buffer, from: start, to: end) == expectedCount)
            }
        }
        [UInt8](repeating: 0x61, count: 20).withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.firstOffset(of: 0x7C, 0x5C, 0x60, in: buffer, from: 12, to: 4) == 12)
        }
    }

    /// A pipe-table row splits as a plain reading of the rules does, byte by byte: pipes split, a backslash escapes
    /// the next byte, a backtick run up to its matching run is one piece, a trailing pipe ends the row. Rows are
    /// random over those bytes, spaces and letters.
    @Test func rowsSplitAsTheBytewiseReadingDoes() {
        func reference(_ bytes: [UInt8]) -> (cells: [Range<Int>], pipeCount: Int) {
            var index = 0
            let end = bytes.count
            while index < end && isSpace(bytes[index]) { index += 1 }
            var pipes = 0
            if index < end && bytes[index] == 0x7C {
                index += 1
                pipes += 1
            }
            var cells: [Range<Int>] = []
            var cellStart = index
            var endsWithPipe = false
            while index < end {
                let byte = bytes[index]
                if byte == 0x5C {
                    index += 2
                    endsWithPipe = false
                } else if byte == 0x60 {
                    var runEnd = index
                    while runEnd < end && bytes[runEnd] == 0x60 { runEnd += 1 }
                    let run = runEnd - index
                    index =
                        InlineScanner.closingBacktickRun(in: bytes, length: run, from: runEnd, end: end).map {
                            $0 + run
                        } ?? runEnd
                    endsWithPipe = false
                } else {
                    if byte == 0x7C {
                        cells.append(cellStart..<index)
                        pipes += 1
                        cellStart = index + 1
                        endsWithPipe = true
                    } else if !isSpace(byte) {
                        endsWithPipe = false
                    }
                    index += 1
                }
            }
            let tail = cellStart..<min(index, end)
            if !(endsWithPipe && bytes[tail].allSatisfy(isSpace)) || cells.isEmpty && pipes == 0 { cells.append(tail) }
            return (cells, pipes)
        }
        var generator = Generator(state: 43)
        let alphabet: [UInt8] = [0x7C, 0x7C, 0x5C, 0x60, 0x20, 0x20, 0x61, 0x62, 0x09]
        for _ in 0..<5_000 {
            let bytes = (0..<Int(generator.next() % 30)).map { _ in alphabet[Int(generator.next() % 9)] }
            let expected = reference(bytes)
            let split = PipeTable.splitRow(bytes, 0..<bytes.count)
            #expect(split.cells == expected.cells && split.pipeCount == expected.pipeCount, "\(bytes)")
            #expect(PipeTable.splitRow(bytes, 0..<bytes.count, collectingCells: false).pipeCount == expected.pipeCount)
        }
    }

    @Test func firstIndexAgreesWithThePlainSearch() {
        var generator = Generator(state: 17)
        for _ in 0..<5_000 {
            let haystack = Self.bytes(Int(generator.next() % 40), using: &generator)
            let needle = Self.bytes(Int(generator.next() % 4), using: &generator)
            let start = haystack.isEmpty ? 0 : Int(generator.next() % UInt64(haystack.count + 1))
            let end = start + Int(generator.next() % UInt64(haystack.count - start + 1))
            #expect(
                ByteSearch.firstIndex(of: needle, in: haystack, from: start, to: end)
                    == Self.plainFirstIndex(of: needle, in: haystack, from: start, to: end),
                "\(needle) in \(haystack)[\(start)..<\(end)]")
            // Over a slice (other indices) and over bytes without contiguous storage (the plain loop).
            let slice = haystack[start..<end]
            #expect(
                ByteSearch.firstIndex(of: needle, in: slice)
                    == Self.plainFirstIndex(of: needle, in: haystack, from: start, to: end))
            let lazy = haystack.lazy.map { $0 }
            #expect(
                ByteSearch.firstIndex(of: needle.lazy.map { $0 }, in: lazy, from: start, to: end)
                    == Self.plainFirstIndex(of: needle, in: haystack, from: start, to: end))
            // Equality, with and without case, against the standard library's.
            let other = Self.bytes(needle.count, using: &generator)
            for ignoringCase in [false, true] {
                let plain =
                    needle.count == other.count
                    && zip(needle, other).allSatisfy {
                        ignoringCase ? ByteSearch.lowered($0) == ByteSearch.lowered($1) : $0 == $1
                    }
                #expect(ByteSearch.equal(needle, other, ignoringASCIICase: ignoringCase) == plain)
                #expect(ByteSearch.equal(needle.lazy.map { $0 }, other, ignoringASCIICase: ignoringCase) == plain)
            }
        }
    }

    @Test func trimmedAgreesWithThePlainTrim() {
        var generator = Generator(state: 29)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        for _ in 0..<5_000 {
            let bytes = Self.bytes(Int(generator.next() % 12), using: &generator)
            let plain = bytes.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
            let range = ByteSearch.trimmed(0..<bytes.count, of: bytes)
            #expect(Array(bytes[range]) == Array(plain), "\(bytes)")
            // With no-break spaces: trimmed again until nothing changes.
            var expected = bytes[...]
            while true {
                let before = expected.count
                expected = expected.drop(while: isSpace)
                if expected.starts(with: [0xC2, 0xA0]) { expected = expected.dropFirst(2) }
                while let last = expected.last, isSpace(last) { expected = expected.dropLast() }
                if expected.count >= 2, expected.suffix(2).elementsEqual([0xC2, 0xA0]) {
                    expected = expected.dropLast(2)
                }
                if expected.count == before { break }
            }
            let withNoBreak = ByteSearch.trimmed(0..<bytes.count, of: bytes, noBreakSpaces: true)
            #expect(Array(bytes[withNoBreak]) == Array(expected), "\(bytes)")
        }
    }

    @Test func stringHelpersAgreeWithTheStandardLibrary() {
        var generator = Generator(state: 41)
        for _ in 0..<2_000 {
            let text = String(decoding: Self.bytes(Int(generator.next() % 16), using: &generator), as: UTF8.self)
            let needle = String(decoding: Self.bytes(1 + Int(generator.next() % 3), using: &generator), as: UTF8.self)
            #expect(text.containsBytes(needle) == text.utf8.elementsEqualAnywhere(needle.utf8), "\(text) / \(needle)")
            let trimmed = text.trimmingSpaces()
            #expect(trimmed.utf8.first.map { !ByteSearch.isSpace($0) } ?? true)
            #expect(trimmed.utf8.last.map { !ByteSearch.isSpace($0) } ?? true)
            #expect(trimmed.isEmpty || text.containsBytes(trimmed))
            // Exactly the bytes a plain trim from both ends leaves, for strings and substrings alike.
            func plainTrim(_ bytes: [UInt8], _ trims: (UInt8) -> Bool) -> [UInt8] {
                Array(bytes.drop(while: trims).reversed().drop(while: trims).reversed())
            }
            #expect(Array(trimmed.utf8) == plainTrim(Array(text.utf8), ByteSearch.isSpace))
            #expect(
                Array(text.dropFirst().trimmingSpaces().utf8)
                    == plainTrim(Array(text.dropFirst().utf8), ByteSearch.isSpace))
            let marks: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x5D || $0 == 0x28 }
            #expect(Array(text.trimming("](").utf8) == plainTrim(Array(text.utf8), marks), "\(Array(text.utf8))")
        }
        #expect("  (a.b:) ".trimming("().:") == "a.b")
        #expect("`201`,".trimming("`,") == "201")
        #expect(":::".trimming(":") == "")
    }

    @Test func lastStartAgreesWithTheLinearScan() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var starts = [0]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                starts.append(starts.last! + Int.random(in: 1...5, using: &generator))
            }
            for offset in -2...(starts.last! + 3) {
                let expected = starts.lastIndex(where: { $0 <= offset }) ?? 0
                #expect(ByteSearch.lastStart(atOrBefore: offset, in: starts) == expected, "\(starts) \(offset)")
            }
        }
        #expect(ByteSearch.lastStart(atOrBefore: 7, in: []) == 0)
    }

    /// `splitBytes` gives the pieces of the standard library's split over UTF-8, for every option, on strings
    /// and substrings over separators, runs of them, and multi-byte characters.
    @Test func splitBytesAgreesWithTheStandardSplit() {
        var generator = Generator(state: 2_024)
        let alphabet = ["a", " ", " ", "/", "é", "\u{301}", "日", "b"]
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 10)
            let text = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let maxSplits = [0, 1, 2, Int.max][Int(generator.next() % 4)]
            let omitting = generator.next() % 2 == 0
            for separator in [UInt8(ascii: " "), UInt8(ascii: "/")] {
                let expected = text.utf8.split(
                    separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting
                ).map { Array($0) }
                let pieces = text.splitBytes(separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                #expect(pieces.map { Array($0.utf8) } == expected, "\(Array(text.unicodeScalars)) \(maxSplits)")
                let dropped = Substring(text).dropFirst()
                let expectedInSubstring = dropped.utf8.split(
                    separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                let substringPieces = dropped.splitBytes(
                    separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                // Same bytes, and the same indices into the text (callers slice the text with them).
                #expect(substringPieces.map { Array($0.utf8) } == expectedInSubstring.map { Array($0) })
                #expect(substringPieces.map(\.startIndex) == expectedInSubstring.map(\.startIndex))
                #expect(substringPieces.map(\.endIndex) == expectedInSubstring.map(\.endIndex))
            }
        }
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs anywhere, the slow way.
    fileprivate func elementsEqualAnywhere(_ needle: String.UTF8View) -> Bool {
        let haystack = Array(self)
        let pattern = Array(needle)
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
    }
}

/// `CodeBlock.language` reads ASCII words byte by byte; it must give what the Character-based word does.
@Suite struct CodeBlockLanguageTests {
    static func block(info: String) -> CodeBlock {
        CodeBlock(
            range: SourceRange(1, 1, 1, 1), isFenced: true, fence: "~~~", info: info,
            content: PositionedText("", at: SourcePosition(line: 2, column: 1)), contentStartLine: 2, isClosed: true)
    }

    @Test(arguments: [
        ("http", "http"), ("JSON", "json"), ("HTTP {highlight}", "http"), ("json\tlinenums", "json"),
        ("json{x}", "json"), ("", ""), ("Résumé x", "résumé"), ("a \u{301}b c", "a \u{301}b"),
        ("ÄPI", "äpi"), ("http\u{301} x", "http\u{301}"),
    ])
    func languageIsTheFirstWordLowerCased(info: String, expected: String) {
        #expect(Self.block(info: info).language == expected)
    }

    /// Random info strings over ASCII letters, the three stops, `é` and a combining accent.
    @Test func languageAgreesWithTheCharacterBasedWord() {
        var generator = ByteSearchTests.Generator(state: 24)
        let alphabet: [String] = ["a", "B", " ", "\t", "{", "é", "\u{301}", "-", "Z"]
        for _ in 0..<3_000 {
            let info = (0..<Int(generator.next() % 8)).map { _ in
                alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }.joined()
            let expected = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }.lowercased()
            #expect(Self.block(info: info).language == expected, "info \(Array(info.unicodeScalars))")
        }
    }
}
