/// What a finding says: lower-case, no final period, naming the thing and the evidence, never a line number
/// (the finding's location says where).
///
/// Messages are typed statics beside the code that reports them (`extension FindingMessage { fileprivate
/// static func … }`), like swift-format's `Finding.Message`, so each rule's wording sits in one place. The type
/// takes no string literal, so a report site cannot pass a bare string.
public struct FindingMessage: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// `text`, then `; did you mean 'suggestion'?` when there is a suggestion.
    public init(_ text: String, suggesting suggestion: String?) {
        self.text = text + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }

    public var description: String { text }

    /// Page text for quoting in a message, with invisible and look-alike characters written by code point:
    /// `/users<U+202F>/messages`, `User<U+200B>.Read`.
    ///
    /// A no-break or narrow space, a zero-width character or a typographic dash reads like its ASCII twin (or like
    /// nothing) in a terminal, so a message quoting it would name a difference the reader cannot see. Written out
    /// are controls, format characters (zero-width spaces and joiners, direction marks, soft hyphens, BOMs), every
    /// space but U+0020, Unicode dashes, quotes and slashes, full-width ASCII, and Cyrillic or Greek letters in
    /// text that also holds ASCII letters (`Usеr` with a Cyrillic `е`).
    public static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return text }
        let hasASCIILetters = text.utf8.contains {
            ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isInvisibleOrLookAlike(scalar, amongASCIILetters: hasASCIILetters) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isInvisibleOrLookAlike(_ scalar: Unicode.Scalar, amongASCIILetters: Bool) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .dashPunctuation,
            .initialPunctuation, .finalPunctuation, .privateUse, .unassigned:
            return true
        default: break
        }
        switch scalar.value {
        case 0x2032, 0x2033, 0x2044, 0x2215, 0x2212, 0x29F8, 0x3000, 0xFF01...0xFF5E: return true
        case 0x0370...0x03FF, 0x0400...0x04FF: return amongASCIILetters
        default: return false
        }
    }
}
