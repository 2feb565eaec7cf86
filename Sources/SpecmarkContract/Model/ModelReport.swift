import SpecmarkMarkdown

/// The documented, stable JSON shape `specmark model --format json` prints (schema version 1).
public struct ModelReport: Codable, Hashable, Sendable {
    public var schemaVersion = 1
    public var tool: String
    public var pages: [Page]
    public var resources: [Resource]
    public var enums: [Enumeration]
    public var diagnostics: [DiagnosticEntry]
    /// What the service metadata holds and how much of it the docs cover (with `--metadata` only).
    public var metadata: [MetadataCoverage]?

    public struct Position: Codable, Hashable, Sendable {
        public var line: Int
        public var column: Int

        init(_ position: SourcePosition) {
            line = position.line
            column = position.column
        }
    }

    public struct Page: Codable, Hashable, Sendable {
        public var file: String
        public var kind: String
        public var kindInferred: Bool
        public var apiVersion: String?
        public var title: String
        public var method: Method?
        public var requests: [Request]
        public var responses: [Response]
        public var resources: [String]
        public var enums: [String]
    }

    public struct Method: Codable, Hashable, Sendable {
        public var declaredPaths: [DeclaredPathEntry]
        public var permissions: [PermissionEntry]
        public var tables: [Table]
        public var response: ResponseEntry?
    }

    public struct DeclaredPathEntry: Codable, Hashable, Sendable {
        public var method: String
        public var path: String
        public var query: String?
        public var at: Position
    }

    public struct PermissionEntry: Codable, Hashable, Sendable {
        public var label: String
        /// `delegatedWork`, `delegatedPersonal`, `application`, or nil when the label is not recognised.
        public var kind: String?
        public var labelExact: Bool
        public var permissions: [String]
        public var notSupported: String?
        /// The workload sub-rows (`Device management: DeviceManagementApps.Read.All`), when the row has any; their
        /// permissions are in `permissions` too.
        public var scopes: [ScopeEntry]?
        public var at: Position
    }

    public struct ScopeEntry: Codable, Hashable, Sendable {
        public var name: String
        public var permissions: [String]
        public var at: Position
    }

    public struct Table: Codable, Hashable, Sendable {
        public var kind: String
        public var heading: String
        public var at: Position
        public var parameters: [ParameterEntry]
    }

    public struct ParameterEntry: Codable, Hashable, Sendable {
        public var name: String
        public var type: String?
        public var required: Bool?
        public var at: Position
    }

    public struct ResponseEntry: Codable, Hashable, Sendable {
        public var statuses: [Status]
        public var linkedTypes: [String]
        public var at: Position
    }

    public struct Status: Codable, Hashable, Sendable {
        public var code: Int
        public var reason: String
        public var at: Position
    }

    public struct Request: Codable, Hashable, Sendable {
        public var names: [String]
        public var origin: String
        public var method: String?
        public var target: String?
        public var path: String?
        public var hasBody: Bool
        public var bodyIsJSON: Bool?
        /// The index of the paired response in `responses`, or nil.
        public var response: Int?
        public var at: Position
    }

    public struct Response: Codable, Hashable, Sendable {
        public var names: [String]
        public var origin: String
        public var status: Int?
        public var odataType: String?
        public var truncated: Bool
        public var hasBody: Bool
        public var at: Position
    }

    public struct Resource: Codable, Hashable, Sendable {
        public var name: String
        public var file: String
        public var at: Position
        public var baseType: String?
        public var keyProperty: String?
        public var openType: Bool
        public var properties: [Property]
    }

    public struct Property: Codable, Hashable, Sendable {
        public var name: String
        public var type: String
        public var navigation: Bool
        public var nullable: Bool
        public var at: Position
    }

    public struct Enumeration: Codable, Hashable, Sendable {
        public var name: String
        public var file: String
        public var members: [String]
        public var at: Position
    }

