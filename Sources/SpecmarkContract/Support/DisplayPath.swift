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

    /// `path` relative to the current directory when it lies below it, without a leading `./`.
    public func callAsFunction(_ path: String) -> String {
        var result = path
        if result.hasPrefix("/"), !currentDirectory.isEmpty {
            let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
            if result.hasPrefix(prefix) { result.removeFirst(prefix.count) }
        }
        while result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }

    /// The display form for the current directory, as a function.
    public static let standard: @Sendable (String) -> String = {
        let display = DisplayPath()
        return { path in display(path) }
    }()
}
