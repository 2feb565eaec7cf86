import Dispatch
import Synchronization

/// A folder walk begun before the command that needs it has finished starting.
///
/// A lint of a large doc set starts on one core: the command line is parsed (swift-argument-parser reflects every
/// option, about 4 ms), the configuration is found and read, and only then are the folders walked (8 ms for the
/// Graph corpus), while the other core waits. The CLI begins the walk of the paths it expects on another thread
/// at once; ``FileDiscovery/discover(_:)`` takes the result when it is asked for exactly those paths, waiting for
/// the walk to end if need be. For any other paths the early walk is ignored, and discovery walks as usual.
///
/// The result is taken once: a later discovery of the same paths in the process (after `--fix` has written the
/// pages) walks the folders again.
public enum EarlyWalk {
    private struct Walk: Sendable {
        let paths: [String]
        let suffix: String
        let result: Alongside<Result<FileDiscovery.Result, FileDiscovery.Error>>
    }

    private final class Slot: Sendable {
        let walk = Mutex<Walk?>(nil)
    }

    private static let slot = Slot()

    /// Starts walking `paths` for pages with `run`, which runs its work on another thread (by default a global
    /// dispatch queue). Does nothing when a walk is already waiting.
    public static func begin(
        _ paths: [String], discovery: FileDiscovery = FileDiscovery(),
        run: (@escaping @Sendable () -> Void) -> Void = { DispatchQueue.global().async(execute: $0) }
    ) {
        guard !paths.isEmpty, slot.walk.withLock({ $0 == nil }) else { return }
        let result = Alongside(run: run) {
            Result { () throws(FileDiscovery.Error) in try discovery.walkPaths(paths) }
        }
        slot.walk.withLock { current in
            if current == nil { current = Walk(paths: paths, suffix: discovery.suffix, result: result) }
        }
    }

    /// The early walk's result when it walked exactly `paths` for `suffix`, waiting for it to end; nil otherwise.
    static func take(_ paths: [String], suffix: String) -> Result<FileDiscovery.Result, FileDiscovery.Error>? {
        let walk = slot.walk.withLock { current -> Walk? in
            guard let walk = current, walk.paths == paths, walk.suffix == suffix else { return nil }
            current = nil
            return walk
        }
        return walk?.result.value
    }

    /// The paths a `lint` command line names, read without its option definitions: the arguments after the
    /// subcommand up to the first option, or `["."]` (the command's default) when it names none and has no
    /// options. An option may take a value, and without its definition a value cannot be told from a path, so
    /// nothing after the first option is read; a guess that misses only costs the early walk.
    public static func lintPaths(in arguments: [String]) -> [String]? {
        guard arguments.count >= 2, arguments[1] == "lint" else { return nil }
        let rest = arguments.dropFirst(2)
        guard !rest.isEmpty else { return ["."] }
        let paths = Array(rest.prefix { !$0.hasPrefix("-") })
        return paths.isEmpty ? nil : paths
    }
}
