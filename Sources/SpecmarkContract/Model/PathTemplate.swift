import SpecmarkMarkdown

/// A URL path as API reference pages write it — declared (`/users/{id | userPrincipalName}/messages`) or
/// from an example (`/users/48d31887-5fad-4d73-a9f5-3c356e68a038/messages`) — split into segments that
/// can be matched against each other.
///
/// Matching rules: a placeholder (`{id}`, `{id | upn}`, `<address>`) matches any one segment or any run of
/// characters inside a segment; literals compare case-insensitively; OData key syntax `users('abc')` is the
/// same as `users/abc`; `root:/a/b.txt:` path addressing is one segment whatever its slashes; and the forms that
/// address a drive item (`root`, `root:/a/b.txt:`, `items/{id}`, `items/{id}:/a.txt:`, `special/{name}`) are one.
public struct PathTemplate: Hashable, Sendable, CustomStringConvertible {
    /// One piece of a segment.
    public enum Piece: Hashable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    /// The path as written, query included.
    public var raw: String
    /// The path without its query, normalised (leading `/`, no `~`).
    public var path: String
    /// The query string without `?`, or nil.
    public var query: String?
    /// The segments, each a sequence of pieces.
    public var segments: [[Piece]]

    /// Parses a path (service root already removed).
    public init(_ raw: String) {
        self.raw = raw
        var text = raw.trimmingSpaces()
        if text.hasPrefix("~") { text.removeFirst() }
        if !text.hasPrefix("/") { text = "/" + text }
        var query: String?
        if let questionMark = Self.queryStart(in: text) {
            query = String(text[text.index(after: questionMark)...])
            text = String(text[..<questionMark])
        }
        while text.utf8.count > 1 && text.utf8.last == UInt8(ascii: "/") { text.removeLast() }
        self.path = text
        self.query = query
        self.segments = Self.segments(of: Self.collapsingPathAddressing(text))
    }

    public var description: String { path }

    /// The placeholder names in the path, in order (`{id | userPrincipalName}` gives `id | userPrincipalName`).
    public var placeholders: [String] {
        segments.flatMap { $0 }.compactMap { piece in
            if case .placeholder(let name) = piece { return name }
            return nil
        }
    }

    /// Path aliases parsed once: what ``applying(_:)`` replaces and with what.
    public struct Aliases: Sendable {
        fileprivate struct Parsed: Sendable {
            /// The alias's segments as lower-cased literals (nil for a segment that is not one literal).
            var from: [String?]
            var to: [[Piece]]
        }

        fileprivate let parsed: [Parsed]

        public init(_ aliases: [PathAlias]) {
            parsed = aliases.map { alias in
                Parsed(
                    from: PathTemplate(alias.alias).segments.map { PathTemplate.literalText($0)?.lowercased() },
                    to: PathTemplate(alias.replacement).segments)
            }
        }
    }

    /// This template with a leading alias replaced: `/me/…` read as `/users/{id}/…`.
    public func applying(aliases: [PathAlias]) -> PathTemplate {
        applying(Aliases(aliases))
    }

    /// This template with a leading alias replaced, the aliases parsed beforehand (``DocSet/pathAliases``).
    public func applying(_ aliases: Aliases) -> PathTemplate {
        for alias in aliases.parsed {
            guard segments.count >= alias.from.count,
                zip(segments, alias.from).allSatisfy({ segment, from in
                    guard let from, let text = Self.literalText(segment) else { return false }
                    return text.equalsIgnoringCase(from)
                })
            else { continue }
            var result = self
            result.segments = alias.to + segments.dropFirst(alias.from.count)
            return result
        }
        return self
    }

