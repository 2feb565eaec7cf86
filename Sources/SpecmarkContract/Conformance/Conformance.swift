import SpecmarkMarkdown

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
        key.containsByte(UInt8(ascii: "@"))
    }

    /// A directory extension property, `extension_{appId}_{name}` with the application's id as 32 hex digits: a
    /// dynamic property any directory object may carry, which no page can declare.
    public static func isDirectoryExtension(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        let prefix = Array("extension_".utf8)
        guard bytes.count > prefix.count + 33, bytes.starts(with: prefix) else { return false }
        let appID = bytes[prefix.count..<prefix.count + 32]
        return appID.allSatisfy { hexDigitValue($0) != nil } && bytes[prefix.count + 32] == UInt8(ascii: "_")
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
        if let owner, !name.containsByte(UInt8(ascii: ".")) {
            let namespace = Self.namespace(of: owner.name)
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

    /// The namespace of a qualified name, its dot-separated parts but the last (empty parts dropped):
    /// `microsoft.graph.user` → `microsoft.graph`. A name without empty parts is cut at its last dot.
    static func namespace(of name: String) -> String {
        let utf8 = name.utf8
        guard utf8.first != UInt8(ascii: "."), utf8.last != UInt8(ascii: "."), !name.containsBytes("..") else {
            return name.splitBytes(UInt8(ascii: ".")).dropLast().joined(separator: ".")
        }
        return utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? ""
    }

    // MARK: - Values

    private func checkObject(
        _ value: JSONValue, as resource: ResourceDefinition, path: String, checkRequired: Bool, depth: Int,
        into issues: inout [ConformanceIssue]
    ) {
        guard depth < 64, let members = value.members else {
            if value.members == nil, !isWildcard(value) {
                issues.append(
                    .notAnObject(path, value, type: resource.shortName))
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
                    .typeSpelling(path, typeMember.value, DocSet.normalizedTypeName(name), defined: derived.name))
            case .missing:
                let written = DocSet.normalizedTypeName(name)
                // `"educationLinkResource"`: a defined type written without its namespace.
                if !written.contains("."), let qualified = docs.resource(named: "microsoft.graph." + written) {
                    type = qualified
                    issues.append(.typeUnqualified(path, typeMember.value, written, defined: qualified.name))
                } else {
                    issues.append(
                        .typeUndefined(path, typeMember.value, written, suggestion: docs.suggestion(forType: name)))
                }
            }
        }
        let table = docs.propertyTable(of: type)
        let properties = table.properties
        let isOpen = table.isOpen
        // Members and properties by index: binding either would copy it (a retain for each of its strings), and
        // the properties are the doc set's, shared by every page being checked.
        for memberIndex in members.indices where !Self.isAnnotationKey(members[memberIndex].key) {
            let key = members[memberIndex].key
            let memberPath = "\(path).\(key)"
            guard let position = table.position(of: key) else {
                if !isOpen, !Self.isDirectoryExtension(key) {
                    let member = members[memberIndex]
                    let caseMatch = properties.first { $0.name.equalsIgnoringCase(key) }?.name
                    issues.append(
                        caseMatch.map { .propertySpelling(member, memberPath, $0, in: type.shortName) }
                            ?? .propertyUndeclared(
                                member, memberPath, in: type.shortName, hasBaseType: type.baseType != nil,
                                suggestion: closestMatch(to: key, in: properties.map(\.name))))
                }
                continue
            }
            let start = issues.count
            checkValue(
                members[memberIndex].value, as: properties[position].type, owner: type, path: memberPath,
                depth: depth + 1, into: &issues)
            guard issues.count > start else { continue }
            let member = members[memberIndex]
            let property = properties[position]
            // A type name the property's description lists among its values ("Possible values are: String,
            // Integer, Boolean") is that value, not a placeholder.
            if let text = member.value.string, Self.lists(text, amongValuesOf: property),
                let placeholder = issues[start...].firstIndex(where: {
                    $0.kind == .placeholderValue && $0.path == memberPath
                })
            {
                issues.remove(at: placeholder)
                guard issues.count > start else { continue }
            }
            if let shown = table.representationType(of: key),
                issues[start...].contains(where: { $0.kind == .typeMismatch })
            {
                // The table row and the page's own JSON representation disagree: a value of the representation's
                // type is not this example's fault.
                var asShown: [ConformanceIssue] = []
                checkValue(member.value, as: shown, owner: type, path: memberPath, depth: depth + 1, into: &asShown)
                if !asShown.contains(where: { $0.kind == .typeMismatch }) {
                    issues.replaceSubrange(start..., with: asShown)
                }
            }
            if !property.file.isEmpty {
                let row = SourceLocation(file: property.file, range: property.range)
                for index in start..<issues.count
                where issues[index].declaration == nil && issues[index].kind.contradictsDeclaration {
                    issues[index].declaration = row
                }
            }
        }
        if checkRequired {
            let present = Set(members.map(\.key))
            for property in properties where property.isRequired && !present.contains(property.name) {
                issues.append(
                    .requiredPropertyMissing(path, property.name, value, in: type.shortName))
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
                    .notAnArray(path, value, type: "\(type)"))
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
                .typeContradicted(path, value, type: primitive.rawValue))
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
                    .notWhole(path, value, number.literal, type: primitive.rawValue))
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
                        .formatInvalid(path, value, text, type: primitive))
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
                .notAnEnumMember(path, value, enumeration: enumeration.name))
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
                names.first { $0.equalsIgnoringCase(member) } ?? closestMatch(to: member, in: names)
            issues.append(
                .memberUnknown(path, value, member, enumeration: enumeration.name, suggestion: suggestion))
        }
    }

    // MARK: - Placeholders

    /// Whether the property's description names `text`, as a word, among the values it lists ("Possible values
    /// are: String, Integer, Double, Boolean, Range.").
    static func lists(_ text: String, amongValuesOf property: PropertyDefinition) -> Bool {
        let description = property.description
        let lowered = description.lowercased()
        guard !text.isEmpty,
            ["possible values", "supported values", "one of", "values are", "can be"].contains(where: {
                lowered.containsBytes($0)
            })
        else { return false }
        let words = description.split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
        return words.contains { $0 == text[...] }
    }

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
        // By bytes when the text is ASCII (every character one byte); by Characters otherwise.
        let paren =
            trimmed.isAllASCII
            ? trimmed.utf8.firstIndex(of: UInt8(ascii: "(")) : trimmed.firstIndex(of: "(")
        if let paren { head = String(trimmed[..<paren]).trimmingSpaces() }
        head = TypeReference.withoutEdmPrefix(head)
        for suffix in [" collection", " Collection"] where head.hasSuffix(suffix) {
            head = String(head.dropLast(suffix.count))
        }
        if TypeReference.Primitive(rawValue: head) != nil { return true }
        // Ending in `.name` ends in `name`: the joined suffix is only made for the heads that do.
        if let name = type.typeName, head == name || head.hasSuffix(name) && head.hasSuffix("." + name) { return true }
        return head.hasPrefix("microsoft.graph.") && !head.contains(" ")
    }

    private func reportPlaceholder(
        _ text: String, type: TypeReference, value: JSONValue, path: String, into issues: inout [ConformanceIssue]
    ) {
        guard !placeholdersAreValues else { return }
        issues.append(
            .placeholder(path, value, text, type: "\(type)"))
    }

    /// An ellipsis, or a string that is only one (`"..."`, `"…"`): an elided value, which any type accepts.
    private func isWildcard(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .ellipsis: return true
        case .string(let text): return Self.isElision(text)
        default: return false
        }
    }

    /// `...`, `..`, `…`, with spaces around: the text of an elided value. Asked of every string value in every
    /// body, so it reads the bytes without making a trimmed copy.
    static func isElision(_ text: String) -> Bool {
        let utf8 = text.utf8
        let bytes = utf8[ByteSearch.trimmed(utf8.startIndex..<utf8.endIndex, of: utf8)]
        if bytes.elementsEqual("…".utf8) { return true }
        return bytes.count >= 2 && bytes.allSatisfy { $0 == UInt8(ascii: ".") }
    }

}

