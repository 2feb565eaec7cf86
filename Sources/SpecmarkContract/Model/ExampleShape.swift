import SpecmarkMarkdown

/// What kind of JSON value a response example gives one property of a type: the evidence, kept in the context
/// cache, that says whether a resource's table or its JSON representation is likelier wrong when they disagree.
public struct ExampleShape: Hashable, Sendable {
    /// The JSON kinds a value can have (nulls are no evidence and are not kept).
    public enum Kind: String, Hashable, Sendable {
        case string, number, boolean, array, object
    }

    /// The annotated type, normalised and lower-cased (`microsoft.graph.presence`).
    public var type: String
    public var property: String
    public var kind: Kind

    public init(type: String, property: String, kind: Kind) {
        self.type = type
        self.property = property
        self.kind = kind
    }

    /// One shape per property of each instance a successful, typed response example shows.
    static func shapes(of responses: [ResponseExample]) -> [ExampleShape] {
        var shapes: [ExampleShape] = []
        for response in responses {
            guard let annotation = response.annotation, let name = annotation.odataType, !name.isEmpty,
                (response.status ?? 200) < 400, let body = response.json?.value
            else { continue }
            let type = DocSet.normalizedTypeName(name).lowercased()
            let instances = annotation.describesCollection ? body["value"]?.elements ?? [] : [body]
            for instance in instances {
                for member in instance.members ?? [] where !Conformance.isAnnotationKey(member.key) {
                    guard let kind = Kind(member.value) else { continue }
                    shapes.append(ExampleShape(type: type, property: member.key, kind: kind))
                }
            }
        }
        return shapes
    }
}

extension ExampleShape.Kind {
    init?(_ value: JSONValue) {
        switch value.kind {
        case .string: self = .string
        case .number: self = .number
        case .bool: self = .boolean
        case .array: self = .array
        case .object: self = .object
        case .null, .ellipsis: return nil
        }
    }
}

extension TypeReference {
    /// Whether a value of `kind` can be a value of this type (an enum's values are strings, any other named type's
    /// objects).
    public func accepts(_ kind: ExampleShape.Kind, docs: DocSet) -> Bool {
        if isCollection { return kind == .array }
        if let primitive {
            switch primitive {
            case .untyped: return true
            case .boolean: return kind == .boolean
            default: return primitive.isNumeric ? kind == .number : kind == .string
            }
        }
        if let name = typeName, docs.enumeration(named: name) != nil { return kind == .string }
        return kind == .object
    }
}