    /// Whether `other` (usually an example's path) is an instance of this template.
    ///
    /// Trailing `$count`, `$value` and `$ref` segments and OData type casts (`microsoft.graph.user`) that the
    /// template does not declare are allowed: pages declare the base path and show those variants in examples.
    public func matches(_ other: PathTemplate) -> Bool {
        let segments = Self.addressingDriveItems(segments)
        var actual = Self.addressingDriveItems(other.segments)[...]
        while actual.count > segments.count, let last = actual.last, Self.isOptionalSuffix(last) {
            actual = actual.dropLast()
        }
        guard segments.count == actual.count else { return false }
        for (declared, segment) in zip(segments, actual) where !Self.segment(declared, matches: segment) {
            return false
        }
        return true
    }

    /// `$count`, `$value`, `$ref`, or a type cast such as `microsoft.graph.user`.
    static func isOptionalSuffix(_ pieces: [Piece]) -> Bool {
        guard let text = literalText(pieces) else { return false }
        if text == "$count" || text == "$value" || text == "$ref" { return true }
        let parts = text.splitBytes(UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count >= 3
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            }
    }

    /// Each segment's name: its literal text, or a function call's name (`search` for `search(q='{text}')`);
    /// nil for a segment that holds a placeholder outside a call's arguments, or a key (`6f1c…`, `11010`).
    public var segmentNames: [String?] {
        segments.map { pieces in
            if let text = Self.literalText(pieces) {
                guard let open = text.firstIndex(of: "("), open != text.startIndex, text.hasSuffix(")") else {
                    return Self.looksLikeKey(text) ? nil : text
                }
                return String(text[..<open])
            }
            guard case .literal(let first)? = pieces.first, let open = first.firstIndex(of: "("),
                open != first.startIndex
            else { return nil }
            return String(first[..<open])
        }
    }

    /// A rough distance between two paths for "did you mean" notes: differing segments, plus the difference
    /// in segment count.
    public func distance(to other: PathTemplate) -> Int {
        let segments = Self.addressingDriveItems(segments)
        let otherSegments = Self.addressingDriveItems(other.segments)
        var distance = abs(segments.count - otherSegments.count)
        for (lhs, rhs) in zip(segments, otherSegments) where !Self.segment(lhs, matches: rhs) {
            distance += 1
        }
        return distance
    }

    /// Where an example's path differs from this template in exactly one segment, both sides literal text.
    public struct LiteralDifference: Hashable, Sendable {
        /// The segment's index, counted after drive item addressing is made one form.
        public var position: Int
        /// The template's text (`sensor`).
        public var declared: String
        /// The example's text (`sensors`).
        public var actual: String
    }

    /// The one literal segment in which `other` differs from this template, or nil when the segment counts
    /// differ, more than one segment differs, or the differing segment holds a placeholder on either side.
    public func literalDifference(from other: PathTemplate) -> LiteralDifference? {
        let segments = Self.addressingDriveItems(segments)
        let otherSegments = Self.addressingDriveItems(other.segments)
        guard segments.count == otherSegments.count else { return nil }
        var difference: LiteralDifference?
        for (position, (lhs, rhs)) in zip(segments, otherSegments).enumerated() where !Self.segment(lhs, matches: rhs) {
            guard difference == nil, let declared = Self.literalText(lhs), let actual = Self.literalText(rhs) else {
                return nil
            }
            difference = LiteralDifference(position: position, declared: declared, actual: actual)
        }
        return difference
    }

    /// The literal keys written in this template, when every segment in which `other` differs from it is
    /// a key written out in this template (`acdefc6b-2dc6-4e71-b1e9-6d9810ab1793`, `11010`) instead of a
    /// placeholder; nil when the segment counts differ, nothing differs, or any differing segment is not a key.
    ///
    /// A declared path with a sample key in it matches only that key, so every example with another misses it.
    public func literalKeys(differingFrom other: PathTemplate) -> [String]? {
        let segments = Self.addressingDriveItems(segments)
        let otherSegments = Self.addressingDriveItems(other.segments)
        guard segments.count == otherSegments.count else { return nil }
        var differs = false
        for (lhs, rhs) in zip(segments, otherSegments) where !Self.segment(lhs, matches: rhs) {
            guard let key = Self.literalText(lhs), Self.looksLikeKey(key) else { return nil }
            differs = true
        }
        guard differs else { return nil }
        // Every key written out, not only those this example differs in: the fix replaces them all.
        return segments.compactMap { Self.literalText($0) }.filter(Self.looksLikeKey)
    }

