#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a source file with an index of its lines, split the way cmark splits them
/// (`\n`, `\r\n` or a lone `\r`).
public struct SourceText: Hashable, Sendable {
    /// The file's bytes after decoding fixes (BOM removed, NUL bytes replaced).
    public let bytes: [UInt8]
    /// The byte offset at which each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]
    /// The byte offset just past each line's content, before its line terminator.
    public let lineEnds: [Int]

    /// Indexes the lines of `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        ends.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            guard let base = buffer.baseAddress, count > 0 else { return }
            if memchr(base, 0x0D, count) == nil {
                // Only `\n` ends lines (nearly every file): let memchr find them.
                while index < count, let found = memchr(base + index, 0x0A, count - index) {
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    ends.append(offset)
                    index = offset + 1
                    starts.append(index)
                }
                return
            }
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    ends.append(index)
                    index += 1
                    starts.append(index)
                } else if byte == 0x0D {
                    ends.append(index)
                    index += (index + 1 < count && buffer[index + 1] == 0x0A) ? 2 : 1
                    starts.append(index)
                } else {
                    index += 1
                }
            }
        }
        if starts.last == bytes.count && starts.count > 1 {
            // A final line terminator does not open another line.
            starts.removeLast()
        } else {
            ends.append(bytes.count)
        }
        self.lineStarts = starts
        self.lineEnds = ends
    }

    /// `bytes` with the line index of `original`, for a copy whose line terminators are where they were (the
    /// text cmark sees, front matter blanked): indexing the lines again would find the same offsets.
    init(bytes: [UInt8], linesOf original: SourceText) {
        self.bytes = bytes
        self.lineStarts = original.lineStarts
        self.lineEnds = original.lineEnds
    }

    /// The number of lines; an empty file has one empty line.
    public var lineCount: Int { lineStarts.count }

    /// The byte offsets of line `line`'s content (1-based), or an empty range past the end.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        return lineStarts[line - 1]..<lineEnds[line - 1]
    }

    /// The bytes of line `line` (1-based), without its terminator.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        bytes[byteRange(ofLine: line)]
    }

    /// The text of line `line` (1-based), without its terminator.
    public func line(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    /// The byte length of line `line`'s content.
    public func lineLength(_ line: Int) -> Int {
        byteRange(ofLine: line).count
    }

    /// The text of `range`, lines joined with `"\n"`.
    public func text(in range: SourceRange) -> String {
        guard range.start.line >= 1, range.start.line <= lineCount else { return "" }
        var result: [UInt8] = []
        for lineNumber in range.start.line...min(range.end.line, lineCount) {
            let span = byteRange(ofLine: lineNumber)
            let from =
                lineNumber == range.start.line
                ? min(span.lowerBound + range.start.column - 1, span.upperBound) : span.lowerBound
            let to =
                lineNumber == range.end.line
                ? min(span.lowerBound + range.end.column, span.upperBound) : span.upperBound
            if lineNumber > range.start.line { result.append(0x0A) }
            if from < to { result.append(contentsOf: bytes[from..<to]) }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
