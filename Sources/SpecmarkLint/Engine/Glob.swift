/// A path pattern: `*` matches within one path segment, `**` across segments, `?` one character.
///
/// Patterns are matched against paths relative to the configuration file's directory, `/`-separated; a pattern
/// without a `/` matches a file name anywhere (`intune-*.md`), or a folder name anywhere when it has neither a
/// wildcard nor a dot (`includes`).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]
    private let matchesNameOnly: Bool

    public init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        self.pattern = pattern
        self.matchesNameOnly = !text.contains("/")
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // A trailing slash or a bare directory means everything under it.
        if text.hasSuffix("/") { parts.append("**") }
        self.segments = parts
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if matchesNameOnly, let only = segments.first {
            // `intune-*.md` matches a file name anywhere; a bare `includes` matches a folder anywhere.
            if only.contains("*") || only.contains("?") || only.contains(".") {
                return parts.last.map { Self.segment(only, matches: $0) } ?? false
            }
            return parts.dropLast().contains(only)
        }
        return Self.match(segments[...], parts[...])
            || Self.match(segments[...] + ["**"], parts[...]) && isDirectoryPattern
    }

    /// A pattern naming a directory (no wildcard in its last segment and no `.md`) covers what is below it.
    private var isDirectoryPattern: Bool {
        guard let last = segments.last else { return false }
        return last != "**" && !last.contains("*") && !last.hasSuffix(".md")
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, Self.segment(first, matches: segment) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one segment.
    static func segment(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
