import ArgumentParser
import Foundation
import SpecmarkContract
import Synchronization

/// The pages changed since a git ref, as display paths: committed, staged and unstaged changes, and new files
/// git does not ignore. Deleted files are not pages any more and are left out.
enum ChangedFiles {
    static func since(_ ref: String, paths: [String], display: DisplayPath) throws -> Set<String> {
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

    /// Runs git, returning its output; a failure (not a repository, an unknown ref) is a usage error.
    private static func git(_ arguments: [String]) throws -> String {
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
            Terminal.standardError.write("error: --changed-since needs git: \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            Terminal.standardError.write(
                "error: --changed-since: git \(arguments.dropFirst(2).joined(separator: " ")): \(text)\n")
            throw ExitCode(ExitStatus.usage)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A progress line on stderr for runs longer than a second — pages done of the total, pages per second and
/// the time left — redrawn at most ten times a second and cleared at the end. Silent when disabled (not a
/// terminal, or --quiet).
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let enabled: Bool
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - start
        guard elapsed >= .seconds(1) else { return }
        let line: String? = state.withLock { state in
            if let last = state.lastDraw, now - last < .milliseconds(100), done < total { return nil }
            state.lastDraw = now
            state.drawn = true
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Double(done) / max(seconds, 0.001)
            let left = rate > 0 ? Double(total - done) / rate : 0
            return
                "\r\u{1B}[2Kreading pages: \(done)/\(total), \(Int(rate)) pages/s, about \(Int(left.rounded(.up))) s left"
        }
        if let line { Terminal.standardError.write(line) }
    }

    /// Clears the line if one was drawn.
    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        Terminal.standardError.write("\r\u{1B}[2K")
    }
}
