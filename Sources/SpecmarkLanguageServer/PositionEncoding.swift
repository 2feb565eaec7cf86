/// How an LSP position's character counts: UTF-16 code units (the protocol's default) or UTF-8 bytes (what
/// Specmark's columns are, when the client offers it).
public enum PositionEncoding: String, Hashable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// The encoding to use from those the client offers: UTF-8 when offered, else UTF-16.
    public static func negotiate(_ offered: [String]?) -> PositionEncoding {
        offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}
