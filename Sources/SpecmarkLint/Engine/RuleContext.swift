import SpecmarkContract

/// What a rule's check may use besides the doc set: the configured options, and the file system outside the doc
/// set, through the linter's ``FileLookup`` (rules do no I/O of their own).
public struct RuleContext: Sendable {
    public var options: RuleOptions {
        didSet { standardHeaderNames = Self.lowercasedNames(options.standardHeaders) }
    }
    /// Files outside the doc set: whether a link target exists, a linked page's headings, a folder's names.
    public var files: any FileLookup
    /// `options.standardHeaders` lower-cased, made once for the header rules that look every header up.
    public private(set) var standardHeaderNames: Set<String>

    public init(options: RuleOptions = RuleOptions(), files: any FileLookup = FileSystemLookup()) {
        self.options = options
        self.files = files
        self.standardHeaderNames = Self.lowercasedNames(options.standardHeaders)
    }

    private static func lowercasedNames(_ names: [String]) -> Set<String> {
        Set(names.map { $0.lowercased() })
    }
}