extension ConformanceIssue {
    fileprivate static func notAnObject(_ path: String, _ value: JSONValue, type: String) -> ConformanceIssue {
        ConformanceIssue(
            kind: .typeMismatch, path: path, range: value.range,
            message: "\(path) is \(value.kindDescription) but \(type) is an object type")
    }

    fileprivate static func typeSpelling(
        _ path: String, _ value: JSONValue, _ written: String, defined: String
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .unknownType, path: "\(path).@odata.type", range: value.range,
            message: "\(path).@odata.type names '\(written)', which is spelt '\(defined)'")
    }

    fileprivate static func typeUnqualified(
        _ path: String, _ value: JSONValue, _ written: String, defined: String
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .unknownType, path: "\(path).@odata.type", range: value.range,
            message: "\(path).@odata.type names '\(written)' without its namespace; write '#\(defined)'")
    }

    fileprivate static func typeUndefined(
        _ path: String, _ value: JSONValue, _ written: String, suggestion: String?
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .unknownType, path: "\(path).@odata.type", range: value.range,
            message: "\(path).@odata.type names '\(written)', which no page defines", suggestion: suggestion)
    }

    /// The message names the spelling the type has, so no "did you mean" follows it.
    fileprivate static func propertySpelling(
        _ member: JSONMember, _ path: String, _ defined: String, in type: String
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .undeclaredProperty, path: path, range: member.keyRange,
            message: "property '\(member.key)' is spelt '\(defined)' in \(type)")
    }

    fileprivate static func propertyUndeclared(
        _ member: JSONMember, _ path: String, in type: String, hasBaseType: Bool, suggestion: String?
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .undeclaredProperty, path: path, range: member.keyRange,
            message: "property '\(member.key)' is not defined by \(type)\(hasBaseType ? " or its base types" : "")",
            suggestion: suggestion)
    }

    fileprivate static func requiredPropertyMissing(
        _ path: String, _ property: String, _ value: JSONValue, in type: String
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .missingRequiredProperty, path: "\(path).\(property)", range: value.range,
            message: "\(path) has no '\(property)', which \(type) marks as required")
    }

    fileprivate static func notAnArray(_ path: String, _ value: JSONValue, type: String) -> ConformanceIssue {
        ConformanceIssue(
            kind: .typeMismatch, path: path, range: value.range,
            message: "\(path) is \(value.kindDescription) but its type is \(type) (an array)")
    }

    fileprivate static func typeContradicted(_ path: String, _ value: JSONValue, type: String) -> ConformanceIssue {
        ConformanceIssue(
            kind: .typeMismatch, path: path, range: value.range,
            message: "\(path) is \(value.kindDescription) but its type is \(type)")
    }

    fileprivate static func notWhole(
        _ path: String, _ value: JSONValue, _ literal: String, type: String
    )
        -> ConformanceIssue
    {
        ConformanceIssue(
            kind: .typeMismatch, path: path, range: value.range,
            message: "\(path) is \(literal) but its type is \(type), a whole number")
    }

    fileprivate static func formatInvalid(
        _ path: String, _ value: JSONValue, _ text: String, type: TypeReference.Primitive
    )
        -> ConformanceIssue
    {
        ConformanceIssue(
            kind: .invalidFormat, path: path, range: value.range,
            message: "\(path) is \(quotedJSON(text)), which is not a valid \(type.rawValue)\(Formats.example(type))")
    }

    fileprivate static func notAnEnumMember(
        _ path: String, _ value: JSONValue, enumeration: String
    )
        -> ConformanceIssue
    {
        ConformanceIssue(
            kind: .typeMismatch, path: path, range: value.range,
            message: "\(path) is \(value.kindDescription) but its type is the enum \(enumeration)")
    }

    fileprivate static func memberUnknown(
        _ path: String, _ value: JSONValue, _ member: String, enumeration: String, suggestion: String?
    ) -> ConformanceIssue {
        ConformanceIssue(
            kind: .unknownEnumMember, path: path, range: value.range,
            message: "\(path) is \(quotedJSON(member)), which is not a member of \(enumeration)", suggestion: suggestion
        )
    }

    fileprivate static func placeholder(
        _ path: String, _ value: JSONValue, _ text: String, type: String
    )
        -> ConformanceIssue
    {
        ConformanceIssue(
            kind: .placeholderValue, path: path, range: value.range,
            message: "\(path) is the placeholder \(quotedJSON(text)), not a \(type) value")
    }
}
