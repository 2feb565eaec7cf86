import SpecmarkContract

/// What a rule's check may use besides the doc set: the configured options, and the file system outside the doc
/// set, through the linter's ``FileLookup`` (rules do no I/O of their own).
public struct RuleContext: Sendable {
    public var options: RuleOptions
    /// Files outside the doc set: whether a link target exists, a linked page's headings, a folder's names.
    public var files: any FileLookup

    public init(options: RuleOptions = RuleOptions(), files: any FileLookup = FileSystemLookup()) {
        self.options = options
        self.files = files
    }
}
