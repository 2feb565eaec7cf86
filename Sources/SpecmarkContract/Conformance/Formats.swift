import SpecmarkMarkdown

/// Validators for the string formats of EDM types, written over UTF-8 bytes (no regular expressions).
enum Formats {
    /// Whether `text` is a valid literal of `primitive` (`DateTimeOffset`, `Date`, `TimeOfDay`, `Guid`, `Duration`).
    static func matches(_ text: String, _ primitive: TypeReference.Primitive) -> Bool {
        let bytes = Array(text.utf8)
        switch primitive {
        case .date: return isDate(bytes[...])
        case .timeOfDay: return isTime(bytes[...], requireSeconds: false)
        case .dateTimeOffset: return isDateTimeOffset(bytes)
        case .guid: return isGuid(bytes)
        case .duration: return isDuration(bytes)
        default: return true
        }
    }

    /// Values that stand for a value (`{id}`, `<date>`, `...`) rather than malformed ones.
    static func isPlaceholderLike(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "<") } || text.containsBytes("...")
            || text.containsBytes("…") || text.isEmpty
    }

    /// A hint for messages.
    static func example(_ primitive: TypeReference.Primitive) -> String {
        switch primitive {
        case .dateTimeOffset: " (for example 2021-06-01T09:00:00Z)"
        case .date: " (for example 2021-06-01)"
        case .timeOfDay: " (for example 09:30:00)"
        case .guid: " (for example 6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c)"
        case .duration: " (for example PT1H30M)"
        default: ""
        }
    }

    private static func digits(_ bytes: ArraySlice<UInt8>, _ count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func value(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `YYYY-MM-DD` with a real month and day.
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            digits(bytes[start..<(start + 4)], 4), digits(bytes[(start + 5)..<(start + 7)], 2),
            digits(bytes[(start + 8)..<(start + 10)], 2)
        else { return false }
        let month = value(bytes[(start + 5)..<(start + 7)])
        let day = value(bytes[(start + 8)..<(start + 10)])
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `hh:mm[:ss[.fraction]]`.
    static func isTime(_ bytes: ArraySlice<UInt8>, requireSeconds: Bool) -> Bool {
        let start = bytes.startIndex
        guard bytes.count >= 5, bytes[start + 2] == UInt8(ascii: ":"), digits(bytes[start..<(start + 2)], 2),
            digits(bytes[(start + 3)..<(start + 5)], 2), value(bytes[start..<(start + 2)]) < 24,
            value(bytes[(start + 3)..<(start + 5)]) < 60
        else { return false }
        if bytes.count == 5 { return !requireSeconds }
        guard bytes.count >= 8, bytes[start + 5] == UInt8(ascii: ":"), digits(bytes[(start + 6)..<(start + 8)], 2),
            value(bytes[(start + 6)..<(start + 8)]) < 61
        else { return false }
        if bytes.count == 8 { return true }
        guard bytes[start + 8] == UInt8(ascii: "."), bytes.count > 9 else { return false }
        return bytes[(start + 9)...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `YYYY-MM-DDThh:mm[:ss[.f]](Z|±hh:mm)`; an offset is required, as the type's name says.
    static func isDateTimeOffset(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 17, isDate(bytes[0..<10]), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
        else { return false }
        let rest = bytes[11...]
        if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            return isTime(rest.dropLast(), requireSeconds: false)
        }
        guard rest.count > 6 else { return false }
        let offsetStart = rest.endIndex - 6
        let sign = rest[offsetStart]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), rest[offsetStart + 3] == UInt8(ascii: ":"),
            digits(rest[(offsetStart + 1)..<(offsetStart + 3)], 2), digits(rest[(offsetStart + 4)...], 2)
        else { return false }
        return isTime(rest[rest.startIndex..<offsetStart], requireSeconds: false)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal.
    static func isGuid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }

    /// ISO 8601 durations: `P1D`, `PT1H30M`, `-P2DT0.5S`.
    static func isDuration(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "P") else { return false }
        index += 1
        var inTime = false
        var components = 0
        var allowed: [UInt8] = Array("YMWD".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                allowed = Array("HMS".utf8)
                index += 1
                continue
            }
            let numberStart = index
            while index < bytes.count,
                (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == UInt8(ascii: ".")
            {
                index += 1
            }
            guard index > numberStart, index < bytes.count, let position = allowed.firstIndex(of: bytes[index]) else {
                return false
            }
            allowed.removeFirst(position + 1)
            components += 1
            index += 1
        }
        return components > 0 && !(inTime && bytes.last == UInt8(ascii: "T"))
    }
}
