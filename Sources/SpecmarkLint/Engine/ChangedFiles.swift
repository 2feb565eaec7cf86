import Foundation
public import SpecmarkContract

/// The pages changed since a git ref, as display paths: committed, staged and unstaged changes, and new files git
/// does not ignore. Deleted files are not pages any more and are left out.
public enum ChangedFiles {
    /// Why the changed pages cannot be listed: no git, not a repository, an unknown ref.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The changed pages of the repository the first of `paths` lies in.
    public static func since(_ ref: String, paths: [String], display: DisplayPath) throws(Failure) -> Set<String> {
        let start = paths.first ?? "."
        var isDirectory: ObjCBool = false
        let directory =
            FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory) && isDirectory.boolValue
            ? start : PathComponents.directory(of: start)
        let top = try git(["-C", directory.isEmpty ? "." : directory, "rev-parse", "--show-toplevel"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try git(["-C", top, "diff", "--name-only", "--diff-filter=ACMR", ref, "--"])
        let untracked = try git(["-C", top, "ls-files", "--others", "--exclude-standard"])
        var result = Set<String>()
        for line in (changed + "\n" + untracked).split(separator: "\n") where line.hasSuffix(".md") {
            result.insert(display(top + "/" + line))
        }
        return result
    }

    /// Runs git, returning its output.
    private static func git(_ arguments: [String]) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "--changed-since needs git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "--changed-since: git \(arguments.dropFirst(2).joined(separator: " ")): \(text)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
