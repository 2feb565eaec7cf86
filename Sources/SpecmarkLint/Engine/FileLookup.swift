import Foundation
import NIOConcurrencyHelpers
import SpecmarkContract
import SpecmarkMarkdown

/// How rules see files outside the doc set: whether a path exists, the headings of a page that is not in the set,
/// the names in a folder. The linter hands one to every rule (``RuleContext/files``); tests hand in their own.
public protocol FileLookup: Sendable {
    /// Whether a file or folder exists at `path`.
    func exists(_ path: String) -> Bool
    /// The headings of the Markdown page at `path` in order, or nil when it cannot be read.
    func headings(ofPage path: String) -> [String]?
    /// The names in the folder at `path` (empty when it cannot be listed), in listing order.
    func names(inFolder path: String) -> [String]
    /// Every path looked at so far, which a cached result depends on (see ``ResultCache``).
    var consulted: Set<String> { get }
}

/// The file system, each question answered once per lint run, recording every path it looked at.
///
/// A cached lint result is reused only while those paths are as they were, so the linter reads ``consulted`` at
/// the end of a run. Safe to use from every task of a run at once.
public final class FileSystemLookup: FileLookup {
    private struct State {
        var existence: [String: Bool] = [:]
        var headings: [String: [String]?] = [:]
        var listings: [String: [String]] = [:]
        var consulted: Set<String> = []
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Files checked for existence or read for headings, and folders listed.
    public var consulted: Set<String> {
        state.withLockedValue { $0.consulted }
    }

    /// Whether a file or folder exists at `path` with exactly that spelling: on a case-insensitive file system
    /// (macOS's default) `User.md` would otherwise find `user.md`, which a case-sensitive host does not serve.
    public func exists(_ path: String) -> Bool {
        if let known = state.withLockedValue({ $0.existence[path] }) { return known }
        var found = FileManager.default.fileExists(atPath: path)
        let name = PathComponents.name(of: path)
        if found, !name.isEmpty, name != ".", name != ".." {
            found = names(inFolder: PathComponents.directory(of: path)).contains(name)
        }
        state.withLockedValue { state in
            state.existence[path] = found
            state.consulted.insert(path)
        }
        return found
    }

    public func headings(ofPage path: String) -> [String]? {
        if let known = state.withLockedValue({ $0.headings[path] }) { return known }
        var headings: [String]?
        if case .success(let bytes) = FileReader.read(path) {
            headings = MarkdownDocument.parse(bytes: bytes, path: path).blocks.compactMap { block in
                if case .heading(let heading) = block { return heading.text }
                return nil
            }
        }
        state.withLockedValue { state in
            state.headings[path] = .some(headings)
            state.consulted.insert(path)
        }
        return headings
    }

    public func names(inFolder path: String) -> [String] {
        let folder = path.isEmpty ? "." : path
        if let known = state.withLockedValue({ $0.listings[folder] }) { return known }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        state.withLockedValue { state in
            state.listings[folder] = names
            state.consulted.insert(folder)
        }
        return names
    }
}
