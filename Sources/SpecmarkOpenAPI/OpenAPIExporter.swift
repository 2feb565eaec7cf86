import Foundation
import Logging
import OpenAPIKit
import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// Builds one OpenAPI document from a doc set; `OpenAPIExport` is its public face.
struct OpenAPIExporter {
    let docs: DocSet
    let options: OpenAPIExportOptions
    let logger: Logger
    let conformance: Conformance
    /// The metadata the export takes types and addressable paths from, when the run has one for the version.
    let metadata: ServiceMetadata?
    var diagnostics: [Diagnostic] = []
    var statistics = OpenAPIExportStatistics()

    /// Component schemas, and their keys by lower-cased type name (qualified resource and metadata type names,
    /// enum names as written).
    var schemas: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = [:]
    var schemaKeys: [String: String] = [:]
    /// The permission names of each kind, in the order first seen: the OAuth2 schemes' scopes.
    var scopes: [PermissionKind: [String]] = [:]
    var seenScopes: Set<String> = []
    /// The standard OData query options some operation uses (component parameter keys).
    var usedStandardParameters: Set<String> = []
    var operationIDs: Set<String> = []
    var usesErrorSchema = false
    /// Tags by name, with the resource page each stands for.
    var tags: [String: OpenAPI.Tag] = [:]

    /// One operation to export: the first declared line of a method and path, and the page's further lines of it.
    struct Draft {
        var page: Int
        var declared: DeclaredPath
        var method: OpenAPI.BuiltinHttpMethod
        var template: OpenAPIPathTemplate
        /// The query pairs of every line of the page that declares this operation.
        var query: [(name: String, value: String)]
        /// The page's request examples that call it.
        var requests: [Int] = []
    }

    init(docs: DocSet, options: OpenAPIExportOptions, logger: Logger) {
        self.docs = docs
        self.options = options
        self.logger = logger
        conformance = Conformance(docs: docs)
        metadata = docs.metadata.metadata(forVersion: options.apiVersion) ?? docs.metadata.entries.first?.metadata
    }

    /// Whether the page belongs to the exported version.
    func isExported(_ page: PageContract) -> Bool {
        guard let version = options.apiVersion, let pageVersion = page.apiVersion else { return true }
        return pageVersion == version
    }

    func isExported(file: String) -> Bool {
        guard let index = docs.pageIndex[file] else { return true }
        return isExported(docs.pages[index])
    }

