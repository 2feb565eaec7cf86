import SpecmarkMarkdown

/// What extraction needs to know about a doc set's conventions.
public struct ExtractionConfiguration: Hashable, Sendable {
    /// Service roots stripped from example URLs (`https://graph.microsoft.com/v1.0`).
    public var serviceRoots: [String]
    /// Path prefixes that stand for others (`/me` ≡ `/users/{id}`).
    public var pathAliases: [PathAlias]
    /// Section titles that introduce each kind of table.
    public var tableHeadings: TableHeadings

    public init(
        serviceRoots: [String] = ExampleURL.graphServiceRoots, pathAliases: [PathAlias] = PathAlias.graphDefaults,
        tableHeadings: TableHeadings = .graphDefaults
    ) {
        self.serviceRoots = serviceRoots
        self.pathAliases = pathAliases
        self.tableHeadings = tableHeadings
    }

    /// The Microsoft Graph conventions.
    public static let graph = ExtractionConfiguration()
}

/// Section titles and column names, matched the way the Graph corpus writes them (its ApiDoctor
/// `table-header-config.json` lists the variants); a title pattern `{x} values` matches any text for `{x}`.
public struct TableHeadings: Hashable, Sendable {
    public var permissions: [String]
    public var requestHeaders: [String]
    public var responseHeaders: [String]
    public var queryParameters: [String]
    public var pathParameters: [String]
    public var requestBody: [String]
    public var properties: [String]
    public var relationships: [String]
    public var enumValues: [String]
    /// Column titles that hold a parameter's name.
    public var nameColumns: [String]
    /// Column titles that hold a parameter's type.
    public var typeColumns: [String]
    /// Column titles that hold a description.
    public var descriptionColumns: [String]
    /// Column titles that say whether a parameter is required.
    public var requiredColumns: [String]
    /// Column titles of enum members.
    public var memberColumns: [String]
    public var valueColumns: [String]

    public init(
        permissions: [String], requestHeaders: [String], responseHeaders: [String], queryParameters: [String],
        pathParameters: [String], requestBody: [String], properties: [String], relationships: [String],
        enumValues: [String], nameColumns: [String], typeColumns: [String], descriptionColumns: [String],
        requiredColumns: [String], memberColumns: [String], valueColumns: [String]
    ) {
        self.permissions = permissions
        self.requestHeaders = requestHeaders
        self.responseHeaders = responseHeaders
        self.queryParameters = queryParameters
        self.pathParameters = pathParameters
        self.requestBody = requestBody
        self.properties = properties
        self.relationships = relationships
        self.enumValues = enumValues
        self.nameColumns = nameColumns
        self.typeColumns = typeColumns
        self.descriptionColumns = descriptionColumns
        self.requiredColumns = requiredColumns
        self.memberColumns = memberColumns
        self.valueColumns = valueColumns
    }

    /// The Graph docs' titles, from their `table-header-config.json` plus the variants the corpus uses.
    public static let graphDefaults = TableHeadings(
        permissions: ["Permissions", "Permissions {x}", "Prerequisites"],
        requestHeaders: ["Request headers", "Optional request headers", "Request header"],
        responseHeaders: ["Response headers"],
        queryParameters: ["Query parameters", "Optional query parameters", "OData query parameters"],
        pathParameters: ["Path parameters", "Function parameters", "Parameters"],
        requestBody: ["Request body"],
        properties: ["Properties", "Instance attributes"],
        relationships: ["Relationships"],
        enumValues: [
            "Enumerated values", "{x} enumeration", "{x} enumeration values", "{x} members", "{x} values", "{x} flags",
            "Members",
        ],
        nameColumns: [
            "Parameter name", "Parameter", "Property name", "Property", "Name", "Relationship name", "Relationship",
            "Header", "Query parameter", "Header name", "Request header", "Key",
        ],
        typeColumns: ["Type", "Value", "Data type"],
        descriptionColumns: ["Description", "Value", "Notes", "Details"],
        requiredColumns: ["Required", "Required?", "Is required"],
        memberColumns: ["Member", "Name", "Value"],
        valueColumns: ["Value", "Numeric value"]
    )

