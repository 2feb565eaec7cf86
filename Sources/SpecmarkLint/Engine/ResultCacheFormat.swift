import SpecmarkContract
import SpecmarkMarkdown

/// The result cache's file format: varint integers and length-prefixed UTF-8 strings, written and read field by
/// field. A warm run spends its time deciding whether it can reuse the last one, and `JSONDecoder` took 40% of
/// it; this reads the same 3 MB in a few milliseconds. Every read is bounds-checked and a mismatch throws.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        for value in [
            location.range.start.line, location.range.start.column, location.range.end.line, location.range.end.column,
        ] {
            int(value)
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.ruleID)
        string(diagnostic.severity.rawValue)
        string(diagnostic.message)
        location(diagnostic.location)
        int(diagnostic.notes.count)
        for note in diagnostic.notes {
            string(note.message)
            bool(note.location != nil)
            if let noteLocation = note.location { location(noteLocation) }
        }
        string(diagnostic.anchor)
        string(diagnostic.fingerprint)
        bool(diagnostic.suppression != nil)
        if let suppression = diagnostic.suppression {
            string(suppression.kind.rawValue)
            string(suppression.justification)
            bool(suppression.location != nil)
            if let suppressionLocation = suppression.location { location(suppressionLocation) }
        }
        string(diagnostic.baselineState?.rawValue ?? "")
    }
}

/// Bytes that are not a result cache of this format.
struct CacheFormatError: Error {}

struct CacheReader {
    let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheFormatError() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(truncatingIfNeeded: Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw CacheFormatError() }
        return value
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= bytes.count else { throw CacheFormatError() }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw CacheFormatError() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func location() throws -> SourceLocation {
        let file = try string()
        let start = SourcePosition(line: try int(), column: try int())
        let end = SourcePosition(line: try int(), column: try int())
        return SourceLocation(file: file, range: SourceRange(start: start, end: end))
    }

    mutating func diagnostic() throws -> Diagnostic {
        let ruleID = try string()
        guard let severity = Severity(rawValue: try string()) else { throw CacheFormatError() }
        let message = try string()
        let location = try location()
        var notes: [Diagnostic.Note] = []
        for _ in 0..<(try count()) {
            let text = try string()
            notes.append(.init(text, at: try bool() ? try self.location() : nil))
        }
        var diagnostic = Diagnostic(
            ruleID: ruleID, severity: severity, message: message, location: location, notes: notes,
            anchor: try string())
        diagnostic.fingerprint = try string()
        if try bool() {
            guard let kind = Suppression.Kind(rawValue: try string()) else { throw CacheFormatError() }
            let justification = try string()
            diagnostic.suppression = Suppression(
                kind: kind, justification: justification, location: try bool() ? try self.location() : nil)
        }
        let state = try string()
        diagnostic.baselineState = state.isEmpty ? nil : BaselineState(rawValue: state)
        return diagnostic
    }
}
