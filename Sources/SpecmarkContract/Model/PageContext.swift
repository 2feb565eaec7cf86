import SpecmarkMarkdown

/// What one page contributes to the checks of other pages, so a run that checks a few pages can take the rest
/// from the context cache instead of parsing them again.
///
/// Other pages' checks read a page only through the doc set's indexes and three doc-set rules: its resources and
/// enums (type lookups, merges, base-type cycles), its headings (link anchors), its request example names
/// (duplicate names) and its permission names (misspellings). `context` keeps exactly that; `dependencies` keeps
/// what `DependentPages` needs to decide whether a changed page reaches this one. A context page is never checked
/// itself: its findings come from a full parse.
public struct PageContext: Hashable, Sendable {
    /// The page reduced to what other pages' checks read.
    public var page: PageContract
    public var dependencies: PageDependencies

    public init(_ page: PageContract) {
        self.page = page.context
        dependencies = PageDependencies(page)
    }

    init(page: PageContract, dependencies: PageDependencies) {
        self.page = page
        self.dependencies = dependencies
    }
}

extension PageContract {
    /// An empty page, of no file: what is left where a page is moved out of a context.
    static var placeholder: PageContract {
        PageContract(
            file: "", kind: .unknown, kindIsInferred: true, apiVersion: nil, title: "", frontMatter: nil,
            pageAnnotation: nil, headings: [], tabMarkers: [], thematicBreaks: [], links: [], includes: [], method: nil,
            resources: [], enums: [], requests: [], responses: [], pairs: [], requestsAnsweredByIgnored: [],
            responsesAnsweringIgnored: [], suppressionDirectives: [], issues: [], lineCount: 0)
    }

    /// The page reduced to what other pages' checks read (see `PageContext`): everything else is empty.
    public var context: PageContract {
        var context = PageContract(
            file: file, kind: kind, kindIsInferred: kindIsInferred, apiVersion: apiVersion, title: title,
            frontMatter: nil, pageAnnotation: nil,
            headings: headings.map { Heading(range: $0.range, level: $0.level, text: $0.text) }, tabMarkers: [],
            thematicBreaks: [], links: [], includes: [],
            method: method.map { MethodContract.context(permissions: $0.permissions.allNames) },
            resources: resources.map { resource in
                var resource = resource
                resource.jsonExample = nil
                return resource
            },
            enums: enums,
            requests: requests.compactMap { request in
                guard let annotation = request.annotation else { return nil }
                return RequestExample(
                    names: request.names, annotation: annotation, origin: request.origin,
                    hasUnreadableAnnotation: request.hasUnreadableAnnotation, range: request.range, language: "",
                    message: HTTPRequestMessage(
                        requestLine: nil, additionalRequestLines: [], headers: HTTPHeaders(), body: nil, issues: []),
                    url: nil, json: nil, heading: "")
            },
            responses: [], pairs: [], requestsAnsweredByIgnored: [], responsesAnsweringIgnored: [],
            suppressionDirectives: [], issues: [], lineCount: lineCount)
        context.exampleShapes = exampleShapes
        return context
    }
}

extension MethodContract {
    /// A method reduced to its permission names, in one table row (all `PermissionNameUnknownRule` reads).
    static func context(permissions names: [PermissionName]) -> MethodContract {
        let nowhere = SourceRange(0, 0, 0, 0)
        let row = PermissionRow(
            label: "", labelRange: nowhere, kind: nil, labelIsExact: false, permissions: names,
            notSupportedSpelling: nil, valueRange: nil, range: nowhere, cellCountDelta: 0)
        return MethodContract(
            httpRequestRange: nil, declaredPaths: [],
            permissions: PermissionSet(
                sectionRange: nil,
                tables: names.isEmpty ? [] : [PermissionTable(range: nowhere, heading: "", columnCount: 0, rows: [row])]
            ),
            parameterTables: [], response: nil)
    }
}
