public import SpecmarkMarkdown

extension MarkdownProblem.Kind {
    /// The severity a problem of this kind has unless configuration says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .invalidUTF8, .frontMatterInvalid, .frontMatterUnclosed, .unclosedFence, .unclosedComment: .error
        case .nulByte, .frontMatterDuplicateKey, .tableCellCount, .nestingTooDeep: .warning
        case .byteOrderMark: .note
        }
    }
}

extension Diagnostic {
    /// The diagnostic for a problem the Markdown layer found in `file`.
    public init(_ problem: MarkdownProblem, file: String) {
        self.init(
            ruleID: problem.kind.rawValue, severity: problem.kind.defaultSeverity, message: problem.message,
            location: SourceLocation(file: file, range: problem.range))
    }
}
