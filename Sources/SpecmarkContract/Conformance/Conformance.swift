public import SpecmarkMarkdown

/// A place where a JSON value does not conform to the type the docs define for it.
public struct ConformanceIssue: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A property the type (and its base types) does not define, on a type that is not open.
        case undeclaredProperty
        /// A value whose JSON type contradicts the declared type.
        case typeMismatch
        /// A value that is the type's name written as a placeholder (`"Boolean"`, `"String (timestamp)"`).
        case placeholderValue
        /// A `DateTimeOffset`, `Date`, `TimeOfDay`, `Guid` or `Duration` string that does not parse.
        case invalidFormat
        /// A string that is not a member of the declared enum.
        case unknownEnumMember
        /// A property the type marks as required is absent.
        case missingRequiredProperty
        /// An `@odata.type` that names no type in the doc set.
        case unknownType
    }

    public var kind: Kind
    /// Where in the value: `$.value[0].location.floor`.
    public var path: String
    /// The key's range for property issues, the value's range for value issues.
    public var range: SourceRange
    /// Lower-case, no final period.
    public var message: String
    /// For unknown types and enum members, the closest known name.
    public var suggestion: String?
}

/// Checks JSON values against the types a doc set defines: base types, open types, collections, nested complex
/// types and enums. Lint uses it on documented bodies, replay on what a live service returns.
public struct Conformance: Sendable {
    public let docs: DocSet
    /// Whether type-name placeholders are expected (a resource's JSON representation) rather than reported.
    public var placeholdersAreValues: Bool

    public init(docs: DocSet, placeholdersAreValues: Bool = false) {
        self.docs = docs
        self.placeholdersAreValues = placeholdersAreValues
    }

    /// Keys that are OData control information or instance annotations, never properties.
    public static func isAnnotationKey(_ key: String) -> Bool {
        key.hasPrefix("@") || key.contains("@")
    }

    /// Checks `value` as an instance of `resource`.
    public func check(
        _ value: JSONValue, as resource: ResourceDefinition, path: String = "$", checkRequired: Bool = false
    )
        -> [ConformanceIssue]
    {
        var issues: [ConformanceIssue] = []
        checkObject(value, as: resource, path: path, checkRequired: checkRequired, depth: 0, into: &issues)
        return issues
    }

    /// Checks `value` against a property's declared type; `owner` resolves unqualified type names.
    public func check(
        _ value: JSONValue, as type: TypeReference, owner: ResourceDefinition?, path: String
    ) -> [ConformanceIssue] {
        var issues: [ConformanceIssue] = []
        checkValue(value, as: type, owner: owner, path: path, depth: 0, into: &issues)
        return issues
    }

    /// The resource a type reference names: by qualified name, by the owner's namespace, by short name, or by
    /// the page its link points at.
    public func resolve(_ type: TypeReference, owner: ResourceDefinition?) -> ResourceDefinition? {
        guard let name = type.typeName else { return nil }
        if let found = docs.resource(named: name) { return found }
        if let owner, !name.contains(".") {
            let namespace = owner.name.splitBytes(UInt8(ascii: ".")).dropLast().joined(separator: ".")
            if let found = docs.resource(named: "\(namespace).\(name)") { return found }
        }
        if let found = docs.resource(shortName: name) { return found }
        // An enum named like this wins over the page a link points at (`[chatType](chat.md#chattype-values)`).
        if docs.enumeration(named: name) != nil { return nil }
        if let link = type.link, !link.contains("#"), let owner,
            let found = docs.resource(linkedAs: link, from: owner.file)
        {
            return found
        }
        return nil
    }

    // MARK: - Values