    /// A GUID (`acdefc6b-2dc6-4e71-b1e9-6d9810ab1793`) or a number of four or more digits.
    static func looksLikeKey(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        if bytes.count >= 4, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) { return true }
        let groups = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(isHex) }
    }

    // MARK: - Parsing

    private static func queryStart(in text: String) -> String.Index? {
        func offset<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int? {
            var depth = 0
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "}"): depth = max(0, depth - 1)
                case UInt8(ascii: "?") where depth == 0: return offset
                default: break
                }
            }
            return nil
        }
        let found = text.utf8.withContiguousStorageIfAvailable { offset(in: $0) } ?? offset(in: text.utf8)
        return found.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Replaces `:/a/b/c.txt:` (drive path addressing) with `:{path}:` so the path is one segment.
    /// `byCharacters` takes the general way for ASCII text too (for checking the byte path against it).
    static func collapsingPathAddressing(_ text: String, byCharacters: Bool = false) -> String {
        guard text.containsBytes(":/") else { return text }
        // An ASCII text (nearly every one) by bytes, each byte a Character; the rest by Characters, where a `:`
        // with a combining mark after it is not a colon.
        if !byCharacters, text.isAllASCII {
            let bytes = Array(text.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: ":"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                    result += ":{path}".utf8
                    var cursor = index + 1
                    while cursor < bytes.count && bytes[cursor] != UInt8(ascii: ":") { cursor += 1 }
                    if cursor < bytes.count {
                        result.append(UInt8(ascii: ":"))
                        index = cursor + 1
                    } else {
                        index = cursor
                    }
                    continue
                }
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == ":", next < text.endIndex, text[next] == "/" {
                result += ":{path}"
                var cursor = next
                while cursor < text.endIndex && text[cursor] != ":" { cursor = text.index(after: cursor) }
                if cursor < text.endIndex {
                    result += ":"
                    index = text.index(after: cursor)
                } else {
                    index = cursor
                }
                continue
            }
            result.append(character)
            index = next
        }
        return result
    }

    private static func segments(of path: String) -> [[Piece]] {
        // Nearly every path is ASCII: one pass over its bytes. The rest go the general way, which treats a quote
        // or bracket with a combining mark after it as the character it then is.
        if path.isAllASCII, let segments = path.utf8.withContiguousStorageIfAvailable(asciiSegments) {
            return segments
        }
        return unicodeSegments(of: path)
    }

    /// `segments(of:)` for any text.
    static func unicodeSegments(of path: String) -> [[Piece]] {
        // Over UTF-8: the delimiters are ASCII, and the pieces between them are sliced, not rebuilt.
        var result: [[Piece]] = []
        var start = path.utf8.startIndex
        var depth = 0
        for index in path.utf8.indices {
            switch path.utf8[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "/") where depth == 0:
                if start < index { result.append(contentsOf: splitKey(path[start..<index])) }
                start = path.utf8.index(after: index)
            default: break
            }
        }
        if start < path.utf8.endIndex { result.append(contentsOf: splitKey(path[start...])) }
        return result
    }

    /// `users('abc')` and `users(abc)` are OData key syntax for `users/abc`; `range(address='A1')` is a call.
    private static func splitKey(_ segment: Substring) -> [[Piece]] {
        if segment.utf8.last == UInt8(ascii: ")"), let open = segment.utf8.firstIndex(of: UInt8(ascii: "(")),
            open != segment.startIndex
        {
            var key = segment[segment.utf8.index(after: open)..<segment.utf8.index(before: segment.endIndex)]
            if !key.containsByte(UInt8(ascii: "=")), !key.containsByte(UInt8(ascii: ",")), !key.isEmpty {
                if key.count >= 2, key.hasPrefix("'"), key.hasSuffix("'") { key = key.dropFirst().dropLast() }
                return [pieces(segment[..<open]), pieces(key)]
            }
        }
        return [pieces(segment)]
    }

    private static func pieces(_ segment: Substring) -> [Piece] {
        var result: [Piece] = []
        let utf8 = segment.utf8
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let closer: UInt8? =
                byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : (byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : nil)
            if let closer, let end = utf8[index...].firstIndex(of: closer) {
                if literalStart < index { result.append(.literal(String(segment[literalStart..<index]))) }
                result.append(.placeholder(String(segment[utf8.index(after: index)..<end]).trimmingSpaces()))
                index = utf8.index(after: end)
                literalStart = index
                continue
            }
            index = utf8.index(after: index)
        }
        if literalStart < utf8.endIndex { result.append(.literal(String(segment[literalStart...]))) }
        return result
    }

    /// `segments(of:)` for an ASCII path's bytes: the same splitting at top-level `/`, OData keys and pieces.
    static func asciiSegments(_ bytes: UnsafeBufferPointer<UInt8>) -> [[Piece]] {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func pieces(_ range: Range<Int>) -> [Piece] {
            var result: [Piece] = []
            var literalStart = range.lowerBound
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                let closer: UInt8? =
                    byte == UInt8(ascii: "{")
                    ? UInt8(ascii: "}") : (byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : nil)
                if let closer, let end = bytes[index..<range.upperBound].firstIndex(of: closer) {
                    if literalStart < index { result.append(.literal(text(literalStart..<index))) }
                    result.append(.placeholder(text((index + 1)..<end).trimmingSpaces()))
                    index = end + 1
                    literalStart = index
                    continue
                }
                index += 1
            }
            if literalStart < range.upperBound { result.append(.literal(text(literalStart..<range.upperBound))) }
            return result
        }
        // `users('abc')` and `users(abc)` are keys (two segments); `range(address='A1')` is a call (one).
        func append(_ segment: Range<Int>, to result: inout [[Piece]]) {
            if bytes[segment.upperBound - 1] == UInt8(ascii: ")"),
                let open = bytes[segment].firstIndex(of: UInt8(ascii: "(")), open != segment.lowerBound
            {
                var key = (open + 1)..<(segment.upperBound - 1)
                let keyBytes = bytes[key]
                if !key.isEmpty, !keyBytes.contains(UInt8(ascii: "=")), !keyBytes.contains(UInt8(ascii: ",")) {
                    if key.count >= 2, bytes[key.lowerBound] == UInt8(ascii: "'"),
                        bytes[key.upperBound - 1] == UInt8(ascii: "'")
                    {
                        key = (key.lowerBound + 1)..<(key.upperBound - 1)
                    }
                    result.append(pieces(segment.lowerBound..<open))
                    result.append(pieces(key))
                    return
                }
            }
            result.append(pieces(segment))
        }
        var result: [[Piece]] = []
        var start = 0
        var depth = 0
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "/") where depth == 0:
                if start < index { append(start..<index, to: &result) }
                start = index + 1
            default: break
            }
        }
        if start < bytes.count { append(start..<bytes.count, to: &result) }
        return result
    }

    // MARK: - Drive item addressing

    /// The segments with every way of addressing a drive item written one way: after `drive` or `drives/{id}`,
    /// `root`, `root:/path:`, `items/{id}`, `items/{id}:/path:` and `special/{name}` all become `items/{item}`.
    ///
    /// A page declares one of the forms (`/me/drive/items/{item-id}/children`) and its examples use another
    /// (`/me/drive/root/children`); both address a drive item, so both match. A misspelt segment (`rot`,
    /// `itmes`) is left as it is and still fails to match.
    static func addressingDriveItems(_ segments: [[Piece]]) -> [[Piece]] {
        guard segments.contains(where: { isLiteral($0, "drive") || isLiteral($0, "drives") }) else { return segments }
        var result: [[Piece]] = []
        result.reserveCapacity(segments.count)
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            result.append(segment)
            index += 1
            if isLiteral(segment, "drives"), index < segments.count {
                result.append(segments[index])
                index += 1
            } else if !isLiteral(segment, "drive") {
                continue
            }
            guard index < segments.count else { break }
            let item = segments[index]
            if isLiteral(item, "root") || startsWithLiteral(item, "root:") {
                index += 1
            } else if (isLiteral(item, "items") || isLiteral(item, "special")), index + 1 < segments.count {
                index += 2
            } else {
                continue
            }
            result.append([.literal("items")])
            result.append([.placeholder("item")])
        }
        return result
    }

    private static func isLiteral(_ pieces: [Piece], _ text: String) -> Bool {
        literalText(pieces)?.equalsIgnoringCase(text) ?? false
    }

    private static func startsWithLiteral(_ pieces: [Piece], _ prefix: String) -> Bool {
        guard case .literal(let text)? = pieces.first else { return false }
        return text.lowercased().hasPrefix(prefix)
    }

    // MARK: - Matching

    private static func literalText(_ pieces: [Piece]) -> String? {
        guard pieces.count == 1, case .literal(let text) = pieces[0] else { return nil }
        return text
    }

    private static func isSinglePlaceholder(_ pieces: [Piece]) -> Bool {
        if pieces.count == 1, case .placeholder = pieces[0] { return true }
        return false
    }

    static func segment(_ pattern: [Piece], matches actual: [Piece]) -> Bool {
        if isSinglePlaceholder(pattern) || isSinglePlaceholder(actual) { return true }
        // Most segments on both sides are one literal that is not a call (`users`, `messages`): they match when
        // their lower-cased bytes are equal, which is what the general match below finds for them.
        if let declared = literalText(pattern), let written = literalText(actual),
            declared.utf8.last != UInt8(ascii: ")"), written.utf8.last != UInt8(ascii: ")")
        {
            return sameLowercasedBytes(declared, written)
        }
        if let result = functionCall(pattern, matches: actual) { return result }
        // Flatten the actual segment: its own placeholders match anything in the pattern.
        let patternPieces = pattern.map { piece -> (text: [UInt8], isPlaceholder: Bool) in
            switch piece {
            case .literal(let text): (Array(text.lowercased().utf8), false)
            case .placeholder: ([], true)
            }
        }
        var actualBytes: [UInt8] = []
        var wildcardOffsets: Set<Int> = []
        for piece in actual {
            switch piece {
            case .literal(let text): actualBytes.append(contentsOf: text.lowercased().utf8)
            case .placeholder:
                wildcardOffsets.insert(actualBytes.count)
                actualBytes.append(0)
            }
        }
        var memo = [UInt8](repeating: 0, count: (patternPieces.count + 1) * (actualBytes.count + 1))
        return match(patternPieces, 0, actualBytes, 0, wildcardOffsets, &memo)
    }

    /// Whether the two texts lower-case to the same bytes; ASCII texts are compared in place.
    static func sameLowercasedBytes(_ lhs: String, _ rhs: String) -> Bool {
        if lhs.isAllASCII && rhs.isAllASCII {
            return lhs.utf8.count == rhs.utf8.count && ByteSearch.equal(lhs.utf8, rhs.utf8, ignoringASCIICase: true)
        }
        return lhs.lowercased().utf8.elementsEqual(rhs.lowercased().utf8)
    }

    /// Whether `pattern[pieceIndex...]` matches `actual[offset...]`; memoised (0 unknown, 1 no, 2 yes) so
    /// several placeholders in one segment stay polynomial.
    /// A function-call segment, `name(key=value,…)`: its name and parameter keys, lower-cased; placeholders
    /// are written as NUL.
    private static func functionCall(_ pieces: [Piece]) -> (name: String, keys: Set<String>)? {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .placeholder: text += "\u{0}"
            }
        }
        guard text.hasSuffix(")"), let open = text.firstIndex(of: "("), open != text.startIndex else { return nil }
        let arguments = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var keys = Set<String>()
        for argument in arguments.splitBytes(UInt8(ascii: ",")) {
            if let equals = argument.firstIndex(of: "=") {
                keys.insert(String(argument[..<equals]).trimmingSpaces().lowercased())
            }
        }
        return (String(text[..<open]).lowercased(), keys)
    }

    /// Function-call segments match on the function name and the parameter names, never the values; a side
    /// without a parameter list (or with positional values) matches any list. Nil when neither side is a call.
    private static func functionCall(_ pattern: [Piece], matches actual: [Piece]) -> Bool? {
        let declared = functionCall(pattern)
        let example = functionCall(actual)
        guard declared != nil || example != nil else { return nil }
        let declaredName = declared?.name ?? literalText(pattern)?.lowercased()
        let exampleName = example?.name ?? literalText(actual)?.lowercased()
        guard let declaredName, let exampleName else { return nil }
        guard declaredName == exampleName || declaredName.contains("\u{0}") || exampleName.contains("\u{0}") else {
            return false
        }
        guard let declaredKeys = declared?.keys, let exampleKeys = example?.keys, !declaredKeys.isEmpty,
            !exampleKeys.isEmpty
        else { return true }
        return declaredKeys == exampleKeys
    }

    private static func match(
        _ pattern: [(text: [UInt8], isPlaceholder: Bool)], _ pieceIndex: Int, _ actual: [UInt8], _ offset: Int,
        _ wildcards: Set<Int>, _ memo: inout [UInt8]
    ) -> Bool {
        if pieceIndex == pattern.count { return offset == actual.count }
        let slot = pieceIndex * (actual.count + 1) + offset
        if memo[slot] != 0 { return memo[slot] == 2 }
        let result = matchUncached(pattern, pieceIndex, actual, offset, wildcards, &memo)
        memo[slot] = result ? 2 : 1
        return result
    }

    private static func matchUncached(
        _ pattern: [(text: [UInt8], isPlaceholder: Bool)], _ pieceIndex: Int, _ actual: [UInt8], _ offset: Int,
        _ wildcards: Set<Int>, _ memo: inout [UInt8]
    ) -> Bool {
        let piece = pattern[pieceIndex]
        if piece.isPlaceholder {
            guard offset < actual.count else { return false }
            var end = offset + 1
            while end <= actual.count {
                if match(pattern, pieceIndex + 1, actual, end, wildcards, &memo) { return true }
                end += 1
            }
            return false
        }
        var cursor = offset
        for byte in piece.text {
            guard cursor < actual.count else { return false }
            if wildcards.contains(cursor) {
                // An example placeholder stands for any text: let it absorb this literal and the rest.
                return true
            }
            guard actual[cursor] == byte else { return false }
            cursor += 1
        }
        return match(pattern, pieceIndex + 1, actual, cursor, wildcards, &memo)
    }
}

/// A path prefix that stands for another: `/me` is `/users/{id}` for the signed-in user.
public struct PathAlias: Hashable, Sendable, Codable {
    public var alias: String
    public var replacement: String

    public init(_ alias: String, means replacement: String) {
        self.alias = alias
        self.replacement = replacement
    }

    /// The aliases that hold for Microsoft Graph: `/me` for the signed-in user, `/drive` (a singleton of the
    /// service's own) for that user's drive, and `/education/me` for the signed-in education user.
    public static let graphDefaults: [PathAlias] = [
        PathAlias("/me", means: "/users/{id}"), PathAlias("/drive", means: "/users/{id}/drive"),
        PathAlias("/education/me", means: "/education/users/{id}"),
    ]
}
