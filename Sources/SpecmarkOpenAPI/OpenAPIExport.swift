import Foundation
public import Logging
public import OpenAPIKit
public import SpecmarkContract
import Yams

/// What an export includes and how it names things.
public struct OpenAPIExportOptions: Sendable {
    /// The API version whose pages are exported (`v1.0`); pages in no version folder are exported too. Nil exports
    /// every page.
    public var apiVersion: String?
    /// The document's `info.title`.
    public var title: String
    /// Prepended to a page's path to make its `externalDocs` URL (`https://github.com/org/docs/blob/main/`); without
    /// it the URL is the page's relative path.
    public var linkBase: String?
    /// The identity platform that issues the tokens the permissions are scopes of.
    public var authority: String
    /// The server URLs (a relative one, `/v1.0`, is resolved against where the document is served); nil takes the
    /// configured service roots of the version.
    public var servers: [String]?
    /// The doc set's pages whose operations are exported (by index); nil exports every page's. Types come from
    /// the whole doc set either way.
    public var pages: Set<Int>?

    public init(
        apiVersion: String? = nil, title: String = "API reference", linkBase: String? = nil,
        authority: String = "https://login.microsoftonline.com", servers: [String]? = nil, pages: Set<Int>? = nil
    ) {
        self.pages = pages
        self.apiVersion = apiVersion
        self.title = title
        self.linkBase = linkBase
        self.authority = authority
        self.servers = servers
    }
}

/// What an export wrote and what it left out, for the closing summary and for tests.
public struct OpenAPIExportStatistics: Hashable, Sendable, Codable {
    /// Method pages with at least one declared `METHOD /path` line.
    public var methodPages = 0
    /// Declared `METHOD /path` lines read.
    public var declaredPaths = 0
    /// Declared lines whose operation is in the document: exported from their page, or from an earlier page that
    /// declares the same method and path.
    public var exportedDeclaredPaths = 0
    /// Declared lines whose operation an earlier page declares too (counted in `exportedDeclaredPaths`): their page's
    /// examples and prose are not in the document.
    public var duplicateDeclarations = 0
    /// Request examples that call an exported operation (with or without a body).
    public var requestsMatched = 0
    public var paths = 0
    public var operations = 0
    public var schemas = 0
    public var requestExamples = 0
    public var responseExamples = 0
    /// Operations whose page states no response and shows none: their only response is `default`.
    public var operationsWithoutResponses = 0
    /// Operations whose page has a Permissions table.
    public var operationsWithSecurity = 0
    /// Declared lines left out of the document, by reason.
    public var leftOut: [String: Int] = [:]

    /// The share of declared lines exported, 0 to 1.
    public var exportedShare: Double {
        declaredPaths == 0 ? 1 : Double(exportedDeclaredPaths) / Double(declaredPaths)
    }
}

/// A doc set as an OpenAPI 3.1 document: paths and operations from the declared `METHOD /path` lines, parameters
/// from the path, query and header tables, bodies and responses with the documented examples, one schema per
/// resource type (from the metadata, when given, with the docs' descriptions), and OAuth2 security from the
/// Permissions tables. Every operation, schema and property carries `x-specmark-source: "file:line"`.
///
/// What the docs do not say is left out. A declared path OpenAPI cannot express is a diagnostic at its line, and
/// the export goes on.
public struct OpenAPIExport: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case json, yaml
    }

    public var document: OpenAPI.Document
    /// Declared paths that could not be exported, and operations declared twice (notes).
    public var diagnostics: [Diagnostic]
    public var statistics: OpenAPIExportStatistics

    /// Exports `docs`.
    public init(docs: DocSet, options: OpenAPIExportOptions = OpenAPIExportOptions(), logger: Logger) {
        var exporter = OpenAPIExporter(docs: docs, options: options, logger: logger)
        document = exporter.run()
        diagnostics = exporter.diagnostics
        statistics = exporter.statistics
    }

    /// Runs OpenAPIKit's validation (its default checks plus unique operation ids and references found in the
    /// components) and returns what it found, one line per problem; empty when the document is valid.
    public func validationErrors() -> [String] {
        let validator = Validator()
            .validating(.operationIdsAreUnique)
            .validatingAllReferencesFoundInComponents()
        do {
            try document.validate(using: validator, strict: false)
            return []
        } catch let errors as ValidationErrorCollection {
            return errors.values.map { "\($0.codingPathString): \($0.reason)" }
        } catch {
            return ["\(error)"]
        }
    }

    /// The document as JSON (keys sorted, so that two exports diff line by line) or YAML.
    public func encoded(as format: Format) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        case .yaml:
            // The JSON, read back with our parser and written as YAML from explicitly tagged nodes: a string key
            // stays a string (Yams's encoder writes `200:`, which reads back as a number), and a large document
            // skips the encoder's slow path.
            let json = try encoded(as: .json)
            guard let value = JSONParser.parse(json, tolerating: []).value else {
                return try YAMLEncoder().encode(document)
            }
            return try Yams.serialize(node: Self.node(value))
        }
    }

    /// A string scalar, quoted when YAML would read it plain as something else (`200`, `null`, `2026-01-20`): the
    /// emitter writes a scalar in the style it is given, whatever its tag.
    static func string(_ text: String) -> Node {
        let plain = Node(text)
        let style: Node.Scalar.Style = Resolver.default.resolveTag(of: plain) == .str ? .any : .singleQuoted
        return .scalar(Node.Scalar(text, Tag(.str), style))
    }

    /// A JSON value as a YAML node, every scalar tagged with its JSON type.
    static func node(_ value: JSONValue) -> Node {
        switch value.kind {
        case .object(let members):
            return .mapping(Node.Mapping(members.map { (string($0.key), node($0.value)) }))
        case .array(let elements):
            return .sequence(Node.Sequence(elements.map(node)))
        case .string(let text):
            return string(text)
        case .number(let number):
            return Node(number.literal, Tag(number.isInteger ? .int : .float))
        case .bool(let flag):
            return Node(flag ? "true" : "false", Tag(.bool))
        case .null, .ellipsis:
            return Node("null", Tag(.null))
        }
    }

}