    private func checkObject(
        _ value: JSONValue, as resource: ResourceDefinition, path: String, checkRequired: Bool, depth: Int,
        into issues: inout [ConformanceIssue]
    ) {
        guard depth < 64, let members = value.members else {
            if value.members == nil, !isWildcard(value) {
                issues.append(
                    ConformanceIssue(
                        kind: .typeMismatch, path: path, range: value.range,
                        message: "\(path) is \(value.kindDescription) but \(resource.shortName) is an object type"))
            }
            return
        }
        // A derived type named in the body is what the body is checked as.
        var type = resource
        if let typeMember = value.member("@odata.type"), let name = typeMember.value.string,
            !DocSet.isPrimitiveTypeName(name)
        {
            switch docs.lookup(name) {
            case .found(let derived):
                type = derived
            case .caseMismatch(let derived):
                type = derived
                issues.append(
                    ConformanceIssue(
                        kind: .unknownType, path: "\(path).@odata.type", range: typeMember.value.range,
                        message:
                            "\(path).@odata.type names '\(DocSet.normalizedTypeName(name))', which is spelt '\(derived.name)'"
                    ))
            case .missing:
                issues.append(
                    ConformanceIssue(
                        kind: .unknownType, path: "\(path).@odata.type", range: typeMember.value.range,
                        message:
                            "\(path).@odata.type names '\(DocSet.normalizedTypeName(name))', which no page defines",
                        suggestion: docs.suggestion(forType: name)))
            }
        }
        let table = docs.propertyTable(of: type)
        let properties = table.properties
        let isOpen = table.isOpen
        for member in members where !Self.isAnnotationKey(member.key) {
            let memberPath = "\(path).\(member.key)"
            guard let property = table.property(named: member.key) else {
                if !isOpen {
                    let caseMatch = properties.first { $0.name.lowercased() == member.key.lowercased() }?.name
                    issues.append(
                        ConformanceIssue(
                            kind: .undeclaredProperty, path: memberPath, range: member.keyRange,
                            message: caseMatch.map { "property '\(member.key)' is spelt '\($0)' in \(type.shortName)" }
                                ?? "property '\(member.key)' is not defined by \(type.shortName)\(type.baseType == nil ? "" : " or its base types")",
                            suggestion: caseMatch ?? closestMatch(to: member.key, in: properties.map(\.name))))
                }
                continue
            }
            checkValue(member.value, as: property.type, owner: type, path: memberPath, depth: depth + 1, into: &issues)
        }
        if checkRequired {
            let present = Set(members.map(\.key))
            for property in properties where property.isRequired && !present.contains(property.name) {
                issues.append(
                    ConformanceIssue(
                        kind: .missingRequiredProperty, path: "\(path).\(property.name)", range: value.range,
                        message: "\(path) has no '\(property.name)', which \(type.shortName) marks as required"))
            }
        }
    }

    private func checkValue(
        _ value: JSONValue, as type: TypeReference, owner: ResourceDefinition?, path: String, depth: Int,
        into issues: inout [ConformanceIssue]
    ) {
        guard depth < 64, !isWildcard(value) else { return }
        if case .null = value.kind { return }
        if type.isCollection {
            guard let elements = value.elements else {
                if let text = value.string, isPlaceholder(text, for: type, owner: owner) {
                    reportPlaceholder(text, type: type, value: value, path: path, into: &issues)
                    return
                }
                issues.append(
                    ConformanceIssue(
                        kind: .typeMismatch, path: path, range: value.range,
                        message: "\(path) is \(value.kindDescription) but its type is \(type) (an array)"))
                return
            }
            var element = type
            element.isCollection = false
            for (index, item) in elements.enumerated() {
                checkValue(item, as: element, owner: owner, path: "\(path)[\(index)]", depth: depth + 1, into: &issues)
            }
            return
        }
        if let primitive = type.primitive {
            checkPrimitive(value, primitive, type: type, owner: owner, path: path, into: &issues)
            return
        }
        if let resource = resolve(type, owner: owner) {
            if let text = value.string, isPlaceholder(text, for: type, owner: owner) {
                reportPlaceholder(text, type: type, value: value, path: path, into: &issues)
                return
            }
            checkObject(value, as: resource, path: path, checkRequired: false, depth: depth + 1, into: &issues)
            return
        }
        if let name = type.typeName, let enumeration = docs.enumeration(named: name) {
            checkEnum(value, enumeration, type: type, owner: owner, path: path, into: &issues)
        }
    }

    private func checkPrimitive(
        _ value: JSONValue, _ primitive: TypeReference.Primitive, type: TypeReference, owner: ResourceDefinition?,
        path: String, into issues: inout [ConformanceIssue]
    ) {
        func mismatch() {
            issues.append(
                ConformanceIssue(
                    kind: .typeMismatch, path: path, range: value.range,
                    message: "\(path) is \(value.kindDescription) but its type is \(primitive.rawValue)"))
        }
        switch primitive {
        case .untyped:
            return
        case .boolean:
            if value.bool != nil { return }
        case .int16, .int32, .int64, .byte, .sbyte:
            if case .number(let number) = value.kind {
                if number.isInteger { return }
                issues.append(
                    ConformanceIssue(
                        kind: .typeMismatch, path: path, range: value.range,
                        message: "\(path) is \(number.literal) but its type is \(primitive.rawValue), a whole number"))
                return
            }
        case .single, .double, .decimal:
            // Integers are valid values of floating-point types (ApiDoctor's most common false positive).
            if case .number = value.kind { return }
            if let text = value.string, ["NaN", "INF", "-INF", "Infinity", "-Infinity"].contains(text) { return }
        case .string, .binary, .stream:
            if value.string != nil {
                if let text = value.string, isPlaceholder(text, for: type, owner: owner) {
                    reportPlaceholder(text, type: type, value: value, path: path, into: &issues)
                }
                return
            }
        case .dateTimeOffset, .date, .timeOfDay, .duration, .guid:
            if let text = value.string {
                if isPlaceholder(text, for: type, owner: owner) {
                    reportPlaceholder(text, type: type, value: value, path: path, into: &issues)
                } else if !Formats.isPlaceholderLike(text), !Formats.matches(text, primitive) {
                    issues.append(
                        ConformanceIssue(
                            kind: .invalidFormat, path: path, range: value.range,
                            message:
                                "\(path) is \(quotedJSON(text)), which is not a valid \(primitive.rawValue)\(Formats.example(primitive))"
                        ))
                }
                return
            }
        }
        if let text = value.string, isPlaceholder(text, for: type, owner: owner) {
            reportPlaceholder(text, type: type, value: value, path: path, into: &issues)
            return
        }
        mismatch()
    }

