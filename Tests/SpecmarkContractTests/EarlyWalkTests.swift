import Foundation
import Testing

@testable import SpecmarkContract

/// The walk a lint begins while its command line is parsed: taken once by a discovery of exactly its paths, and
/// ignored by any other. Serialized: the early walk is one per process.
@Suite(.serialized) struct EarlyWalkTests {
    /// Runs the walk on the calling thread, so it has ended when `begin` returns.
    private static func now(_ work: @escaping @Sendable () -> Void) { work() }

    private static func folder(_ pages: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-early-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for page in pages { try Data("# Page\n".utf8).write(to: directory.appendingPathComponent(page)) }
        return directory
    }

    private static func names(_ result: FileDiscovery.Result) -> [String] {
        result.files.map { URL(fileURLWithPath: $0).lastPathComponent }
    }

    /// The paths read off a command line: those after `lint` up to the first option, `.` for a bare `lint`, and
    /// nothing where a path cannot be told from an option's value.
    @Test(arguments: [
        (["specmark", "lint", "docs"], ["docs"] as [String]?),
        (["specmark", "lint", "a", "b/c.md", "--format", "json", "d"], ["a", "b/c.md"]),
        (["specmark", "lint"], ["."]),
        (["specmark", "lint", "--no-cache", "docs"], nil),
        (["specmark", "lint", "--", "docs"], nil),
        (["specmark", "replay", "docs"], nil),
        (["specmark", "--version"], nil),
        (["specmark"], nil),
    ])
    func lintPathsAreReadUpToTheFirstOption(_ arguments: [String], _ paths: [String]?) {
        #expect(EarlyWalk.lintPaths(in: arguments) == paths)
    }

    /// A discovery of the early walk's paths gets what the walk found (not a file made after it), once; the next
    /// discovery walks again.
    @Test func theWalkOfTheSamePathsIsTakenOnce() throws {
        let directory = try Self.folder(["a.md", "b.md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        EarlyWalk.begin([directory.path], run: Self.now)
        try Data("# Late\n".utf8).write(to: directory.appendingPathComponent("c.md"))
        #expect(Self.names(try FileDiscovery().discover([directory.path])) == ["a.md", "b.md"])
        #expect(Self.names(try FileDiscovery().discover([directory.path])) == ["a.md", "b.md", "c.md"])
    }

    /// A discovery of other paths, or of the same paths for another suffix, walks them and leaves the early walk
    /// for the discovery it was begun for.
    @Test func otherPathsAreWalkedAndTheEarlyWalkWaits() throws {
        let first = try Self.folder(["a.md", "a.txt"])
        let second = try Self.folder(["b.md"])
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        EarlyWalk.begin([first.path], run: Self.now)
        try Data("# Late\n".utf8).write(to: first.appendingPathComponent("late.md"))
        #expect(Self.names(try FileDiscovery().discover([second.path])) == ["b.md"])
        #expect(Self.names(try FileDiscovery().discover([first.path, second.path])) == ["a.md", "late.md", "b.md"])
        var text = FileDiscovery()
        text.suffix = ".txt"
        #expect(Self.names(try text.discover([first.path])) == ["a.txt"])
        #expect(Self.names(try FileDiscovery().discover([first.path])) == ["a.md"])
    }

    /// A named path that does not exist fails the discovery that takes the walk, with the walk's error.
    @Test func aMissingPathFailsAsAWalkWould() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-missing-\(UUID())").path
        let expected = #expect(throws: FileDiscovery.Error.self) { try FileDiscovery().discover([missing]) }
        EarlyWalk.begin([missing], run: Self.now)
        let early = #expect(throws: FileDiscovery.Error.self) { try FileDiscovery().discover([missing]) }
        #expect(early?.description == expected?.description)
        #expect(early?.description.hasPrefix(missing + ": ") == true)
    }

    /// A walk begun on another thread is waited for.
    @Test func aWalkOnAnotherThreadIsWaitedFor() throws {
        let directory = try Self.folder((0..<200).map { "page-\($0).md" })
        defer { try? FileManager.default.removeItem(at: directory) }
        EarlyWalk.begin([directory.path])
        #expect(try FileDiscovery().discover([directory.path]).files.count == 200)
    }
}
