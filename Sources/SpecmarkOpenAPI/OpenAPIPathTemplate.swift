import Foundation
import SpecmarkContract
import SpecmarkMarkdown

/// A declared path as an OpenAPI path template: every placeholder named so that OpenAPI can define it
/// (`/users/{id | userPrincipalName}/messages/{id}` becomes `/users/{user-id}/messages/{message-id}`).
///
/// A placeholder is named after what it stands for: a function or alternate-key argument after its parameter
/// (`getSchedule(period='{period}')`), a key after the collection before it (`users/{id}`, `users('{id}')`: `user-id`),
/// anything else after the name the page wrote, made safe (`root:/{item-path}:`: `item-path`). Names are unique
/// within a path.
struct OpenAPIPathTemplate: Sendable {
    /// One placeholder of the path.
    struct Placeholder: Sendable {
        /// The OpenAPI parameter name.
        var name: String
        /// The text between the braces as the page wrote it (`id | userPrincipalName`).
        var written: String
        /// The function or key parameter it is the argument of, when it is one (`period`).
        var argument: String?
    }

    /// The OpenAPI path (`/users/{user-id}/messages`).
    var path: String
    var placeholders: [Placeholder]
    /// The path with every placeholder as `{}`: two paths of one shape are the same path to OpenAPI.
    var shape: String
    /// The `name=value` pairs of the declared line's query, in order (`$filter={expression}` gives `$filter`).
    var query: [(name: String, value: String)]

    /// Why a declared path cannot be an OpenAPI path.
    enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// `childFolders/{id}/.../messages`: the docs' shorthand for segments repeated any number of times.
        case repetition
        /// A `{` without its `}`, or a `}` without its `{`.
        case unbalancedBrace
        /// A character a URL path cannot hold as written (a space, a quote, `#`).
        case character(String)
        /// `//`: an empty segment.
        case emptySegment

