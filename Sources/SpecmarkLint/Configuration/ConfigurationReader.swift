import Foundation
import SpecmarkContract
import SpecmarkMarkdown
internal import Yams

/// Reads the YAML into a configuration, with line numbers for every problem.
struct ConfigurationReader {
    let file: String
    let knownRules: [String]

    static let topLevelKeys = [
        "version", "include", "exclude", "fail-on", "max-warnings", "rules", "options", "service-roots", "path-aliases",
        "front-matter", "permissions", "links", "headers", "overrides", "graph-config", "table-headings", "outline",
        "metadata", "metadata-ignore", "rule-documentation",
    ]

    func error(_ message: String, at node: Node?) -> ConfigurationError {
        let mark = node?.mark
        return ConfigurationError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    mutating func read(_ text: String, into configuration: inout SpecmarkConfiguration) throws(ConfigurationError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw yamlError(error)
        } catch {
            throw ConfigurationError(file: file, line: 1, column: 1, message: "not valid YAML")
        }
        guard let root else { return }
        let mapping = try self.mapping(root, "the configuration")
        var graphConfig: (String, Node)?
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "version":
                guard value.string == "1" else { throw error("configuration version must be 1", at: value) }
            case "include": configuration.include = try strings(value, key).map(Glob.init)
            case "exclude": configuration.exclude = try strings(value, key).map(Glob.init)
            case "fail-on":
                let text = try string(value, key)
                guard let failOn = SpecmarkConfiguration.FailOn(rawValue: text) else {
                    throw error("'fail-on' must be error, warning or never, not '\(text)'", at: value)
                }
                configuration.failOn = failOn
            case "max-warnings":
                guard let number = Int(try string(value, key)), number >= 0 else {
                    throw error("'max-warnings' must be a whole number", at: value)
                }
                configuration.maxWarnings = number
            case "rules": configuration.lint.settings = try ruleSettings(value)
            case "options": try readOptions(value, into: &configuration.lint.options)
            case "service-roots": configuration.extraction.serviceRoots = try strings(value, key)
            case "path-aliases":
                var aliases: [PathAlias] = []
                for (alias, replacement) in try self.mapping(value, key) {
                    aliases.append(PathAlias(alias.string ?? "", means: try string(replacement, key)))
                }
                configuration.extraction.pathAliases = aliases
            case "front-matter":
                for (subkey, subvalue) in try self.mapping(value, key) {
                    try expect(subkey, in: ["required"], parent: key)
                    configuration.lint.options.requiredFrontMatter = try strings(subvalue, "front-matter.required")
                }
            case "permissions":
                for (subkey, subvalue) in try self.mapping(value, key) {
                    try expect(subkey, in: ["known", "known-file"], parent: key)
                    if subkey.string == "known" {
                        configuration.lint.options.knownPermissions += try strings(subvalue, "permissions.known")
                    } else {
                        let path = resolve(
                            try string(subvalue, "permissions.known-file"), against: configuration.directory)
                        guard let contents = FileManager.default.contents(atPath: path) else {
                            throw error("permissions file '\(path)' cannot be read", at: subvalue)
                        }
                        configuration.lint.options.knownPermissions += String(decoding: contents, as: UTF8.self)
                            .split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces() }
                            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
                    }
                }
            case "links":
                for (subkey, subvalue) in try self.mapping(value, key) {
                    try expect(subkey, in: ["ignore-prefixes"], parent: key)
                    configuration.lint.options.linkIgnorePrefixes = try strings(subvalue, "links.ignore-prefixes")
                }
            case "headers":
                for (subkey, subvalue) in try self.mapping(value, key) {
                    try expect(subkey, in: ["standard"], parent: key)
                    configuration.lint.options.standardHeaders += try strings(subvalue, "headers.standard")
                }
            case "overrides": configuration.lint.overrides += try overrides(value)
            case "graph-config": graphConfig = (try string(value, key), value)
            case "table-headings": try readTableHeadings(value, into: &configuration.extraction.tableHeadings)
            case "outline": configuration.outline = try outline(value)
            case "metadata": configuration.metadata = try metadataSources(value, directory: configuration.directory)
            case "metadata-ignore": configuration.lint.options.metadataIgnoredTypes += try strings(value, key)
            case "rule-documentation": configuration.ruleDocumentation = try string(value, key)
            default:
                throw unknownKey(keyNode, known: Self.topLevelKeys, parent: nil)
            }
        }
        if let (path, node) = graphConfig {
            let folder = resolve(path, against: configuration.directory)
            do {
                try GraphDocsConfiguration.apply(folder: folder, to: &configuration)
            } catch {
                throw self.error("graph-config: \(error.description)", at: node)
            }
        }
    }

    // MARK: - Sections

    /// `metadata: FILE` for every page, or a map of API version to file; paths relative to the configuration.
    private func metadataSources(_ node: Node, directory: String) throws(ConfigurationError) -> [MetadataSource] {
        if node.scalar != nil {
            return [MetadataSource(path: resolve(try string(node, "metadata"), against: directory))]
        }
        var sources: [MetadataSource] = []
        for (version, path) in try mapping(node, "metadata") {
            guard let name = version.string, !name.isEmpty else {
                throw error("a metadata version needs a name", at: version)
            }
            sources.append(
                MetadataSource(version: name, path: resolve(try string(path, "metadata.\(name)"), against: directory)))
        }
        return sources
    }

    private func ruleSettings(_ node: Node) throws(ConfigurationError) -> [String: LintConfiguration.Setting] {
        var settings: [String: LintConfiguration.Setting] = [:]
        for (keyNode, value) in try mapping(node, "rules") {
            let id = keyNode.string ?? ""
            guard knownRules.contains(id) else {
                var message = "unknown rule '\(id)'"
                if let suggestion = closestMatch(to: id, in: knownRules) {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw error(message, at: keyNode)
            }
            settings[id] = try setting(value, id)
        }
        return settings
    }

    private func setting(_ node: Node, _ id: String) throws(ConfigurationError) -> LintConfiguration.Setting {
        let text = try string(node, id).lowercased()
        switch text {
        case "off", "false", "none": return .off
        case "error": return .on(.error)
        case "warning": return .on(.warning)
        case "note", "info": return .on(.note)
        default: throw error("'\(id)' must be off, note, warning or error, not '\(text)'", at: node)
        }
    }

    private func readOptions(_ node: Node, into options: inout RuleOptions) throws(ConfigurationError) {
        for (keyNode, value) in try mapping(node, "options") {
            try expect(keyNode, in: ["unannotated-examples"], parent: "options")
            let text = try string(value, "options.unannotated-examples")
            guard let mode = RuleOptions.UnannotatedExamples(rawValue: text) else {
                throw error("'unannotated-examples' must be mixed-pages or all, not '\(text)'", at: value)
            }
            options.unannotatedExamples = mode
        }
    }

    private func overrides(_ node: Node) throws(ConfigurationError) -> [LintConfiguration.Override] {
        guard case .sequence(let sequence) = node else { throw error("'overrides' must be a list", at: node) }
        var result: [LintConfiguration.Override] = []
        for item in sequence {
            var override = LintConfiguration.Override(files: [])
            for (keyNode, value) in try mapping(item, "an override") {
                try expect(keyNode, in: ["files", "rules", "treat-errors-as"], parent: "overrides")
                switch keyNode.string {
                case "files": override.files = try strings(value, "overrides.files").map(Glob.init)
                case "rules": override.settings = try ruleSettings(value)
                default:
                    guard case .on(let severity) = try setting(value, "treat-errors-as") else {
                        throw error("'treat-errors-as' must be note or warning", at: value)
                    }
                    override.treatErrorsAs = severity
                }
            }
            guard !override.files.isEmpty else { throw error("an override needs 'files'", at: item) }
            result.append(override)
        }
        return result
    }

    private func readTableHeadings(_ node: Node, into headings: inout TableHeadings) throws(ConfigurationError) {
        let keys = [
            "permissions", "request-headers", "response-headers", "query-parameters", "path-parameters", "request-body",
            "properties", "relationships", "enum-values",
        ]
        for (keyNode, value) in try mapping(node, "table-headings") {
            try expect(keyNode, in: keys, parent: "table-headings")
            let titles = try strings(value, "table-headings.\(keyNode.string ?? "")")
            switch keyNode.string {
            case "permissions": headings.permissions += titles
            case "request-headers": headings.requestHeaders += titles
            case "response-headers": headings.responseHeaders += titles
            case "query-parameters": headings.queryParameters += titles
            case "path-parameters": headings.pathParameters += titles
            case "request-body": headings.requestBody += titles
            case "properties": headings.properties += titles
            case "relationships": headings.relationships += titles
            default: headings.enumValues += titles
            }
        }
    }

    private func outline(_ node: Node) throws(ConfigurationError) -> [PageKind: [OutlineSection]] {
        var result: [PageKind: [OutlineSection]] = [:]
        for (keyNode, value) in try mapping(node, "outline") {
            let name = keyNode.string ?? ""
            guard let kind = PageKind(rawValue: name), kind != .unknown else {
                throw error(
                    "outline key must be a page kind (apiPageType, resourcePageType, enumPageType), not '\(name)'",
                    at: keyNode)
            }
            guard case .sequence(let items) = value else { throw error("'outline.\(name)' must be a list", at: value) }
            var sections: [OutlineSection] = []
            for item in items {
                var section = OutlineSection(title: "", level: 2)
                for (fieldNode, field) in try mapping(item, "an outline section") {
                    try expect(fieldNode, in: ["title", "level", "required", "multiple"], parent: "outline")
                    switch fieldNode.string {
                    case "title": section.title = try string(field, "title")
                    case "level":
                        guard let level = Int(try string(field, "level")), (1...6).contains(level) else {
                            throw error("'level' must be 1 to 6", at: field)
                        }
                        section.level = level
                    case "required": section.isRequired = try bool(field, "required")
                    default: section.allowsMultiple = try bool(field, "multiple")
                    }
                }
                sections.append(section)
            }
            result[kind] = sections
        }
        return result
    }

    // MARK: - Typed values

    private func mapping(_ node: Node, _ what: String) throws(ConfigurationError) -> Node.Mapping {
        if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) { return Node.Mapping([]) }
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping of keys to values", at: node)
        }
        return mapping
    }

    private func string(_ node: Node, _ key: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node else { throw error("'\(key)' must be a single value", at: node) }
        return scalar.string
    }

    private func bool(_ node: Node, _ key: String) throws(ConfigurationError) -> Bool {
        switch try string(node, key).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("'\(key)' must be true or false", at: node)
        }
    }

    /// A list of strings; a single string is a one-element list.
    private func strings(_ node: Node, _ key: String) throws(ConfigurationError) -> [String] {
        switch node {
        case .scalar(let scalar): return ["", "~", "null"].contains(scalar.string) ? [] : [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence { result.append(try string(item, key)) }
            return result
        default: throw error("'\(key)' must be a list of strings", at: node)
        }
    }

    private func expect(_ keyNode: Node, in known: [String], parent: String) throws(ConfigurationError) {
        guard let key = keyNode.string, known.contains(key) else {
            throw unknownKey(keyNode, known: known, parent: parent)
        }
    }

    private func unknownKey(_ keyNode: Node, known: [String], parent: String?) -> ConfigurationError {
        let key = keyNode.string ?? "?"
        var message = parent.map { "unknown key '\(key)' in '\($0)'" } ?? "unknown key '\(key)'"
        if let suggestion = closestMatch(to: key, in: known) { message += "; did you mean '\(suggestion)'?" }
        return error(message, at: keyNode)
    }

    private func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/")
            ? path : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    private func yamlError(_ error: YamlError) -> ConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ConfigurationError(
                file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "key '\(duplicates.sorted().joined(separator: "', '"))' appears more than once")
        default:
            return ConfigurationError(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
