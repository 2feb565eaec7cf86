import ArgumentParser
import CSpecmarkAllocator
import Dispatch
import SpecmarkContract

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `specmark` command: keeps REST API reference pages honest.
@main
struct Specmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specmark",
        abstract: "Lint, replay and mock REST API reference pages written in Markdown.",
        discussion: """
            Specmark reads API reference pages in the Microsoft Graph docs format (front matter, Permissions \
            and parameter tables, HTTP request blocks, annotated request and response examples), builds a \
            contract model from them and reports every place where the pages contradict themselves, with \
            file:line:column.

            Exit codes: 0 no findings at or above the failing severity; 1 findings; 2 usage, configuration \
            or I/O error.
            """,
        version: SpecmarkVersion.current,
        subcommands: [
            Lint.self, Replay.self, Serve.self, OpenAPI.self, LSP.self, Rules.self, Explain.self, Init.self, Model.self,
            Dump.self,
        ]
    )

    /// Runs the command line, mapping usage errors to exit code 2 as the documentation promises
    /// (swift-argument-parser's default would be 64).
    static func main() async {
        specmark_reserve_heap_in_large_steps()
        // The folders a lint names are walked while the command line is parsed and the configuration read.
        if let paths = EarlyWalk.lintPaths(in: CommandLine.arguments) { EarlyWalk.begin(paths, run: runBeside) }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                terminate(0)
            }
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            terminate(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

/// The exit codes Specmark documents.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
}

/// Ends the process with `status`.
func terminate(_ status: Int32) -> Never {
    exit(status)
}

/// Runs `work` on a new thread on another core than this one where the system allows
/// (`specmark_run_beside`), or on a global dispatch queue when no thread can be made.
func runBeside(_ work: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(WorkBox(work)).toOpaque()
    let status = specmark_run_beside(
        { context in
            guard let context else { return }
            Unmanaged<WorkBox>.fromOpaque(context).takeRetainedValue().work()
        }, box)
    if status != 0 {
        Unmanaged<WorkBox>.fromOpaque(box).release()
        DispatchQueue.global().async(execute: work)
    }
}

private final class WorkBox: Sendable {
    let work: @Sendable () -> Void

    init(_ work: @escaping @Sendable () -> Void) {
        self.work = work
    }
}