    private func checkEnum(
        _ value: JSONValue, _ enumeration: EnumDefinition, type: TypeReference, owner: ResourceDefinition?,
        path: String,
        into issues: inout [ConformanceIssue]
    ) {
        guard let text = value.string else {
            if case .number = value.kind { return }  // numeric enum values are valid OData
            issues.append(
                ConformanceIssue(
                    kind: .typeMismatch, path: path, range: value.range,
                    message: "\(path) is \(value.kindDescription) but its type is the enum \(enumeration.name)"))
            return
        }
        if isPlaceholder(text, for: type, owner: owner) || text.lowercased() == "string" {
            if !placeholdersAreValues { reportPlaceholder(text, type: type, value: value, path: path, into: &issues) }
            return
        }
        guard !enumeration.members.isEmpty else { return }
        let names = enumeration.members.map(\.name)
        // Flags enums write several members separated by commas.
        for member in text.splitBytes(UInt8(ascii: ",")).map({ String($0).trimmingSpaces() })
        where !names.contains(member) {
            let suggestion =
                names.first { $0.lowercased() == member.lowercased() } ?? closestMatch(to: member, in: names)
            issues.append(
                ConformanceIssue(
                    kind: .unknownEnumMember, path: path, range: value.range,
                    message: "\(path) is \(quotedJSON(member)), which is not a member of \(enumeration.name)",
                    suggestion: suggestion))
        }
    }

    // MARK: - Placeholders

    /// Whether `text` is a type name written where a value should be: `"Boolean"`, `"String (timestamp)"`,
    /// `"Edm.Int32"`, `"microsoft.graph.identitySet"`, the declared type's own name.
    func isPlaceholder(_ text: String, for type: TypeReference, owner: ResourceDefinition?) -> Bool {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count < 80 else { return false }
        // Generated examples write `"<property>-value"` for every property; as a string value it is only a
        // placeholder where the type is not a string.
        if trimmed.hasSuffix("-value"), type.primitive != .string || type.isCollection,
            trimmed.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
                    || ($0 >= 0x30 && $0 <= 0x39)
            })
        {
            return true
        }
        var head = trimmed
        if let paren = trimmed.firstIndex(of: "(") { head = String(trimmed[..<paren]).trimmingSpaces() }
        if head.lowercased().hasPrefix("edm.") { head = String(head.dropFirst(4)) }
        for suffix in [" collection", " Collection"] where head.hasSuffix(suffix) {
            head = String(head.dropLast(suffix.count))
        }
        if TypeReference.Primitive.allCases.contains(where: { $0.rawValue == head }) { return true }
        if let name = type.typeName, head == name || head.hasSuffix("." + name) { return true }
        return head.hasPrefix("microsoft.graph.") && !head.contains(" ")
    }

    private func reportPlaceholder(
        _ text: String, type: TypeReference, value: JSONValue, path: String, into issues: inout [ConformanceIssue]
    ) {
        guard !placeholdersAreValues else { return }
        issues.append(
            ConformanceIssue(
                kind: .placeholderValue, path: path, range: value.range,
                message: "\(path) is the placeholder \(quotedJSON(text)), not a \(type) value"))
    }

    private func isWildcard(_ value: JSONValue) -> Bool {
        if case .ellipsis = value.kind { return true }
        return false
    }

}

extension PropertyDefinition {
    /// Whether the description says the property is required ("Required.").
    public var isRequired: Bool {
        description.containsBytes("Required.") || description.hasPrefix("Required")
    }
}

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