    /// Whether `title` matches one of `patterns` (case-insensitive; `{x}` matches any non-empty text).
    public static func title(_ title: String, matches patterns: [String]) -> Bool {
        TitleMatcher.matchesAny(title, patterns: patterns, wildcard: "{x}", ignoringCase: true)
    }
}

/// Matches section titles against patterns with one wildcard (`Permissions {x}`, `* members`), over UTF-8 and
/// without allocating: it runs for every heading of every page against every pattern list.
public enum TitleMatcher {
    /// Whether `text` (surrounding spaces ignored) matches `pattern`; the wildcard matches any non-empty text.
    /// Case is ignored for ASCII letters when `ignoringCase`.
    public static func matches(_ text: String, pattern: String, wildcard: StaticString, ignoringCase: Bool) -> Bool {
        var text = text
        var pattern = pattern
        return text.withUTF8 { textBytes in
            pattern.withUTF8 { patternBytes in
                wildcard.withUTF8Buffer { wildcardBytes in
                    matches(trimmed(textBytes), patternBytes, wildcard: wildcardBytes, ignoringCase: ignoringCase)
                }
            }
        }
    }

    /// Whether `text` matches any of `patterns`: `patterns.contains { matches(text, pattern: $0, …) }`, with the
    /// text opened and trimmed once.
    public static func matchesAny(
        _ text: String, patterns: [String], wildcard: StaticString, ignoringCase: Bool
    ) -> Bool {
        var text = text
        return text.withUTF8 { textBytes in
            wildcard.withUTF8Buffer { wildcardBytes in
                let text = trimmed(textBytes)
                return patterns.contains { pattern in
                    var pattern = pattern
                    return pattern.withUTF8 { matches(text, $0, wildcard: wildcardBytes, ignoringCase: ignoringCase) }
                }
            }
        }
    }

    /// Whether `text` matches any alternative of a `|`-separated pattern (empty alternatives skipped); an
    /// alternative that holds the wildcard is compared without case.
    public static func matchesAlternative(
        _ text: String, pattern: String, wildcard: StaticString, ignoringCase: Bool
    ) -> Bool {
        var text = text
        var pattern = pattern
        return text.withUTF8 { textBytes in
            pattern.withUTF8 { patternBytes in
                wildcard.withUTF8Buffer { wildcardBytes in
                    let text = trimmed(textBytes)
                    var start = 0
                    for end in 0...patternBytes.count where end == patternBytes.count || patternBytes[end] == 0x7C {
                        defer { start = end + 1 }
                        guard end > start else { continue }
                        let alternative = UnsafeBufferPointer(rebasing: patternBytes[start..<end])
                        let caseless = ignoringCase || find(wildcardBytes, in: alternative) != nil
                        if matches(text, alternative, wildcard: wildcardBytes, ignoringCase: caseless) { return true }
                    }
                    return false
                }
            }
        }
    }

    static func matches(
        _ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, wildcard: UnsafeBufferPointer<UInt8>,
        ignoringCase: Bool
    ) -> Bool {
        guard let star = find(wildcard, in: pattern) else {
            return equal(text, pattern, ignoringCase: ignoringCase)
        }
        let prefix = UnsafeBufferPointer(rebasing: pattern[..<star])
        let suffix = UnsafeBufferPointer(rebasing: pattern[(star + wildcard.count)...])
        guard text.count > prefix.count + suffix.count else { return false }
        return equal(UnsafeBufferPointer(rebasing: text[..<prefix.count]), prefix, ignoringCase: ignoringCase)
            && equal(
                UnsafeBufferPointer(rebasing: text[(text.count - suffix.count)...]), suffix, ignoringCase: ignoringCase)
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var offset = 1
            while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return start }
        }
        return nil
    }

    private static func equal(
        _ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>, ignoringCase: Bool
    )
        -> Bool
    {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count {
            var left = lhs[index]
            var right = rhs[index]
            if ignoringCase {
                if left >= 0x41 && left <= 0x5A { left |= 0x20 }
                if right >= 0x41 && right <= 0x5A { right |= 0x20 }
            }
            if left != right { return false }
        }
        return true
    }
}
