#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns paths into the form reports show: relative to the current directory where possible.
public struct DisplayPath: Sendable {
    public let currentDirectory: String

    /// A display path for the process's current directory.
    public init() {
        var buffer = [CChar](repeating: 0, count: 4096)
        if getcwd(&buffer, buffer.count) != nil {
            currentDirectory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            currentDirectory = ""
        }
    }

    /// A display path for `currentDirectory` (for tests).
    init(currentDirectory: String) {
        self.currentDirectory = currentDirectory
    }

    /// `path` relative to the current directory when it lies below it, without a leading `./`.
    public func callAsFunction(_ path: String) -> String {
        // Cut as a substring and made a string once: removing from the front of a string copies what stays, for
        // every `./` (a run over `.` shows every page this way, several times each).
        var result = Substring(path)
        if result.hasPrefix("/"), !currentDirectory.isEmpty {
            let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
            if result.hasPrefix(prefix) { result = result.dropFirst(prefix.count) }
        }
        while result.hasPrefix("./") { result = result.dropFirst(2) }
        return String(result)
    }

    /// The display form for the current directory, as a function.
    public static let standard: @Sendable (String) -> String = {
        let display = DisplayPath()
        return { path in display(path) }
    }()
}
