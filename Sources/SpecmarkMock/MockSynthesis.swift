import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// Responses made from the service metadata for paths the docs declare but never show an example of: what the
/// path addresses (resolved through entity sets, navigation, keys and bound operations) gives the type, and the
/// type's structural properties give a realistic object. Collections carry `@odata.context`, `@odata.count` on
/// `$count=true`, and page with `@odata.nextLink` on `$top`.
struct MockSynthesis: Sendable {
    let metadata: ServiceMetadata
    /// Path aliases as the metadata resolver takes them (`/me` → `/users/{id}`).
    let aliases: [(from: String, to: String)]

    /// How many entities a synthesized collection holds in all, across its pages.
    static let collectionSize = 5

    /// A synthesized answer: the status, the body (nil for 204) and the type it was made from.
    struct Answer {
        var status: Int
        var body: String?
        var type: String
    }

    /// The answer to `method` on `path` (service root and version removed, percent-decoded) with `query`, or nil
    /// when the metadata does not resolve the path.
    func answer(method: String, path: String, query: [String], base: String) -> Answer? {
        let resolution = metadata.resolve(path, aliases: aliases)
        guard let target = resolution.target else { return nil }
        let key = resolution.segments.last { $0.kind == .key }?.text
        switch method {
        case "DELETE", "PATCH", "PUT":
            return Answer(status: 204, body: nil, type: target.type?.description ?? "")
        case "POST":
            if target.kind == .action || target.kind == .operationImport {
                guard let returned = target.operation?.returnType ?? target.type else {
                    return Answer(status: 204, body: nil, type: target.operation?.name ?? "")
                }
                return Answer(
                    status: 200, body: body(of: returned, key: nil, query: query, path: path, base: base),
                    type: returned.description)
            }
            guard let type = target.type else { return nil }
            return Answer(
                status: 201, body: body(of: type.element, key: nil, query: [], path: path, base: base),
                type: type.element.name)
        case "GET", "HEAD":
            guard let type = target.type else { return nil }
            if target.kind == .count { return Answer(status: 200, body: "\(Self.collectionSize)", type: "Edm.Int32") }
            return Answer(
                status: 200, body: body(of: type, key: key, query: query, path: path, base: base),
                type: type.description)
        default:
            return nil
        }
    }

    private func body(of type: MetadataTypeName, key: String?, query: [String], path: String, base: String) -> String {
        let context = "\(base)/$metadata#\(path.drop { $0 == "/" })"
        guard type.isCollection else {
            var object = value(of: type, name: "", depth: 0, ordinal: 1, key: key)
            if case .object(var members) = object.kind {
                members.insert(member("@odata.context", .string(context)), at: 0)
                object = JSONValue(.object(members), range: Self.nowhere)
            }
            return object.strictJSON
        }
        let options = Dictionary(
            query.map { pair -> (String, String) in
                let name = String(pair.prefix { $0 != "=" }).lowercased()
                return (name, String(pair.drop { $0 != "=" }.dropFirst()))
            }, uniquingKeysWith: { first, _ in first })
        let skip = options["$skip"].flatMap { Int($0) }.map { max(0, $0) } ?? 0
        let top = options["$top"].flatMap { Int($0) }.map { max(0, $0) } ?? Self.collectionSize
        let end = min(Self.collectionSize, skip + top)
        let items = (skip < end ? Array(skip..<end) : []).map { offset in
            value(of: type.element, name: "", depth: 0, ordinal: offset + 1, key: nil)
        }
        var members = [member("@odata.context", .string(context))]
        if options["$count"]?.lowercased() == "true" {
            members.append(
                member("@odata.count", .number(JSONNumber(literal: "\(Self.collectionSize)", isInteger: true))))
        }
        if end < Self.collectionSize {
            let rest = query.filter { !$0.lowercased().hasPrefix("$skip=") } + ["$skip=\(end)"]
            members.append(member("@odata.nextLink", .string("\(base)\(path)?\(rest.joined(separator: "&"))")))
        }
        members.append(member("value", .array(items)))
        return JSONValue(.object(members), range: Self.nowhere).strictJSON
    }

