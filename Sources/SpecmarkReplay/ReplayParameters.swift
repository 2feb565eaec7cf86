import Foundation
public import SpecmarkContract
import SpecmarkMarkdown
internal import Yams

/// Values for placeholders and ids in example URLs and bodies, captures from earlier responses, and the order
/// examples run in — from a `--params` YAML file:
///
/// ```yaml
/// values:                      # every example
///   id: 6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c      # {id}
///   "6f1c2a3b-…": "real-id"                      # a concrete id written in the docs
/// examples:
///   create_sensordevice:
///     capture: { sensorId: $.id }                # from its response body
///   get_sensordevice:
///     after: [create_sensordevice]
///     values: { id: "${sensorId}" }
/// ```
public struct ReplayParameters: Sendable {
    public var values: [String: String]
    public var examples: [String: Example]

    /// Settings for one example.
    public struct Example: Sendable {
        public var values: [String: String] = [:]
        /// Variable name → JSON path into this example's response body.
        public var capture: [String: String] = [:]
        /// Examples that must run first.
        public var after: [String] = []

        public init(values: [String: String] = [:], capture: [String: String] = [:], after: [String] = []) {
            self.values = values
            self.capture = capture
            self.after = after
        }
    }

    public init(values: [String: String] = [:], examples: [String: Example] = [:]) {
        self.values = values
        self.examples = examples
    }

    /// What is wrong with a parameters file.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads a parameters file.
    public static func load(_ path: String) throws(LoadError) -> ReplayParameters {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot be read")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self), .basic, .default, .utf8)
        } catch {
            throw LoadError(description: "\(path): not valid YAML (\(error))")
        }
        guard let root else { return ReplayParameters() }
        guard case .mapping(let mapping) = root else { throw LoadError(description: "\(path): must be a mapping") }
        var parameters = ReplayParameters()
        for (key, value) in mapping {
            let line = key.mark.map { "\(path):\($0.line)" } ?? path
            switch key.string {
            case "values": parameters.values = try strings(value, at: line)
            case "examples":
                guard case .mapping(let examples) = value else {
                    throw LoadError(description: "\(line): 'examples' must be a mapping")
                }
                for (nameNode, settings) in examples {
                    let name = nameNode.string ?? ""
                    var example = Example()
                    guard case .mapping(let fields) = settings else {
                        throw LoadError(description: "\(line): example '\(name)' must be a mapping")
                    }
                    for (fieldNode, field) in fields {
                        let fieldLine = fieldNode.mark.map { "\(path):\($0.line)" } ?? path
                        switch fieldNode.string {
                        case "values": example.values = try strings(field, at: fieldLine)
                        case "capture": example.capture = try strings(field, at: fieldLine)
                        case "after":
                            switch field {
                            case .scalar(let scalar): example.after = [scalar.string]
                            case .sequence(let items): example.after = items.compactMap(\.string)
                            default:
                                throw LoadError(description: "\(fieldLine): 'after' must be a list of example names")
                            }
                        default:
                            throw LoadError(
                                description:
                                    "\(fieldLine): unknown key '\(fieldNode.string ?? "")' (values, capture, after)")
                        }
                    }
                    parameters.examples[name] = example
                }
            default:
                throw LoadError(description: "\(line): unknown key '\(key.string ?? "")' (values, examples)")
            }
        }
        return parameters
    }

    private static func strings(_ node: Node, at place: String) throws(LoadError) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            throw LoadError(description: "\(place): expected 'name: value' pairs")
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let text = value.string else {
                throw LoadError(description: "\(place): values must be strings")
            }
            result[name] = text
        }
        return result
    }

    // MARK: - Substitution

    /// The values for one example: its own over the global ones, with captured variables filled in.
    func values(for example: String, captured: [String: String]) -> [String: String] {
        var merged = values
        for (key, value) in examples[example]?.values ?? [:] { merged[key] = value }
        return merged.mapValues { Self.expand($0, captured) }
    }

    /// `${name}` replaced with captured values.
    static func expand(_ text: String, _ captured: [String: String]) -> String {
        guard text.contains("${") else { return text }
        var result = text
        for (name, value) in captured { result = result.replacingOccurrences(of: "${\(name)}", with: value) }
        return result
    }

    /// Replaces `{placeholders}` (whole or one of their `|` alternatives) and literal values in `text`; returns
    /// the text and the placeholders left without a value.
    static func substitute(_ text: String, values: [String: String]) -> (text: String, unresolved: [String]) {
        var result = ""
        var unresolved: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{", let close = text[index...].firstIndex(of: "}") {
                let inner = String(text[text.index(after: index)..<close])
                let candidates =
                    [inner, inner.trimmingSpaces()] + inner.split(separator: "|").map { String($0).trimmingSpaces() }
                if let value = candidates.lazy.compactMap({ values[$0] ?? values["{\($0)}"] }).first {
                    result += value
                } else {
                    result += String(text[index...close])
                    unresolved.append(inner.trimmingSpaces())
                }
                index = text.index(after: close)
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        // Literal values written in the docs (a concrete id) replaced by the ones to use.
        for (key, value) in values where !key.hasPrefix("{") && key.count >= 6 && result.contains(key) {
            result = result.replacingOccurrences(of: key, with: value)
        }
        return (result, unresolved)
    }

    /// The value at a simple JSON path (`$.id`, `$.value[0].id`) as text.
    public static func capture(_ path: String, from value: JSONValue) -> String? {
        var current: JSONValue? = value
        var rest = Substring(path)
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        while !rest.isEmpty, let node = current {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                current = node[String(name)]
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
                let position = Int(rest[rest.index(after: rest.startIndex)..<close])
            {
                guard let elements = node.elements, position >= 0, position < elements.count else { return nil }
                current = elements[position]
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        switch current?.kind {
        case .string(let text): return text
        case .number(let number): return number.literal
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}
