import SpecmarkMarkdown
import SpecmarkMetadata

/// One value `Conformance.corrected` replaced.
public struct CorrectedValue: Hashable, Sendable {
    /// Where in the body: `$.value[0].createdDateTime`.
    public var path: String
    /// The type the value now has (`DateTimeOffset`, `microsoft.graph.alertSeverity`).
    public var type: String
}

extension Conformance {
    /// `value` with each value its declared type rejects replaced by one the type accepts, for clients that
    /// parse into typed models and fail a whole response on one bad field: `"datetime-value"` where a
    /// DateTimeOffset belongs becomes a valid timestamp, `"String"` where an enum belongs its first member,
    /// `"true"` where a Boolean belongs `true`. Values the types accept, properties no table declares and values
    /// of unknown types are kept as they are; elisions are left for the writer to drop.
    public func corrected(_ value: JSONValue, as resource: ResourceDefinition) -> (JSONValue, [CorrectedValue]) {
        var corrections: [CorrectedValue] = []
        let result = correctObject(value, as: resource, path: "$", depth: 0, into: &corrections)
        return (result, corrections)
    }

    /// The value a client reading a property of this primitive type accepts, for types with a format.
    public static func sampleValue(_ primitive: TypeReference.Primitive) -> JSONValue.Kind? {
        switch primitive {
        case .dateTimeOffset: .string("2026-01-01T09:00:00Z")
        case .date: .string("2026-01-01")
        case .timeOfDay: .string("09:00:00")
        case .duration: .string("PT1H")
        case .guid: .string("00000000-0000-0000-0000-000000000000")
        case .boolean: .bool(false)
        case .int16, .int32, .int64, .byte, .sbyte, .single, .double, .decimal:
            .number(JSONNumber(literal: "0", isInteger: true))
        case .string, .binary, .stream: .string("")
        case .untyped: nil
        }
    }

    private func correctObject(
        _ value: JSONValue, as resource: ResourceDefinition, path: String, depth: Int,
        into corrections: inout [CorrectedValue]
    ) -> JSONValue {
        guard depth < 64, var members = value.members else {
            if case .ellipsis = value.kind { return value }
            if case .null = value.kind { return value }
            corrections.append(CorrectedValue(path: path, type: resource.name))
            return JSONValue(.object([]), range: value.range)
        }
        var type = resource
        if let name = value["@odata.type"]?.string, !DocSet.isPrimitiveTypeName(name) {
            switch docs.lookup(name) {
            case .found(let derived), .caseMismatch(let derived): type = derived
            case .missing:
                let written = DocSet.normalizedTypeName(name)
                if !written.contains("."), let qualified = docs.resource(named: "microsoft.graph." + written) {
                    type = qualified
                }
            }
        }
        let table = docs.propertyTable(of: type)
        for index in members.indices where !Self.isAnnotationKey(members[index].key) {
            guard let property = table.property(named: members[index].key) else { continue }
            members[index].value = correctValue(
                members[index].value, as: property.type, owner: type, path: "\(path).\(members[index].key)",
                depth: depth + 1, into: &corrections)
        }
        return JSONValue(.object(members), range: value.range)
    }

    private func correctValue(
        _ value: JSONValue, as type: TypeReference, owner: ResourceDefinition, path: String, depth: Int,
        into corrections: inout [CorrectedValue]
    ) -> JSONValue {
        switch value.kind {
        case .null, .ellipsis: return value
        default: break
        }
        guard depth < 64 else { return value }
        if type.isCollection {
            guard let elements = value.elements else {
                corrections.append(CorrectedValue(path: path, type: "\(type)"))
                return JSONValue(.array([]), range: value.range)
            }
            var element = type
            element.isCollection = false
            let corrected = elements.enumerated().map { index, item in
                correctValue(
                    item, as: element, owner: owner, path: "\(path)[\(index)]", depth: depth + 1, into: &corrections)
            }
            return JSONValue(.array(corrected), range: value.range)
        }
        if let primitive = type.primitive {
            guard let kind = Self.correctedPrimitive(value, primitive) else { return value }
            corrections.append(CorrectedValue(path: path, type: primitive.rawValue))
            return JSONValue(kind, range: value.range)
        }
        if let resource = resolve(type, owner: owner) {
            return correctObject(value, as: resource, path: path, depth: depth + 1, into: &corrections)
        }
        if let name = type.typeName, let (enumName, names) = enumMembers(named: name) {
            if case .number = value.kind { return value }
            if let text = value.string {
                let written = text.splitBytes(UInt8(ascii: ",")).map { String($0).trimmingSpaces() }
                if written.allSatisfy(names.contains) { return value }
                // A member written in another case is that member; anything else is the first member.
                let fixed = written.compactMap { member in names.first { $0.equalsIgnoringCase(member) } }
                let replacement = fixed.count == written.count ? fixed.joined(separator: ",") : names[0]
                corrections.append(CorrectedValue(path: path, type: enumName))
                return JSONValue(.string(replacement), range: value.range)
            }
            corrections.append(CorrectedValue(path: path, type: enumName))
            return JSONValue(.string(names[0]), range: value.range)
        }
        return value
    }

