import SpecmarkMarkdown

/// An example's request target split into the parts that matter: service root, API version, path, query.
public struct ExampleURL: Hashable, Sendable {
    /// The target as written.
    public var raw: String
    /// The scheme and host (`https://graph.microsoft.com`), or nil for a relative target.
    public var origin: String?
    /// The host, lower-cased, or nil for a relative target.
    public var host: String?
    /// The configured service root the target starts with, if any.
    public var serviceRoot: String?
    /// The API version the URL names (`v1.0`, `beta`), from the service root or the first path segment.
    public var apiVersion: String?
    /// The path after the service root, with its query.
    public var template: PathTemplate

    /// Splits `target` using the configured service roots (each `scheme://host/version`).
    public init(_ target: String, serviceRoots: [String]) {
        raw = target
        let trimmed = target.trimmingSpaces()
        var rest = trimmed
        if let root = Self.serviceRoot(of: trimmed, among: serviceRoots) {
            serviceRoot = root
            rest = String(trimmed.dropFirst(root.count))
            apiVersion = root.lastPiece(separatedBy: UInt8(ascii: "/")).map(String.init)
            let afterScheme = root.indexAfter("://").map { root[$0...] } ?? Substring(root)
            host = afterScheme.firstPiece(separatedBy: UInt8(ascii: "/")).map { $0.lowercased() }
            origin = host.map { (root.hasPrefix("http://") ? "http://" : "https://") + $0 }
        } else if Self.startsWithScheme(trimmed), let schemeEnd = trimmed.indexAfter("://") {
            let afterScheme = trimmed[schemeEnd...]
            let hostEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
            host = afterScheme[..<hostEnd].lowercased()
            origin = String(trimmed[..<hostEnd])
            rest = String(afterScheme[hostEnd...])
            let first = rest.firstPiece(separatedBy: UInt8(ascii: "/")).map(String.init)
            if let first, first == "v1.0" || first == "beta" {
                apiVersion = first
                rest = String(rest.dropFirst(first.count + 1))
            }
        } else {
            let first = trimmed.firstPiece(separatedBy: UInt8(ascii: "/")).map(String.init)
            if let first, first == "v1.0" || first == "beta" {
                apiVersion = first
                rest = String(trimmed.drop { $0 == "/" }.dropFirst(first.count))
            }
        }
        template = PathTemplate(rest)
    }

    /// The first root `text` starts with (ignoring case) where a path segment ends. ASCII text and roots (nearly
    /// all) are compared byte by byte; the rest lower-case both and compare characters.
    private static func serviceRoot(of text: String, among roots: [String]) -> String? {
        let isASCII = text.isAllASCII
        var lowered: String?
        for root in roots {
            if isASCII && root.isAllASCII {
                let count = root.utf8.count
                guard text.utf8.count >= count,
                    ByteSearch.equal(text.utf8, 0..<count, root.utf8, 0..<count, ignoringASCIICase: true)
                else { continue }
                // Where the root ends: at the end of the text, before `/` or `?`, or after a root's own `/`.
                guard let next = text.utf8.dropFirst(count).first,
                    next != UInt8(ascii: "/") && next != UInt8(ascii: "?") && root.utf8.last != UInt8(ascii: "/")
                else { return root }
                continue
            }
            if lowered == nil { lowered = text.lowercased() }
            if lowered?.hasPrefix(root.lowercased()) == true && boundary(after: root, in: text) { return root }
        }
        return nil
    }

    /// Whether `root` ends where a path segment ends in `text`.
    private static func boundary(after root: String, in text: String) -> Bool {
        guard text.count > root.count else { return true }
        let next = text[text.index(text.startIndex, offsetBy: root.count)]
        return next == "/" || next == "?" || root.hasSuffix("/")
    }

    /// The configured root this URL seems to mistype (`https://graph/microsoft.com/v1.0` for
    /// `https://graph.microsoft.com/v1.0`), comparing the text after the scheme with each root's; nil for a URL
    /// under a root, a relative URL, or a host that is simply another service (a bot's callback, an upload URL).
    public func mistypedServiceRoot(among roots: [String]) -> String? {
        guard serviceRoot == nil, host != nil else { return nil }
        let text = Array(Self.droppingScheme(raw.trimmingSpaces()).lowercased().unicodeScalars)
        var best: (root: String, distance: Int)?
        for root in roots {
            let target = Array(Self.droppingScheme(root).lowercased().unicodeScalars)
            guard !target.isEmpty else { continue }
            let prefix = Array(text.prefix(target.count))
            let limit = max(1, target.count / 8)
            let distance = editDistance(prefix, target, limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (root, distance) }
        }
        return best?.root
    }

    /// Whether `text` starts with `scheme://` (a query may hold a URL too: `$ref?$id=https://…`).
    private static func startsWithScheme(_ text: String) -> Bool {
        let scheme = text.utf8.prefix { isSchemeByte($0) }
        guard let first = scheme.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else {
            return false
        }
        return text.utf8.dropFirst(scheme.count).starts(with: "://".utf8)
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func droppingScheme(_ text: String) -> Substring {
        if let index = text.indexAfter("://") { return text[index...] }
        return Substring(text)
    }

    /// The service roots of Microsoft Graph.
    public static let graphServiceRoots = ["https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta"]
}
