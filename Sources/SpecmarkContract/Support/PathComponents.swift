/// Splitting a path at its last `/`, over UTF-8, for paths of any shape.
///
/// swift-corelibs-foundation's `NSString.deletingLastPathComponent` traps on a one-character relative path
/// (`"d"`), which a link such as `[x](../d)` on `api/page.md` resolves to; the fuzzer found it. These never trap.
public enum PathComponents {
    /// Everything before the last `/`, trailing slashes ignored: `"a/b/c.md"` → `"a/b"`, `"c.md"` → `""`,
    /// `"/c.md"` → `"/"`.
    public static func directory(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Everything after the last `/`, trailing slashes ignored: `"a/b/c.md"` → `"c.md"`.
    public static func name(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return String(trimmed) }
        return String(trimmed[trimmed.utf8.index(after: slash)...])
    }

    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.utf8.count > 1, trimmed.utf8.last == UInt8(ascii: "/") { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
