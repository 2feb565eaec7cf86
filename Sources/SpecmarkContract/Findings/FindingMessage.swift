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
}
