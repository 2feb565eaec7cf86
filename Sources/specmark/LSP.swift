import ArgumentParser
import Foundation
import Logging
import SpecmarkLanguageServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Specmark {
    /// `specmark lsp`: the language server, over stdin and stdout.
    struct LSP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lsp",
            abstract: "Run the language server (LSP 3.17 over stdin/stdout) for editors.",
            discussion: """
                An editor starts it in a workspace: the workspace folder's .specmark.yml defines the doc set, which \
                is read once at start (with the context cache) and kept current as files change. Open pages are \
                checked as they are typed, against the rest of the set; fixable findings offer quick fixes. Logs \
                go to stderr.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Read configuration from this file instead of the workspace's nearest .specmark.yml.")
        var config: String?

        @Option(help: "Milliseconds to wait after a change before checking the page.")
        var debounce = 150

        @Flag(help: "Neither read nor write the context cache at start.")
        var noCache = false

        @Flag(help: "Accepted for editors that pass it; the server always talks over stdin and stdout.")
        var stdio = false

        func validate() throws {
            guard (0...10_000).contains(debounce) else { throw ValidationError("--debounce must be 0 to 10000") }
        }

        func run() async throws {
            let logger = global.makeLogger(label: "specmark-lsp")
            // A client that closes its end makes a write fail, not the process end.
            signal(SIGPIPE, SIG_IGN)
            let server = LanguageServer(
                options: .init(debounce: .milliseconds(debounce), configurationPath: config, usesCache: !noCache),
                logger: logger, send: StandardOutput.send)
            let input = StandardInput.chunks()
            // A client that dies without closing the pipe is noticed by its process id.
            let watcher = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(3))
                    if let pid = await server.clientProcessID, pid > 0, kill(pid_t(pid), 0) != 0, errno == ESRCH {
                        logger.info("the client process is gone; exiting")
                        Foundation.exit(1)
                    }
                }
            }
            defer { watcher.cancel() }
            for await chunk in input {
                guard await server.receive(chunk) else { break }
            }
            await server.clientClosed()
            throw ExitCode(await server.exitStatus)
        }
    }
}

/// Bytes from stdin, read on a thread of their own (a blocking read), until end of file.
enum StandardInput {
    static func chunks() -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            let thread = Thread {
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { break }
                    continuation.yield(Array(buffer[0..<count]))
                }
                continuation.finish()
            }
            thread.start()
        }
    }
}

/// Whole messages written to stdout, one at a time.
enum StandardOutput {
    private static let lock = NSLock()

    @Sendable static func send(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }  // the client closed its end; nothing more can reach it
            offset += written
        }
    }
}