    /// A value of `type` for a property called `name`: the `ordinal`-th entity of a collection, its key `key`
    /// when the path gave one. Complex values nest three levels; navigation properties are left out, as the
    /// service leaves them out without `$expand`.
    private func value(of type: MetadataTypeName, name: String, depth: Int, ordinal: Int, key: String?) -> JSONValue {
        if type.isCollection {
            // Collections of primitives and enums show one item; of complex types, one until the nesting ends.
            guard depth < 3 else { return JSONValue(.array([]), range: Self.nowhere) }
            return JSONValue(
                .array([value(of: type.element, name: name, depth: depth + 1, ordinal: ordinal, key: nil)]),
                range: Self.nowhere)
        }
        if type.isPrimitive {
            return JSONValue(Self.primitive(type.name, name: name, ordinal: ordinal), range: Self.nowhere)
        }
        if let enumeration = metadata.enumType(named: type.name), let first = enumeration.members.first {
            return JSONValue(.string(first.name), range: Self.nowhere)
        }
        if let definition = metadata.typeDefinition(named: type.name) {
            return JSONValue(
                Self.primitive(definition.underlyingType, name: name, ordinal: ordinal), range: Self.nowhere)
        }
        guard let structured = metadata.type(named: type.name), depth < 3 else {
            return JSONValue(.null, range: Self.nowhere)
        }
        var members: [JSONMember] = []
        // A value of an abstract type is one of its derived types, and says which.
        if structured.isAbstract, let concrete = metadata.derivedTypes(of: structured.name).first,
            let derived = metadata.type(named: concrete)
        {
            members.append(member("@odata.type", .string("#\(derived.name)")))
            return object(derived, members: members, depth: depth, ordinal: ordinal, key: key)
        }
        return object(structured, members: members, depth: depth, ordinal: ordinal, key: key)
    }

    private func object(
        _ type: StructuredType, members start: [JSONMember], depth: Int, ordinal: Int, key: String?
    ) -> JSONValue {
        var members = start
        let keys = Set(metadata.inheritanceChain(of: type).flatMap(\.key))
        for property in metadata.allProperties(of: type) where !property.isNavigation {
            if keys.contains(property.name), let key {
                members.append(member(property.name, .string(Self.unquoted(key))))
                continue
            }
            members.append(
                JSONMember(
                    key: property.name, keyRange: Self.nowhere,
                    value: value(of: property.type, name: property.name, depth: depth + 1, ordinal: ordinal, key: nil)))
        }
        return JSONValue(.object(members), range: Self.nowhere)
    }

    /// `'abc'` and `{id}` as the key's value: quotes removed; a placeholder stands for a made-up key.
    private static func unquoted(_ key: String) -> String {
        var text = key
        if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text.hasPrefix("{") ? "00000000-0000-0000-0000-000000000001" : text
    }

    /// A value of an EDM primitive type: strings say what they are (`displayName 1`), keys and GUIDs are GUIDs.
    static func primitive(_ edm: String, name: String, ordinal: Int) -> JSONValue.Kind {
        let number = { (text: String) in
            JSONValue.Kind.number(JSONNumber(literal: text, isInteger: !text.contains(".")))
        }
        switch edm {
        case "Edm.String":
            if name == "id" { return .string(String(format0(ordinal))) }
            return .string(name.isEmpty ? "value \(ordinal)" : "\(name) \(ordinal)")
        case "Edm.Boolean": return .bool(false)
        case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte": return number("\(ordinal)")
        case "Edm.Single", "Edm.Double", "Edm.Decimal": return number("\(ordinal).5")
        case "Edm.DateTimeOffset": return .string("2026-01-0\(min(ordinal, 9))T09:00:00Z")
        case "Edm.Date": return .string("2026-01-0\(min(ordinal, 9))")
        case "Edm.TimeOfDay": return .string("09:00:00")
        case "Edm.Duration": return .string("PT1H")
        case "Edm.Guid": return .string(format0(ordinal))
        case "Edm.Binary", "Edm.Stream": return .string("")
        default: return .null
        }
    }

    /// The `ordinal`-th made-up GUID.
    private static func format0(_ ordinal: Int) -> String {
        let digits = String(ordinal)
        return "00000000-0000-0000-0000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    private func member(_ key: String, _ kind: JSONValue.Kind) -> JSONMember {
        JSONMember(key: key, keyRange: Self.nowhere, value: JSONValue(kind, range: Self.nowhere))
    }

    private static let nowhere = SourceRange(0, 0, 0, 0)
}
