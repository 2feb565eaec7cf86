import OpenAPIKit
import SpecmarkContract

extension JSONValue {
    /// The value as an example: strict JSON values, with the docs' ellipses (`...` for elided items or values)
    /// left out, integers as integers and other numbers as doubles. A repeated key keeps its last value.
    var exampleValue: AnyCodable {
        switch kind {
        case .object(let members):
            var object: [String: AnyCodable] = [:]
            for member in members where member.value.kind != .ellipsis {
                object[member.key] = member.value.exampleValue
            }
            return AnyCodable(object)
        case .array(let elements):
            return AnyCodable(elements.filter { $0.kind != .ellipsis }.map(\.exampleValue))
        case .string(let text):
            return AnyCodable(text)
        case .number(let number):
            if number.isInteger, let integer = Int(number.literal) { return AnyCodable(integer) }
            return AnyCodable(number.doubleValue.isFinite ? number.doubleValue : 0)
        case .bool(let value):
            return AnyCodable(value)
        case .null, .ellipsis:
            return AnyCodable(nil as String?)
        }
    }
}
