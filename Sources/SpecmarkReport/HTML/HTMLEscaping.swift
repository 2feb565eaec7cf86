import Mustache

/// The HTML report's escaping: `&`, `<`, `>`, `"` and `'` replaced wherever they stand.
///
/// swift-mustache's own HTML escaping (2.1) compares whole characters, so a quote followed by a combining mark
/// (`"` U+0301, one character) passes unescaped and ends an attribute value early. This one works on UTF-8 bytes:
/// the five are ASCII, and no byte of a multi-byte sequence is, so each is found wherever it stands.
struct HTMLEscaping: MustacheContentType {
    /// The name the templates select it by (`{{% CONTENT_TYPE: SPECMARK_HTML}}`).
    static let name = "SPECMARK_HTML"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
