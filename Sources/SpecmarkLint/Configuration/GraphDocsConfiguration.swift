import Foundation
import SpecmarkContract

/// Reads what applies from a Graph docs repository's ApiDoctor configuration folder, so a docs repository can
/// adopt Specmark without writing new configuration: table-heading variants, link-validation ignore prefixes,
/// service roots, required front-matter fields, workloads whose errors are warnings, folders and files to
/// skip, standard request headers, the document outline, and the metadata types ApiDoctor's
/// `metadata-validation-configs` ignores and its schema diff drops (`schemaDiffConfig.dropElementsContaining`).
public enum GraphDocsConfiguration {
    /// Why the folder could not be used.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Applies every file of `folder` that is present; a folder with none of them is a problem.
    public static func apply(folder: String, to configuration: inout SpecmarkConfiguration) throws(Problem) {
        var found = 0
        if let tables = try json(folder, "table-header-config.json") {
            found += 1
            applyTableHeadings(tables, to: &configuration.extraction.tableHeadings)
        }
        if let links = try json(folder, "link-validation-config.json") {
            found += 1
            configuration.lint.options.linkIgnorePrefixes += links["pathsToIgnore"] as? [String] ?? []
        }
        if let schema = try json(folder, "schema-config.json"), let settings = schema["schemaConfig"] as? [String: Any]
        {
            found += 1
            let roots = (settings["baseUrls"] as? [String] ?? []).filter { $0.hasPrefix("http") }
            if !roots.isEmpty { configuration.extraction.serviceRoots = roots }
            if let required = settings["requiredYamlHeaders"] as? [String] {
                configuration.lint.options.requiredFrontMatter = required
            }
            for workload in settings["treatErrorsAsWarningsWorkloads"] as? [String] ?? [] {
                configuration.lint.overrides.append(
                    LintConfiguration.Override(
                        files: [Glob("\(workload)-*.md"), Glob("**/\(workload)/**")], treatErrorsAs: .warning))
            }
            for folderName in settings["foldersToSkip"] as? [String] ?? [] {
                configuration.exclude.append(Glob("**/\(folderName)/**"))
            }
            for fileName in settings["filesToSkip"] as? [String] ?? [] {
                configuration.exclude.append(Glob(fileName))
            }
            // The types the repository's own schema diff leaves out are left out of the metadata check too.
            if let diff = schema["schemaDiffConfig"] as? [String: Any] {
                configuration.lint.options.metadataIgnoredTypes += diff["dropElementsContaining"] as? [String] ?? []
            }
        }
        if let design = try json(folder, "oneapi-design-v1.json"),
            let requirements = design["api-requirements"] as? [String: Any],
            let request = requirements["httpRequest"] as? [String: Any]
        {
            found += 1
            configuration.lint.options.standardHeaders += request["standardHeaders"] as? [String] ?? []
        }
        if let outline = try json(folder, "document-outline.json") {
            found += 1
            for (kindName, value) in outline {
                guard let kind = PageKind(rawValue: kindName) else { continue }
                configuration.outline[kind] = outlineSections(value)
            }
        }
        // ApiDoctor reads `metadata-validation-configs` from any JSON file of the folder.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            guard let file = try? json(folder, name),
                let settings = file["metadata-validation-configs"] as? [String: Any]
            else { continue }
            found += 1
            configuration.lint.options.metadataIgnoredTypes += settings["ignorableModels"] as? [String] ?? []
        }
        guard found > 0 else {
            throw Problem(description: "'\(folder)' holds none of the ApiDoctor configuration files")
        }
    }

    private static func json(_ folder: String, _ name: String) throws(Problem) -> [String: Any]? {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any]
        else {
            throw Problem(description: "\(path) is not a JSON object")
        }
        return dictionary
    }

    /// ApiDoctor's table types map onto Specmark's section titles; `{x}` patterns keep their meaning.
    private static func applyTableHeadings(_ config: [String: Any], to headings: inout TableHeadings) {
        guard let definitions = config["tableDefinitions"] as? [String: Any],
            let tables = definitions["tables"] as? [[String: Any]]
        else { return }
        func add(_ titles: [String], to list: inout [String]) {
            for title in titles where !list.contains(where: { $0.lowercased() == title.lowercased() }) {
                list.append(title)
            }
        }
        for table in tables {
            let titles = table["titles"] as? [String] ?? []
            switch table["type"] as? String {
            case "AuthScopes": add(titles, to: &headings.permissions)
            case "EnumerationValues": add(titles, to: &headings.enumValues)
            case "HttpHeaders":
                add(titles.filter { !$0.lowercased().hasPrefix("response") }, to: &headings.requestHeaders)
                add(titles.filter { $0.lowercased().hasPrefix("response") }, to: &headings.responseHeaders)
            case "PathParameters": add(titles, to: &headings.pathParameters)
            case "QueryStringParameters": add(titles, to: &headings.queryParameters)
            case "RequestObjectProperties": add(titles, to: &headings.requestBody)
            case "ResourceNavigationPropertyDescriptions": add(titles, to: &headings.relationships)
            case "ResourcePropertyDescriptions": add(titles, to: &headings.properties)
            default: break
            }
        }
        if let rules = definitions["parsingRules"] as? [[String: Any]] {
            for rule in rules where rule["type"] as? String == "ParameterDefinition" {
                let columns = rule["columns"] as? [String: [String]] ?? [:]
                add(columns["name"] ?? [], to: &headings.nameColumns)
                add(columns["type"] ?? [], to: &headings.typeColumns)
                add(columns["description"] ?? [], to: &headings.descriptionColumns)
            }
        }
    }

    /// `document-outline.json` lists, per page kind, alternatives of required headings; Specmark takes the first
    /// alternative's headings (and their nested ones) in order.
    private static func outlineSections(_ value: Any) -> [OutlineSection] {
        var result: [OutlineSection] = []
        func visit(_ node: Any) {
            if let list = node as? [Any] {
                for item in list { visit(item) }
            } else if let object = node as? [String: Any] {
                if object["condition"] as? String == "OR", let arguments = object["arguments"] as? [[String: Any]] {
                    // Alternatives: any of the headings will do.
                    let titles = arguments.compactMap { $0["title"] as? String }
                    let level = arguments.compactMap { $0["level"] as? Int }.min() ?? 2
                    result.append(
                        OutlineSection(
                            title: titles.joined(separator: "|"), level: level,
                            isRequired: arguments.contains { $0["required"] as? Bool ?? true }, allowsMultiple: true))
                    return
                }
                if let title = object["title"] as? String, let level = object["level"] as? Int {
                    result.append(
                        OutlineSection(
                            title: title, level: level, isRequired: object["required"] as? Bool ?? true,
                            allowsMultiple: object["multiple"] as? Bool ?? false))
                }
                if let arguments = object["arguments"] { visit(arguments) }
                if let headers = object["headers"] as? [Any] { for header in headers { visit(header) } }
            }
        }
        visit(value)
        return result
    }
}