    public struct DiagnosticEntry: Codable, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var severity: String
        public var rule: String
        public var message: String
    }

    /// Builds the report for a doc set; `severity` gives the severity each issue is reported at (the rule its kind
    /// names decides), nil leaving it out.
    public init(_ docs: DocSet, severity: (ExtractionIssue) -> Severity?) {
        tool = "specmark \(SpecmarkVersion.current)"
        pages = docs.pages.map(Self.page)
        metadata =
            docs.metadata.isEmpty
            ? nil : docs.metadata.entries.map { MetadataCoverage($0.metadata, version: $0.version, docs: docs) }
        resources = docs.resources.map { resource in
            Resource(
                name: resource.name, file: resource.file, at: Position(resource.annotation.range.start),
                baseType: resource.baseType, keyProperty: resource.keyProperty, openType: resource.isOpenType,
                properties: (resource.properties + resource.relationships).map { property in
                    Property(
                        name: property.name, type: property.type.description, navigation: property.isNavigation,
                        nullable: property.isNullable, at: Position(property.range.start))
                })
        }
        enums = docs.pages.flatMap(\.enums).map { definition in
            Enumeration(
                name: definition.name, file: definition.file, members: definition.members.map(\.name),
                at: Position(definition.range.start))
        }
        let reported = docs.allIssues.compactMap { issue in severity(issue).map { issue.diagnostic(severity: $0) } }
        diagnostics = reported.sorted(by: Diagnostic.sourceOrder).map { diagnostic in
            DiagnosticEntry(
                file: diagnostic.location.file, line: diagnostic.location.range.start.line,
                column: diagnostic.location.range.start.column, severity: diagnostic.severity.rawValue,
                rule: diagnostic.ruleID, message: diagnostic.message)
        }
    }

    private static func page(_ page: PageContract) -> Page {
        let method = page.method.map { method in
            Method(
                declaredPaths: method.declaredPaths.map {
                    DeclaredPathEntry(
                        method: $0.method, path: $0.template.path, query: $0.template.query,
                        at: Position($0.range.start))
                },
                permissions: method.permissions.tables.flatMap(\.rows).map { row in
                    PermissionEntry(
                        label: row.label, kind: row.kind.map(Self.kindName), labelExact: row.labelIsExact,
                        permissions: row.permissions.map(\.name), notSupported: row.notSupportedSpelling,
                        scopes: row.scopes.isEmpty
                            ? nil
                            : row.scopes.map {
                                ScopeEntry(
                                    name: $0.name, permissions: $0.permissions.map(\.name), at: Position($0.range.start)
                                )
                            },
                        at: Position(row.range.start))
                },
                tables: method.parameterTables.map { table in
                    Table(
                        kind: table.kind.rawValue, heading: table.heading, at: Position(table.range.start),
                        parameters: table.parameters.map {
                            ParameterEntry(
                                name: $0.name, type: $0.type?.description, required: $0.isRequired,
                                at: Position($0.range.start))
                        })
                },
                response: method.response.map { response in
                    ResponseEntry(
                        statuses: response.statuses.map {
                            Status(code: $0.code, reason: $0.reason, at: Position($0.range.start))
                        },
                        linkedTypes: response.linkedTypes.map(\.text), at: Position(response.range.start))
                })
        }
        return Page(
            file: page.file, kind: page.kind.rawValue, kindInferred: page.kindIsInferred, apiVersion: page.apiVersion,
            title: page.title, method: method,
            requests: page.requests.enumerated().map { index, request in
                Request(
                    names: request.names, origin: request.origin.rawValue, method: request.method,
                    target: request.message.requestLine?.target, path: request.url?.template.path,
                    hasBody: request.message.body != nil, bodyIsJSON: request.json.map { $0.error == nil },
                    response: page.pairs.first { $0.request == index && $0.pairedBy != .alternative }?.response,
                    at: Position(request.range.start))
            },
            responses: page.responses.map { response in
                Response(
                    names: response.names, origin: response.origin.rawValue, status: response.status,
                    odataType: response.annotation?.odataType, truncated: response.annotation?.truncated ?? false,
                    hasBody: response.message.body != nil, at: Position(response.range.start))
            },
            resources: page.resources.map(\.name), enums: page.enums.map(\.name))
    }

    private static func kindName(_ kind: PermissionKind) -> String {
        switch kind {
        case .delegatedWork: "delegatedWork"
        case .delegatedPersonal: "delegatedPersonal"
        case .application: "application"
        }
    }
}

extension ModelReport {
    /// A readable summary: one block per page, then resources and diagnostics.
    public var text: String {
        var output = ""
        for page in pages {
            output += "\(page.file) [\(page.kind)\(page.kindInferred ? ", inferred" : "")] \(page.title)\n"
            if let method = page.method {
                for path in method.declaredPaths {
                    output +=
                        "  declares \(path.method) \(path.path)\(path.query.map { "?" + $0 } ?? "")  @\(path.at.line)\n"
                }
                for permission in method.permissions {
                    let names = permission.notSupported ?? permission.permissions.joined(separator: ", ")
                    output +=
                        "  permission \(permission.kind ?? "?") (\(permission.label)): \(names)  @\(permission.at.line)\n"
                    for scope in permission.scopes ?? [] {
                        output +=
                            "    scope \(scope.name): \(scope.permissions.joined(separator: ", "))  @\(scope.at.line)\n"
                    }
                }
                for table in method.tables {
                    output +=
                        "  table \(table.kind) '\(table.heading)': \(table.parameters.map(\.name).joined(separator: ", "))  @\(table.at.line)\n"
                }
                if let response = method.response {
                    let statuses = response.statuses.map { "\($0.code)\($0.reason.isEmpty ? "" : " " + $0.reason)" }
                    output +=
                        "  response states \(statuses.joined(separator: ", "))\(response.linkedTypes.isEmpty ? "" : " of " + response.linkedTypes.joined(separator: ", "))  @\(response.at.line)\n"
                }
            }
            for request in page.requests {
                let name = request.names.first ?? "(unnamed)"
                let paired = request.response.map { "→ response #\($0 + 1)" } ?? "→ no response"
                output +=
                    "  request \(name) [\(request.origin)] \(request.method ?? "?") \(request.path ?? request.target ?? "?") \(paired)  @\(request.at.line)\n"
            }
            for (index, response) in page.responses.enumerated() {
                output +=
                    "  response #\(index + 1) [\(response.origin)] \(response.status.map(String.init) ?? "?")\(response.odataType.map { " " + $0 } ?? "")\(response.truncated ? " truncated" : "")  @\(response.at.line)\n"
            }
            for resource in page.resources { output += "  defines \(resource)\n" }
            for definition in page.enums { output += "  defines enum \(definition)\n" }
        }
        if !resources.isEmpty { output += "\nResources\n" }
        for resource in resources {
            output +=
                "  \(resource.name)\(resource.baseType.map { " : " + $0 } ?? "") (\(resource.properties.count) properties) \(resource.file):\(resource.at.line)\n"
            for property in resource.properties {
                output +=
                    "    \(property.name): \(property.type)\(property.navigation ? " (navigation)" : "")\(property.nullable ? " (nullable)" : "")\n"
            }
        }
        if !diagnostics.isEmpty { output += "\nDiagnostics\n" }
        for diagnostic in diagnostics {
            output +=
                "  \(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.rule)]\n"
        }
        for coverage in metadata ?? [] { output += "\n" + coverage.text }
        return output
    }
}
