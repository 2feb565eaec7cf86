import SpecmarkMarkdown

extension TypeReference {
    /// The type a resource's JSON representation shows for a property: `"Boolean"`, `"String (timestamp)"`,
    /// `true`, `3`, `["String"]`, `{ "@odata.type": "microsoft.graph.identitySet" }`; nil where the value shows
    /// no type (`null`, an empty array, an object without `@odata.type`, an elision).
    public static func written(by value: JSONValue) -> TypeReference? {
        switch value.kind {
        case .bool:
            return TypeReference(raw: "true", primitive: .boolean, typeName: nil, isCollection: false, link: nil)
        case .number(let number):
            let primitive: Primitive = number.isInteger ? .int64 : .double
            return TypeReference(
                raw: number.literal, primitive: primitive, typeName: nil, isCollection: false, link: nil)
        case .string(let text):
            let string = TypeReference(raw: text, primitive: .string, typeName: nil, isCollection: false, link: nil)
            // `"String (timestamp)"` is the convention for every date and time type.
            if text.lowercased().containsBytes("timestamp") { return string }
            // A list of the values it takes (`"boolean | currency | number"`) names no type.
            if text.containsBytes("|") { return nil }
            let type = parse(text)
            if let name = type.typeName {
                // A qualified type name (`microsoft.graph.identitySet`) names a type; a lone word (`"active"`,
                // `"contoso"`) or a dotted literal (`"4.2"`, `"contoso.com"`) is a value, not a type.
                return Self.isQualifiedTypeName(name) ? type : nil
            }
            // A literal (`"2021-01-01"`, `"en-US"`): a string.
            return type.isUnknown ? string : type
        case .array(let elements):
            guard let first = elements.first, var element = written(by: first), !element.isCollection else {
                return nil
            }
            element.isCollection = true
            return element
        case .object:
            guard let name = value.member("@odata.type")?.value.string, !name.isEmpty else { return nil }
            // `{ "@odata.type": "Collection(microsoft.graph.x)" }` shows a collection.
            return parse(name.hasPrefix("#") ? String(name.dropFirst()) : name)
        case .null, .ellipsis:
            return nil
        }
    }

    /// Whether a value the JSON representation shows as `written` may be a value of this declared type: String
    /// stands for every string-valued type and they for it, numbers for each other, a named type for a named
    /// type or a String (an enum's members are strings); a collection only for a collection.
    public func admits(written: TypeReference) -> Bool {
        guard isCollection == written.isCollection else { return false }
        guard let declared = primitive else {
            // A named type: an enum or string-valued alias shown as "String", or an object shown by its type.
            return written.primitive == nil || written.primitive == .string
        }
        guard let shown = written.primitive else { return declared == .untyped || declared == .string }
        if shown == declared || declared == .untyped { return true }
        let stringValued: Set<Primitive> = [
            .string, .dateTimeOffset, .date, .timeOfDay, .duration, .guid, .binary, .stream,
        ]
        if (shown == .string || declared == .string) && stringValued.contains(declared) && stringValued.contains(shown)
        {
            return true
        }
        return shown.isNumeric && declared.isNumeric
    }

    /// `microsoft.graph.identitySet`, `graph.riskLevel`: dot-separated identifiers in the `microsoft` namespaces
    /// or their `graph` alias, so that a host name (`contoso.example.com`) is not taken for a type.
    static func isQualifiedTypeName(_ name: String) -> Bool {
        let pieces = name.splitBytes(UInt8(ascii: "."))
        guard let namespace = pieces.first?.lowercased(), namespace == "microsoft" || namespace == "graph" else {
            return false
        }
        return pieces.count >= 2
            && pieces.allSatisfy { piece in
                guard let first = piece.utf8.first else { return false }
                return first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")
            }
    }
}
