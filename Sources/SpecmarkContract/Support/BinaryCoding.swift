/// A compact binary encoding for Specmark's caches: varint integers and length-prefixed UTF-8 strings, written
/// and read field by field. `JSONDecoder`, and Codable with a positional coder, were slower than parsing the
/// Markdown again, which a cache exists to avoid. Every read is bounds-checked and a
/// mismatch throws.
package struct BinaryWriter: Sendable {
    package init() {}

    package private(set) var bytes: [UInt8] = []

    package mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    package mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Bytes written elsewhere (a length-prefixed record), as they are.
    package mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }
}

/// Bytes that are not what the reader expects: another format, or damage.
package struct BinaryFormatError: Error {
    package init() {}
}

package struct BinaryReader: Sendable {
    package let bytes: [UInt8]
    private var offset: Int
    private let end: Int

    package init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    /// A reader of `range` of `bytes`: reads past its end throw.
    package init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = max(0, min(range.lowerBound, bytes.count))
        end = max(offset, min(range.upperBound, bytes.count))
    }

    /// Skips `count` bytes (already checked by `count()`), returning their range.
    package mutating func skip(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= end - offset else { throw BinaryFormatError() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    package var isAtEnd: Bool { offset == end }

    package mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw BinaryFormatError() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(truncatingIfNeeded: Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    package mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw BinaryFormatError() }
        return value
    }

    package mutating func double() throws -> Double {
        guard offset + 8 <= end else { throw BinaryFormatError() }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    package mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    package mutating func bool() throws -> Bool {
        guard offset < end else { throw BinaryFormatError() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }
}