    mutating func run() -> OpenAPI.Document {
        buildSchemas()
        let drafts = collectDrafts()
        var paths: [String: OpenAPI.PathItem] = [:]
        var sourcePages: Set<Int> = []
        for draft in drafts {
            let operation = operation(for: draft)
            paths[draft.template.path, default: OpenAPI.PathItem()].set(
                operation: operation, for: .builtin(draft.method))
            sourcePages.insert(draft.page)
            statistics.operations += 1
        }
        var pathMap: OpenAPI.PathItem.Map = [:]
        for path in paths.keys.sorted() {
            if let item = paths[path] { pathMap[OpenAPI.Path(rawValue: path)] = .b(item) }
        }
        statistics.paths = pathMap.count
        if usesErrorSchema { schemas[OpenAPI.ComponentKey(stringLiteral: Self.errorSchemaKey)] = Self.errorSchema }
        statistics.schemas = schemas.count
        var parameters: OpenAPI.ComponentReferenceDictionary<OpenAPI.Parameter> = [:]
        for option in Self.standardQueryOptions where usedStandardParameters.contains(option.key) {
            parameters[OpenAPI.ComponentKey(stringLiteral: option.key)] = .b(option.parameter)
        }
        let components = OpenAPI.Components(
            schemas: schemas, parameters: parameters, securitySchemes: securitySchemes())
        let roots = docs.configuration.serviceRoots
        let versionRoots = roots.filter { root in options.apiVersion.map { root.hasSuffix("/\($0)") } ?? false }
        let servers = (options.servers ?? (versionRoots.isEmpty ? roots : versionRoots)).compactMap { root in
            URL(string: root).map { OpenAPI.Server(url: $0) }
        }
        diagnostics.sort { ($0.location.file, $0.location.range.start) < ($1.location.file, $1.location.range.start) }
        logger.debug(
            "exported OpenAPI document",
            metadata: [
                "paths": "\(statistics.paths)", "operations": "\(statistics.operations)",
                "schemas": "\(statistics.schemas)",
            ])
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: OpenAPI.Document.Info(title: options.title, version: options.apiVersion ?? "unversioned"),
            servers: servers, paths: pathMap, components: components,
            tags: tags.isEmpty ? nil : tags.keys.sorted().compactMap { tags[$0] },
            vendorExtensions: ["x-specmark-pages": AnyCodable(sourcePages.count)])
    }

    // MARK: - Declared paths

    /// One declared line OpenAPI can express.
    private struct Line {
        var page: Int
        var declared: DeclaredPath
        var method: OpenAPI.BuiltinHttpMethod
        var template: OpenAPIPathTemplate
    }

    /// The operations, in page and declaration order; the declared lines left out become diagnostics.
    ///
    /// A method and path several pages declare is exported from the page about its subject: the one whose file
    /// name starts with the resource the path ends at (`user-update.md` for `PATCH /users/{id}`, over
    /// `intune-devices-user-update.md`), else the first to declare it. The others get a note.
    private mutating func collectDrafts() -> [Draft] {
        var lines: [Line] = []
        /// Placeholder names by path shape: two pages writing `{id}` and `{user-id}` in one place share a path.
        var names: [String: [String]] = [:]
        var pagesWithPaths: [Int] = []
        for pageIndex in docs.pages.indices {
            let page = docs.pages[pageIndex]
            guard isExported(page), options.pages?.contains(pageIndex) ?? true, let method = page.method,
                !method.declaredPaths.isEmpty
            else { continue }
            statistics.methodPages += 1
            pagesWithPaths.append(pageIndex)
            for declared in method.declaredPaths {
                statistics.declaredPaths += 1
                let location = SourceLocation(file: page.file, range: declared.pathRange)
                let verb = declared.method.uppercased()
                guard let builtin = OpenAPI.BuiltinHttpMethod(rawValue: verb), builtin != .query else {
                    leaveOut(
                        .methodUnexportable, OpenAPIExportFinding.methodUnexportable(verb, declared.template.path),
                        at: location, anchor: "\(verb) \(declared.template.path)")
                    continue
                }
                var template: OpenAPIPathTemplate
                switch OpenAPIPathTemplate.make(from: declared.template) {
                case .success(let made): template = made
                case .failure(let problem):
                    leaveOut(
                        .pathUnexportable, OpenAPIExportFinding.pathUnexportable(declared.template.path, problem),
                        at: location, anchor: "\(verb) \(declared.template.path)")
                    continue
                }
                if let earlier = names[template.shape] {
                    template = template.renamed(to: earlier)
                } else {
                    names[template.shape] = template.placeholders.map(\.name)
                }
                lines.append(Line(page: pageIndex, declared: declared, method: builtin, template: template))
                statistics.exportedDeclaredPaths += 1
            }
        }
        // The page each operation is exported from.
        var owners: [String: (page: Int, score: Int, line: Int)] = [:]
        for (index, line) in lines.enumerated() {
            let key = "\(line.method.rawValue) \(line.template.path)"
            let score = Self.subjectScore(of: docs.pages[line.page].file, for: line.template.path)
            if let owner = owners[key], owner.score >= score { continue }
            owners[key] = (line.page, score, index)
        }
        var drafts: [Draft] = []
        var byOperation: [String: Int] = [:]
        var linesByPage: [Int: [Line]] = [:]
        for line in lines { linesByPage[line.page, default: []].append(line) }
        for pageIndex in pagesWithPaths {
            var pageDrafts: [Int] = []
            for line in linesByPage[pageIndex] ?? [] {
                let key = "\(line.method.rawValue) \(line.template.path)"
                guard let owner = owners[key] else { continue }
                if owner.page != pageIndex {
                    let first = lines[owner.line]
                    let file = docs.pages[first.page].file
                    var diagnostic = finding(
                        .operationDuplicate,
                        OpenAPIExportFinding.operationDuplicate(line.method.rawValue, line.template.path, from: file),
                        at: SourceLocation(file: docs.pages[pageIndex].file, range: line.declared.pathRange),
                        anchor: key)
                    diagnostic.notes = [
                        .init("exported from here", at: SourceLocation(file: file, range: first.declared.pathRange))
                    ]
                    diagnostics.append(diagnostic)
                    statistics.duplicateDeclarations += 1
                    continue
                }
                if let existing = byOperation[key] {
                    // A second line of the same page (another query): one operation.
                    for pair in line.template.query
                    where !drafts[existing].query.contains(where: { $0.name == pair.name }) {
                        drafts[existing].query.append(pair)
                    }
                    continue
                }
                byOperation[key] = drafts.count
                pageDrafts.append(drafts.count)
                drafts.append(
                    Draft(
                        page: pageIndex, declared: line.declared, method: line.method, template: line.template,
                        query: line.template.query))
            }
            assignExamples(of: docs.pages[pageIndex], to: pageDrafts, in: &drafts)
        }
        return drafts
    }

    /// How well a page's file name says it is about the path's subject, the resource its last named segment is
    /// (`/users/{user-id}`: `user`): 2 when the name starts with it, 1 when it holds it, else 0.
    static func subjectScore(of file: String, for path: String) -> Int {
        let name = (file.lastPiece(separatedBy: UInt8(ascii: "/")).map(String.init) ?? file).lowercased()
        let segments = path.split(separator: "/").map(String.init).reversed()
        guard
            let subject = segments.first(where: { segment in
                !segment.isEmpty && !segment.contains("{") && !segment.hasPrefix("$") && !segment.contains(":")
                    && !segment.contains("(")
            })
        else { return 0 }
        let word = OpenAPIPathTemplate.singular(subject.split(separator: ".").last.map(String.init) ?? subject)
            .lowercased()
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if stem.split(separator: "-").first.map(String.init) == word { return 2 }
        return stem.replacingOccurrences(of: "-", with: "").contains(word) ? 1 : 0
    }

    /// Gives each request example of the page to the first of its operations it calls: same method, and a path
    /// the declared template matches (directly, or with the path aliases applied to both).
    private mutating func assignExamples(of page: PageContract, to pageDrafts: [Int], in drafts: inout [Draft]) {
        let aliases = docs.configuration.pathAliases
        for (index, request) in page.requests.enumerated() {
            guard let method = request.method?.uppercased(), let url = request.url else { continue }
            let candidates = pageDrafts.filter { drafts[$0].method.rawValue == method }
            let aliased = url.template.applying(aliases: aliases)
            let match =
                candidates.first { drafts[$0].declared.template.matches(url.template) }
                ?? candidates.first { drafts[$0].declared.template.applying(aliases: aliases).matches(aliased) }
            if let match {
                drafts[match].requests.append(index)
                statistics.requestsMatched += 1
            }
        }
    }

    private mutating func leaveOut(
        _ kind: OpenAPIExportFinding, _ message: String, at location: SourceLocation, anchor: String
    ) {
        diagnostics.append(finding(kind, message, at: location, anchor: anchor))
        statistics.leftOut[kind.reason, default: 0] += 1
    }

    private func finding(
        _ kind: OpenAPIExportFinding, _ message: String, at location: SourceLocation, anchor: String
    ) -> Diagnostic {
        Diagnostic(ruleID: kind.rawValue, severity: kind.severity, message: message, location: location, anchor: anchor)
    }

    // MARK: - Shared pieces

    /// `file:line`, the value of every `x-specmark-source`.
    static func source(_ file: String, _ range: SourceRange) -> AnyCodable {
        AnyCodable("\(file):\(range.start.line)")
    }

    /// The page's URL for `externalDocs`: the link base and the page's path, or the path alone.
    func pageURL(_ file: String) -> URL? {
        let encoded = file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
        return URL(string: (options.linkBase ?? "") + encoded)
    }

    /// The page's introduction, or its front matter description.
    static func description(of page: PageContract) -> String? {
        if !page.introduction.isEmpty { return page.introduction.joined(separator: "\n\n") }
        if let text = page.frontMatter?.string("description")?.trimmingSpaces(), !text.isEmpty { return text }
        return nil
    }
}