    /// An enum's name and members: from its page's table, or from the metadata when no page defines it.
    private func enumMembers(named name: String) -> (String, [String])? {
        if let enumeration = docs.enumeration(named: name), !enumeration.members.isEmpty {
            return (enumeration.name, enumeration.members.map(\.name))
        }
        let short = name.lastPiece(separatedBy: UInt8(ascii: ".")).map(String.init) ?? name
        for entry in docs.metadata.entries {
            if let enumeration = entry.metadata.enumType(shortName: short, ignoringCase: true),
                !enumeration.members.isEmpty
            {
                return (enumeration.name, enumeration.members.map(\.name))
            }
        }
        return nil
    }

    /// The replacement for a primitive value its type rejects, or nil when the type accepts it.
    private static func correctedPrimitive(_ value: JSONValue, _ primitive: TypeReference.Primitive) -> JSONValue.Kind?
    {
        switch primitive {
        case .untyped:
            return nil
        case .boolean:
            if value.bool != nil { return nil }
            if let text = value.string?.lowercased(), text == "true" || text == "false" { return .bool(text == "true") }
        case .int16, .int32, .int64, .byte, .sbyte:
            if case .number(let number) = value.kind {
                if number.isInteger { return nil }
                let whole = number.doubleValue.isFinite ? Int(number.doubleValue.rounded(.towardZero)) : 0
                return .number(JSONNumber(literal: "\(whole)", isInteger: true))
            }
            if let text = value.string, let whole = Int(text.trimmingSpaces()) {
                return .number(JSONNumber(literal: "\(whole)", isInteger: true))
            }
        case .single, .double, .decimal:
            if case .number = value.kind { return nil }
            if let text = value.string {
                if ["NaN", "INF", "-INF"].contains(text) { return nil }
                if let number = Double(text.trimmingSpaces()), number.isFinite {
                    return .number(JSONNumber(literal: "\(number)", isInteger: false))
                }
            }
        case .string, .binary, .stream:
            if value.string != nil { return nil }
            switch value.kind {
            case .number(let number): return .string(number.literal)
            case .bool(let flag): return .string(flag ? "true" : "false")
            default: break
            }
        case .dateTimeOffset, .date, .timeOfDay, .duration, .guid:
            if let text = value.string, Formats.matches(text, primitive) { return nil }
        }
        return sampleValue(primitive)
    }
}

extension JSONValue {
    /// Strict JSON text, indented by two spaces per level: elisions are left out (an elided value is `null`),
    /// numbers a strict reader would reject are written as numbers it accepts, and strings are escaped.
    public var strictJSON: String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch kind {
        case .object(let members):
            let kept = members.filter { if case .ellipsis = $0.value.kind { false } else { true } }
            guard !kept.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, member) in kept.enumerated() {
                out += pad + quotedJSON(member.key) + ": "
                member.value.write(to: &out, indent: indent + 1)
                out += index == kept.count - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        case .array(let elements):
            let kept = elements.filter { if case .ellipsis = $0.kind { false } else { true } }
            guard !kept.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, element) in kept.enumerated() {
                out += pad
                element.write(to: &out, indent: indent + 1)
                out += index == kept.count - 1 ? "\n" : ",\n"
            }
            out += closing + "]"
        case .string(let text): out += quotedJSON(text)
        case .number(let number): out += Self.strictNumber(number.literal)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null, .ellipsis: out += "null"
        }
    }

    /// `literal` when it is a strict JSON number, otherwise the number it reads as (`+1` → `1`, `.5` → `0.5`,
    /// `01` → `1`), or `0`.
    static func strictNumber(_ literal: String) -> String {
        let bytes = Array(literal.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        var isStrict = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if isStrict, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isStrict = digits() > 0
        }
        if isStrict, index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            isStrict = digits() > 0
        }
        if isStrict, index == bytes.count { return literal }
        guard let number = Double(literal), number.isFinite else { return "0" }
        return number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
    }
}
