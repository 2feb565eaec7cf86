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
        // On the strings' own bytes, for ASCII text; the general resolver takes the rest.
        guard link.isAllASCII, file.isAllASCII else { return nil }
        var link = link
        var file = file
        return link.withUTF8 { linkBytes in
            file.withUTF8 { fileBytes in quickResolve(linkBytes[...], from: fileBytes[...]) }
        }
    }

    private static func quickResolve(
        _ linkBytes: Slice<UnsafeBufferPointer<UInt8>>, from fileBytes: Slice<UnsafeBufferPointer<UInt8>>
    ) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var rest = linkBytes[
            ..<(linkBytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? linkBytes.endIndex)]
        var folder = fileBytes[..<(fileBytes.lastIndex(of: slash) ?? fileBytes.startIndex)]
        let isAbsolute = fileBytes.first == slash
        guard !isAbsolute || !folder.isEmpty else { return nil }  // a page at `/`
        // The page's own folder must be normal below its leading `../` (if any): the general resolver keeps
        // whatever the folder says, so only those shapes resolve the same way by cutting at slashes.
        var body = folder[...]
        while body.starts(with: [dot, dot, slash]) { body = body.dropFirst(3) }
        guard !body.elementsEqual([dot, dot]), body.last != slash, !Self.contains(body, slash, dot, dot),
            !Self.contains(body, dot, slash), !Self.contains(body, slash, slash)
        else { return nil }
        // Where the leading `../` ends, which `..` in the link cannot climb.
        let fixedPrefix = folder.startIndex + (folder.count - body.count)
        var parents = 0  // `..` beyond the page's folder
        while true {
            if rest.starts(with: [dot, slash]) {
                rest = rest.dropFirst(2)
            } else if rest.starts(with: [dot, dot, slash]) || rest.elementsEqual([dot, dot]) {
                rest = rest.dropFirst(min(3, rest.count))
                if folder.endIndex <= fixedPrefix {
                    guard !isAbsolute else { return nil }
                    parents += 1
                } else if let last = folder.lastIndex(of: slash), last >= fixedPrefix {
                    guard last != fileBytes.startIndex else { return nil }  // climbing to `/` itself
                    folder = folder[..<last]
                } else {
                    folder = folder[..<max(folder.startIndex, fixedPrefix - 1)]
                }
            } else {
                break
            }
        }
        guard rest.first != slash, !Self.contains(rest, slash, dot), !Self.contains(rest, slash, slash),
            !rest.elementsEqual([dot])
        else { return nil }
        if rest.last == slash { rest = rest.dropLast() }
        var result: [UInt8] = []
        result.reserveCapacity(folder.count + 3 * parents + 1 + rest.count)
        result += folder
        for _ in 0..<parents { result += result.isEmpty ? [dot, dot] : [slash, dot, dot] }
        if !result.isEmpty && !rest.isEmpty { result.append(slash) }
        result += rest
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes` holds the two or three bytes `first`, `second` (and `third`). Byte by byte rather than by
    /// `ByteSearch.firstIndex`, whose set-up costs more than these short paths take to read (520 instructions a
    /// call, and five calls a link).
    private static func contains(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ first: UInt8, _ second: UInt8, _ third: UInt8? = nil
    ) -> Bool {
        let length = third == nil ? 2 : 3
        guard bytes.count >= length else { return false }
        var index = bytes.startIndex
        while index <= bytes.endIndex - length {
            if bytes[index] == first, bytes[index + 1] == second, third.map({ bytes[index + 2] == $0 }) ?? true {
                return true
            }
            index += 1
        }
        return false
    }

    /// A "did you mean" for an unknown type name, or nil; of equally close names the first by name.
    public func suggestion(forType name: String) -> String? {
        let normalized = Self.normalizedTypeName(name)
        if case .caseMismatch(let found) = lookup(normalized) { return found.name }
        return closestMatch(to: normalized, in: typeNames)
    }
}
