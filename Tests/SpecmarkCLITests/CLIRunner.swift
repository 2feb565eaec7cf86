import Foundation
import Testing

/// Runs the built `specmark` executable in a scratch directory and captures what it prints.
struct CLIRunner {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The directory the test bundle was built into; `specmark` is built next to it.
    static let productsDirectory: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("specmark").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return executable.deletingLastPathComponent()
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let directory: URL

    /// A runner whose working directory is a fresh temporary directory holding `files`.
    init(files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, contents) in files {
            try write(path, contents)
        }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) async throws -> Output {
        try await run(arguments: arguments, environment: environment)
    }

    /// Runs `specmark` on a thread of its own. Waiting for a child blocks; on a thread of Swift's cooperative
    /// pool (two on a two-core machine) it starved the in-process servers of the replay and mock tests running
    /// beside it, whose requests then timed out on a loaded machine.
    func run(arguments: [String], environment: [String: String] = [:], input: Data? = nil) async throws -> Output {
        let directory = directory
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try Self.runBlocking(
                            arguments: arguments, environment: environment, input: input, in: directory)
                    }
                )
            }
        }
    }

    private static func runBlocking(
        arguments: [String], environment: [String: String], input: Data? = nil, in directory: URL
    ) throws
        -> Output
    {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("specmark")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var combined = ProcessInfo.processInfo.environment
        combined["NO_COLOR"] = "1"
        for (key, value) in environment { combined[key] = value }
        process.environment = combined
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let inputPipe, let input {
            // Written, then closed: the child reads to the end of its input.
            inputPipe.fileHandleForWriting.write(input)
            try? inputPipe.fileHandleForWriting.close()
        }
        // Both pipes are drained at once: a child that fills one while the other is read would never exit.
        let errorReader = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the writer has closed the pipe.
    func wait() -> Data {
        done.wait()
        return data
    }
}