        var description: String {
            switch self {
            case .repetition: "its `...` stands for segments repeated any number of times, which OpenAPI cannot say"
            case .unbalancedBrace: "its placeholder braces do not pair up"
            case .character(let text): "it holds \(text), which a URL path cannot hold as written"
            case .emptySegment: "it has an empty segment (`//`)"
            }
        }
    }

    /// Converts a declared template.
    static func make(from template: PathTemplate) -> Result<OpenAPIPathTemplate, Problem> {
        let path = template.path
        var segments = splitSegments(path)
        if segments.first == "" { segments.removeFirst() }
        if segments.contains("...") || segments.contains("..") || segments.contains("…") {
            return .failure(.repetition)
        }
        if segments.count > 1, segments.contains("") { return .failure(.emptySegment) }
        var output: [String] = []
        var shape: [String] = []
        var placeholders: [Placeholder] = []
        var used: Set<String> = []
        for (index, segment) in segments.enumerated() {
            var text = ""
            var shapeText = ""
            var characters = segment[...]
            var parentheses = 0
            while let character = characters.first {
                let closing: Character? = character == "{" ? "}" : character == "<" ? ">" : nil
                if let closing {
                    guard let end = characters.firstIndex(of: closing) else { return .failure(.unbalancedBrace) }
                    let written = String(characters[characters.index(after: characters.startIndex)..<end])
                    if written.contains("{") || written.contains("<") { return .failure(.unbalancedBrace) }
                    let argument = argumentName(before: text)
                    var name =
                        argument
                        ?? keyName(
                            before: text, after: characters[characters.index(after: end)...],
                            previous: index > 0 ? segments[index - 1] : nil)
                        ?? safeName(written)
                    name = unique(name, in: &used)
                    placeholders.append(Placeholder(name: name, written: written, argument: argument))
                    text += "{\(name)}"
                    shapeText += "{}"
                    characters = characters[characters.index(after: end)...]
                    continue
                }
                if character == "}" { return .failure(.unbalancedBrace) }
                if character == "(" { parentheses += 1 }
                if character == ")" { parentheses = max(0, parentheses - 1) }
                if character == " " || character == "\t" {
                    // `resizedRange(deltaRows={n}, deltaColumns={n})`: a space between arguments is layout.
                    guard parentheses > 0 else { return .failure(.character("a space")) }
                    characters = characters.dropFirst()
                    continue
                }
                if character == "\"" { return .failure(.character("a double quote")) }
                if character == "#" { return .failure(.character("`#`")) }
                text.append(character)
                shapeText.append(character)
                characters = characters.dropFirst()
            }
            output.append(text)
            shape.append(shapeText)
        }
        let query = (template.query ?? "").split(separator: "&").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmingSpaces()
            guard !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? String(parts[1]) : "")
        }
        return .success(
            OpenAPIPathTemplate(
                path: "/" + output.joined(separator: "/"), placeholders: placeholders,
                shape: "/" + shape.joined(separator: "/"), query: query))
    }

    /// This template with its placeholders renamed, in order, to `names` (an earlier path of the same shape's).
    func renamed(to names: [String]) -> OpenAPIPathTemplate {
        guard names.count == placeholders.count else { return self }
        var result = self
        var path = ""
        var remaining = self.path[...]
        for (index, placeholder) in placeholders.enumerated() {
            guard let range = remaining.range(of: "{\(placeholder.name)}") else { return self }
            path += remaining[..<range.lowerBound] + "{\(names[index])}"
            remaining = remaining[range.upperBound...]
            result.placeholders[index].name = names[index]
        }
        result.path = path + remaining
        return result
    }

    /// Splits on `/` outside placeholders and quotes.
    private static func splitSegments(_ path: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var depth = 0
        var inQuote = false
        for character in path {
            switch character {
            case "{": depth += 1
            case "}": depth = max(0, depth - 1)
            case "'": if depth == 0 { inQuote.toggle() }
            case "/" where depth == 0 && !inQuote:
                segments.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        segments.append(current)
        return segments
    }

    /// `period` for a placeholder after `getReport(period='` or `(userPrincipalName=`.
    private static func argumentName(before text: String) -> String? {
        var head = text[...]
        if head.hasSuffix("'") { head = head.dropLast() }
        guard head.hasSuffix("=") else { return nil }
        head = head.dropLast()
        let name = head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name.reversed())
    }

    /// `user-id` for a key: a whole segment after `users`, or the argument of `users(` / `users('`.
    private static func keyName(before text: String, after rest: Substring, previous: String?) -> String? {
        var head = text[...]
        if head.hasSuffix("'") { head = head.dropLast() }
        if head.hasSuffix("(") {
            let collection = String(head.dropLast())
            return isName(collection) ? singular(collection) + "-id" : nil
        }
        guard text.isEmpty, rest.isEmpty, let previous, isName(previous) else { return nil }
        let last = previous.split(separator: ".").last.map(String.init) ?? previous
        return singular(last) + "-id"
    }

    /// A plain segment name: letters, digits, `_` and `.` (a type cast), not a key or an operator.
    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.first?.isLetter == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// `users` → `user`, `policies` → `policy`, `addresses` → `address`; other words stay.
    static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("ies"), word.count > 3 { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "xes", "ches", "shes", "zzes"] where lower.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is"), word.count > 1
        {
            return String(word.dropLast())
        }
        return word
    }

    /// The first alternative of what the page wrote (`id | userPrincipalName` → `id`), with anything but letters,
    /// digits, `_`, `.` and `-` made `-`.
    private static func safeName(_ written: String) -> String {
        let first = written.split(separator: "|").first.map { String($0).trimmingSpaces() } ?? ""
        var name = ""
        for character in first {
            if character.isLetter || character.isNumber || character == "_" || character == "." || character == "-" {
                name.append(character)
            } else if !name.hasSuffix("-") {
                name.append("-")
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        while name.hasPrefix("-") { name.removeFirst() }
        return name.isEmpty ? "parameter" : name
    }

    private static func unique(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var ordinal = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(name)-\(ordinal)"
            ordinal += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
