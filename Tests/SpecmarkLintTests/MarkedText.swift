import SpecmarkMarkdown

/// Rule-example text with `1️⃣`…`9️⃣` markers taken out and their positions recorded (1-based lines, UTF-8 byte
/// columns, as cmark counts them); `<0xNN>` stands for the raw byte NN (for invalid UTF-8).
///
/// A marker's first occurrence is where a finding starts; its second, where it ends: the position of the
/// character just before the second marker.
struct MarkedText {
    /// Where a finding starts, and ends when the example says so.
    struct Marker: Equatable {
        var start: SourcePosition
        var end: SourcePosition?
    }

    var bytes: [UInt8] = []
    /// By marker digit (1 for `1️⃣`).
    var markers: [Int: Marker] = [:]

    init(_ text: String) {
        let input = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < input.count {
            let byte = input[index]
            // A keycap marker: digit, U+FE0F (EF B8 8F), U+20E3 (E2 83 A3).
            if byte >= 0x31 && byte <= 0x39, index + 6 < input.count, input[index + 1] == 0xEF,
                input[index + 2] == 0xB8,
                input[index + 3] == 0x8F, input[index + 4] == 0xE2, input[index + 5] == 0x83, input[index + 6] == 0xA3
            {
                let digit = Int(byte - 0x30)
                if markers[digit] == nil {
                    markers[digit] = Marker(start: SourcePosition(line: line, column: bytes.count - lineStart + 1))
                } else {
                    markers[digit]?.end = SourcePosition(line: line, column: bytes.count - lineStart)
                }
                index += 7
                continue
            }
            if byte == UInt8(ascii: "<"), index + 5 < input.count, input[index + 1] == UInt8(ascii: "0"),
                input[index + 2] == UInt8(ascii: "x"), input[index + 5] == UInt8(ascii: ">"),
                let value = UInt8(String(decoding: input[(index + 3)...(index + 4)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 6
                continue
            }
            bytes.append(byte)
            if byte == 0x0A {
                line += 1
                lineStart = bytes.count
            }
            index += 1
        }
    }

    /// The markers in digit order.
    var ordered: [Marker] {
        markers.keys.sorted().compactMap { markers[$0] }
    }
}
