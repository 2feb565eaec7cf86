import OpenAPIKit
import SpecmarkContract

/// What a page says about a value besides its type: whether it is required, nullable or read-only, its
/// description, and the extensions that trace it to its source. Every schema the export builds takes them, since
/// OpenAPIKit keeps `required` on each property's schema (it defaults to true, which no page says).
struct SchemaTraits {
    var required = false
    var nullable = false
    var readOnly = false
    var title: String?
    var description: String?
    var extensions: [String: AnyCodable] = [:]

    static let plain = SchemaTraits()

    /// OData's `TimeOfDay`: hours, minutes, seconds and up to 12 digits of fraction.
    static let timeOfDayPattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,12})?)?$"

    func core<Format: OpenAPIFormat>(
        _ format: Format = .unspecified, nullable: Bool? = nil
    ) -> JSONSchema.CoreContext<Format> {
        JSONSchema.CoreContext(
            format: format, required: required, nullable: nullable ?? self.nullable,
            permissions: readOnly ? .readOnly : nil, title: title, description: description,
            vendorExtensions: extensions)
    }

    /// The schema of an EDM primitive (`DateTimeOffset`: a string in `date-time` format).
    func primitive(_ primitive: TypeReference.Primitive) -> JSONSchema {
        switch primitive {
        case .string: .string(core(), .init())
        case .boolean: .boolean(core())
        case .int16, .int32, .byte, .sbyte: .integer(core(.int32), .init())
        case .int64: .integer(core(.int64), .init())
        case .single: .number(core(.float), .init())
        case .double: .number(core(.double), .init())
        case .decimal: .number(core(.other("decimal")), .init())
        case .dateTimeOffset: .string(core(.dateTime), .init())
        case .date: .string(core(.date), .init())
        // JSON Schema's `time` is RFC 3339's, with an offset; OData's TimeOfDay (`08:00:00.0000000`) has none.
        case .timeOfDay: .string(core(), .init(pattern: Self.timeOfDayPattern))
        case .duration: .string(core(.duration), .init())
        case .guid: .string(core(.uuid), .init())
        case .binary: .string(core(), .init(contentEncoding: .base64))
        case .stream:
            .string(core(), .init(contentMediaType: OpenAPI.ContentType(rawValue: "application/octet-stream")))
        case .untyped: any()
        }
    }

    /// A reference to a component schema; a nullable one is `anyOf` the reference and `null`.
    func reference(_ name: String) -> JSONSchema {
        let target = JSONSchema.reference(.component(named: name), SchemaTraits().core())
        guard nullable else {
            return .reference(.component(named: name), core())
        }
        return .any(of: [target, .null()], core: core(nullable: false))
    }

    /// An array of `items`.
    func array(of items: JSONSchema) -> JSONSchema {
        .array(core(), .init(items: items))
    }

    /// Any value: what the page shows no type for. Null is one already (a nullable fragment would say `type: null`).
    func any() -> JSONSchema { .fragment(core(nullable: false)) }

    /// An object with `properties`; `open` allows others.
    func object(_ properties: OrderedDictionary<String, JSONSchema>, open: Bool = false) -> JSONSchema {
        .object(core(), .init(properties: properties, additionalProperties: open ? .a(true) : nil))
    }

    /// The traits with an extension added.
    func adding(_ key: String, _ value: AnyCodable) -> SchemaTraits {
        var traits = self
        traits.extensions[key] = value
        return traits
    }
}
