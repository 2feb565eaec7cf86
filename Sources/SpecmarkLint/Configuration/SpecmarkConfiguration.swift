import Foundation
public import SpecmarkContract
import SpecmarkMarkdown
internal import Yams

/// A run's configuration: the `.specmark.yml` file (version 1) with the defaults for everything it leaves out.
///
/// Every key is checked: an unknown key (with a did-you-mean) or a value of the wrong type is a
/// ``ConfigurationError`` at its line, and the run stops with exit status 2 rather than run with settings
/// the author did not mean.
public struct SpecmarkConfiguration: Sendable {
    /// When a run fails.
    public enum FailOn: String, Hashable, Sendable, CaseIterable {
        case error, warning, never
    }

    /// The file the configuration came from, or nil for the defaults.
    public var path: String?
    /// The absolute directory globs are relative to.
    public var directory: String
    /// Only pages matching one of these are checked (all when empty).
    public var include: [Glob] = []
    /// Pages matching one of these are not read at all.
    public var exclude: [Glob] = []
    public var failOn: FailOn = .error
    public var maxWarnings: Int?
    public var lint = LintConfiguration()
    public var extraction = ExtractionConfiguration()
    /// The service metadata (CSDL) the docs are checked against: `metadata:` in the file, `--metadata` on the
    /// command line.
    public var metadata: [MetadataSource] = []
    /// Where a rule's documentation lives, as a URL with `{rule}` for the rule id (`rule-documentation:`): an
    /// editor links each finding's code to it.
    public var ruleDocumentation: String?

    /// The documentation link of a rule, when `rule-documentation` is set.
    public func documentationURL(of rule: String) -> String? {
        ruleDocumentation.map { $0.replacingOccurrences(of: "{rule}", with: rule) }
    }
    /// The section outline pages must follow, by page kind (from the config or a Graph `document-outline.json`).
    public var outline: [PageKind: [OutlineSection]] {
        get { lint.options.outline }
        set { lint.options.outline = newValue }
    }

    /// The defaults, relative to `directory`.
    public init(directory: String) {
        self.directory = directory
        lint.relativePath = Self.relativizer(directory: directory)
    }

    /// The configuration file's name.
    public static let fileName = ".specmark.yml"

    /// The nearest `.specmark.yml` in `start`'s directory or above it, if any.
    public static func locate(startingAt start: String) -> String? {
        var directory = absolute(start)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            directory = (directory as NSString).deletingLastPathComponent
        }
        while true {
            for name in [fileName, ".specmark.yaml"] {
                let candidate = (directory as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }

    /// Reads a configuration file; `knownRules` are the ids `rules:` may name.
    public static func load(_ path: String, knownRules: [String]) throws(ConfigurationError) -> SpecmarkConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: 1, column: 1, message: "configuration file cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        let directory = (absolute(path) as NSString).deletingLastPathComponent
        var configuration = SpecmarkConfiguration(directory: directory)
        configuration.path = path
        var reader = ConfigurationReader(file: path, knownRules: knownRules)
        try reader.read(text, into: &configuration)
        return configuration
    }

    /// Whether `include` or `exclude` patterns leave some pages out (without them every page is checked).
    public var filtersPages: Bool {
        !include.isEmpty || !exclude.isEmpty
    }

    /// Whether a page path (as discovered) is checked: not excluded, and included when includes are set.
    public func selects(_ file: String) -> Bool {
        if !filtersPages { return true }
        let relative = lint.relativePath(file)
        if exclude.contains(where: { $0.matches(relative) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relative) }
    }

    /// A function that turns a path (relative to the current directory, or absolute) into one relative to
    /// `directory`.
    ///
    /// It runs for every file and finding, so it works on path components itself rather than through
    /// `NSString.standardizingPath` (which costs more than the rest of the path handling).
    static func relativizer(directory: String) -> @Sendable (String) -> String {
        let normalized = absolute(directory)
        let base = normalized.hasSuffix("/") ? normalized : normalized + "/"
        let current = FileManager.default.currentDirectoryPath
        return { path in
            let absolutePath = absolute(path, in: current)
            return absolutePath.hasPrefix(base) ? String(absolutePath.dropFirst(base.count)) : absolutePath
        }
    }

    static func absolute(_ path: String) -> String {
        absolute(path, in: FileManager.default.currentDirectoryPath)
    }

    /// `path` made absolute against `current`, with `.` and `..` segments and repeated slashes removed.
    static func absolute(_ path: String, in current: String) -> String {
        let joined = path.hasPrefix("/") ? path : current + "/" + path
        guard joined.containsBytes("/.") || joined.containsBytes("//") else { return joined }
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
