public import SpecmarkMarkdown

/// An inline suppression comment: `<!-- specmark-disable-next-block rule-id: reason -->`,
/// `<!-- specmark-disable rule-id -->` … `<!-- specmark-enable rule-id -->`.
public struct SuppressionDirective: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Suppresses findings inside the next block (an annotation comment and its code block count as one).
        case disableNextBlock(scope: SourceRange)
        /// Suppresses findings from here until a matching `specmark-enable` or the end of the file.
        case disable
        /// Ends an earlier `specmark-disable`.
        case enable
    }

    public var kind: Kind
    /// The rule ids it names; empty means every rule.
    public var rules: [String]
    /// The reason after the colon, or "".
    public var reason: String
    /// The comment's range.
    public var range: SourceRange

    /// Whether it names `rule` (or every rule).
    public func covers(_ rule: String) -> Bool {
        rules.isEmpty || rules.contains(rule)
    }

    /// Reads a comment's text as a directive, or nil when it is not one.
    public static func parse(_ text: String, range: SourceRange, nextBlock: SourceRange?) -> SuppressionDirective? {
        let trimmed = text.trimmingSpaces()
        let keywords: [(String, Kind)] = [
            ("specmark-disable-next-block", .disableNextBlock(scope: nextBlock ?? range)),
            ("specmark-disable", .disable), ("specmark-enable", .enable),
        ]
        for (keyword, kind) in keywords where trimmed.hasPrefix(keyword) {
            let rest = trimmed.dropFirst(keyword.count)
            guard rest.isEmpty || rest.first == " " || rest.first == ":" || rest.first == "\t" else { continue }
            var rulesText = Substring(rest)
            var reason = ""
            if let colon = rest.firstIndex(of: ":") {
                rulesText = rest[..<colon]
                reason = String(rest[rest.index(after: colon)...]).trimmingSpaces()
            }
            let rules = rulesText.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.map(String.init)
            if case .disableNextBlock = kind, nextBlock == nil {
                return SuppressionDirective(
                    kind: .disableNextBlock(scope: range), rules: rules, reason: reason, range: range)
            }
            return SuppressionDirective(kind: kind, rules: rules, reason: reason, range: range)
        }
        return nil
    }
}
