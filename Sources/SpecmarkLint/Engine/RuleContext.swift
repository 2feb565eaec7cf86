import NIOConcurrencyHelpers
import SpecmarkContract
import SpecmarkMetadata

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
    /// Paths resolved against the service metadata so far, shared by every page this context checks: a context
    /// serves one lint of one doc set, as the linter makes one for each run.
    let pathResolutions = PathResolutions()

    public init(options: RuleOptions = RuleOptions(), files: any FileLookup = FileSystemLookup()) {
        self.options = options
        self.files = files
        self.standardHeaderNames = Self.lowercasedNames(options.standardHeaders)
    }

    private static func lowercasedNames(_ names: [String]) -> Set<String> {
        Set(names.map { $0.lowercased() })
    }
}

/// Resolutions of paths against the metadata, by API version and path as written: thousands of a doc set's
/// declared paths and example URLs are written on more than one page (`/me`, `/users/{id}`).
final class PathResolutions: Sendable {
    private struct Key: Hashable {
        let version: String?
        let path: String
    }

    private let resolved = NIOLockedValueBox<[Key: PathResolution]>([:])

    /// The resolution of `path` for pages of `version`, made by `resolve` the first time it is asked for (outside
    /// the lock: two pages asking at once may both resolve it, to the same result).
    func resolution(of path: String, version: String?, _ resolve: () -> PathResolution) -> PathResolution {
        let key = Key(version: version, path: path)
        if let known = resolved.withLockedValue({ $0[key] }) { return known }
        let resolution = resolve()
        resolved.withLockedValue { $0[key] = resolution }
        return resolution
    }

    /// Forgets every resolution, freeing them on the calling thread (the last holder of a context may be busy).
    func removeAll() {
        let forgotten = resolved.withLockedValue { resolved in
            defer { resolved = [:] }
            return resolved
        }
        withExtendedLifetime(forgotten) {}
    }
}
