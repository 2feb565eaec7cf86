import SpecmarkMarkdown

extension DocSet {
    /// The resource whose unqualified name is `shortName` (case-insensitive), when exactly one has it.
    public func resource(shortName: String) -> ResourceDefinition? {
        shortNameIndex[shortName.lowercased()].flatMap { $0.count == 1 ? $0[0] : nil }
    }

    /// The resource defined on the page a link from `file` points at.
    public func resource(linkedAs link: String, from file: String) -> ResourceDefinition? {
        let target = Self.resolveLink(link, from: file)
        return resourcesByFile[target]?.first
    }

    /// `../resources/user.md#x` from `docs/api/a.md` → `docs/resources/user.md`.
    public static func resolveLink(_ link: String, from file: String) -> String {
        quickResolve(link, from: file) ?? resolveBySegments(link, from: file)
    }

    static func resolveBySegments(_ link: String, from file: String) -> String {
        var path =
            link.splitBytes(UInt8(ascii: "#"), maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            ?? link
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        var components = file.splitBytes(UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast().map(
            String.init)
        if file.hasPrefix("/") && components.first == "" { components.removeFirst() }
        for part in path.splitBytes(UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." && !last.isEmpty {
                    components.removeLast()
                } else {
                    components.append("..")
                }
            default: components.append(String(part))
            }
        }
        let joined = components.joined(separator: "/")
        return file.hasPrefix("/") ? "/" + joined : joined
    }

    /// `resolveLink` for the common shapes — a relative file or folder path, led by any number of `./` and
    /// `../`, from a page path that is absolute or relative (leading `../` included) — without splitting and
    /// joining; nil for the rest (`..` inside the page's folder, climbing above `/`), which the general
    /// resolver takes.
    static func quickResolve(_ link: String, from file: String) -> String? {
        var rest = Substring(link)
        if let cut = rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            rest = rest[..<cut]
        }
        var folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
        let isAbsolute = file.utf8.first == UInt8(ascii: "/")
        guard !isAbsolute || !folder.isEmpty else { return nil }  // a page at `/`
        // The page's own folder must be normal below its leading `../` (if any): the general resolver keeps
        // whatever the folder says, so only those shapes resolve the same way by cutting at slashes.
        var body = folder.utf8[...]
        while body.starts(with: "../".utf8) { body = body.dropFirst(3) }
        guard !body.elementsEqual("..".utf8), body.last != UInt8(ascii: "/"), !Substring(body).containsBytes("/.."),
            !Substring(body).containsBytes("./"), !Substring(body).containsBytes("//")
        else { return nil }
        let fixedPrefix = folder.utf8.count - body.count  // the leading `../`, which `..` in the link cannot climb
        var parents = 0  // `..` beyond the page's folder
        while true {
            if rest.hasPrefix("./") {
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("../") || rest == ".." {
                rest = rest.dropFirst(min(3, rest.count))
                if folder.utf8.count <= fixedPrefix {
                    guard !isAbsolute else { return nil }
                    parents += 1
                } else if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")),
                    folder.utf8.distance(from: folder.startIndex, to: slash) >= fixedPrefix
                {
                    guard slash != folder.startIndex else { return nil }  // climbing to `/` itself
                    folder = folder[..<slash]
                } else {
                    folder = folder.prefix(max(0, fixedPrefix - 1))
                }
            } else {
                break
            }
        }
        guard !rest.hasPrefix("/"), !rest.containsBytes("/."), !rest.containsBytes("//"), rest != "." else {
            return nil
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var result = String(folder)
        for _ in 0..<parents { result += result.isEmpty ? ".." : "/.." }
        if !result.isEmpty && !rest.isEmpty { result += "/" }
        result += rest
        return result
    }

    /// A "did you mean" for an unknown type name, or nil.
    public func suggestion(forType name: String) -> String? {
        let normalized = Self.normalizedTypeName(name)
        if case .caseMismatch(let found) = lookup(normalized) { return found.name }
        return closestMatch(to: normalized, in: resourceIndex.values.map(\.name))
    }
}
