import Foundation
import OpenAPIKit
import SpecmarkContract
import SpecmarkMarkdown

extension OpenAPIExporter {
    /// The security scheme of each permission type: OAuth2 with the authorization code flow for the delegated
    /// types (work or school accounts, personal accounts) and client credentials for application permissions.
    static func schemeName(_ kind: PermissionKind) -> String {
        switch kind {
        case .delegatedWork: "delegatedWork"
        case .delegatedPersonal: "delegatedPersonal"
        case .application: "application"
        }
    }

    /// An operation's security from its Permissions table: any one listed permission of any supported type
    /// grants the call, so each permission is a requirement of its own, and permissions the cell joins with "and"
    /// are one requirement with all of them; and the extension that keeps what OpenAPI cannot (each type's
    /// permissions from least to most privileged, and the types not supported).
    ///
    /// Nil when the page has no Permissions table (the docs do not say), and when its permissions depend on what
    /// OpenAPI cannot tell apart: several tables (one per resource the path addresses, or "acting on self" and
    /// "acting on other users") or a table with more columns than a type and its permissions. Those keep every
    /// table, by heading, in the extension only.
    mutating func security(of page: PageContract) -> ([OpenAPI.SecurityRequirement]?, [String: AnyCodable]) {
        guard let permissions = page.method?.permissions, !permissions.tables.isEmpty else { return (nil, [:]) }
        var tables: [(heading: String, byKind: [PermissionKind: [[String]]], unsupported: [PermissionKind])] = []
        for table in permissions.tables {
            var byKind: [PermissionKind: [[String]]] = [:]
            var unsupported: [PermissionKind] = []
            for row in table.rows {
                guard let kind = row.kind else { continue }
                if row.notSupportedSpelling != nil, row.permissions.isEmpty {
                    if !unsupported.contains(kind) { unsupported.append(kind) }
                    continue
                }
                var groups = byKind[kind] ?? []
                for permission in row.permissions {
                    let name = permission.name.trimmingSpaces()
                    guard !name.isEmpty else { continue }
                    if seenScopes.insert("\(kind.rawValue)\u{0}\(name)").inserted {
                        scopes[kind, default: []].append(name)
                    }
                    if permission.requiresPrevious, !groups.isEmpty {
                        if !groups[groups.count - 1].contains(name) { groups[groups.count - 1].append(name) }
                    } else if !groups.contains([name]) {
                        groups.append([name])
                    }
                }
                byKind[kind] = groups
            }
            tables.append((table.heading, byKind, unsupported))
        }
        func summary(
            _ table: (heading: String, byKind: [PermissionKind: [[String]]], unsupported: [PermissionKind])
        )
            -> [String: AnyCodable]
        {
            var result: [String: AnyCodable] = [:]
            for kind in PermissionKind.allCases {
                let scheme = Self.schemeName(kind)
                if let groups = table.byKind[kind], !groups.isEmpty {
                    result[scheme] = AnyCodable(groups.map { $0.joined(separator: " and ") })
                } else if table.unsupported.contains(kind) {
                    result[scheme] = AnyCodable("not supported")
                }
            }
            return result
        }
        let isSimple = permissions.tables.count == 1 && permissions.tables[0].columnCount <= 2
        guard isSimple, let table = tables.first else {
            let listed = tables.map { table -> AnyCodable in
                var entry = summary(table)
                entry["table"] = AnyCodable(table.heading)
                return AnyCodable(entry)
            }
            return (
                nil,
                [
                    "tables": AnyCodable(listed), "order": AnyCodable("least to most privileged"),
                    "note": AnyCodable("the page's permissions depend on conditions OpenAPI cannot express"),
                ]
            )
        }
        var requirements: [OpenAPI.SecurityRequirement] = []
        for kind in PermissionKind.allCases {
            for group in table.byKind[kind] ?? [] {
                requirements.append([.component(named: Self.schemeName(kind)): group])
            }
        }
        var extensions = summary(table)
        extensions["order"] = AnyCodable("least to most privileged")
        return (requirements, extensions)
    }

    /// The three schemes, each with the scopes the document's operations use.
    func securitySchemes() -> OpenAPI.ComponentReferenceDictionary<OpenAPI.SecurityScheme> {
        var result: OpenAPI.ComponentReferenceDictionary<OpenAPI.SecurityScheme> = [:]
        let authority = options.authority.hasSuffix("/") ? String(options.authority.dropLast()) : options.authority
        func url(_ tenant: String, _ endpoint: String) -> URL? {
            URL(string: "\(authority)/\(tenant)/oauth2/v2.0/\(endpoint)")
        }
        for kind in PermissionKind.allCases {
            guard let names = scopes[kind], !names.isEmpty else { continue }
            var scopeMap: OrderedDictionary<String, String> = [:]
            for name in names.sorted() { scopeMap[name] = "" }
            let tenant = kind == .delegatedPersonal ? "consumers" : "organizations"
            guard let authorize = url(tenant, "authorize"), let token = url(tenant, "token") else { continue }
            let flows: OpenAPI.OAuthFlows
            if kind == .application {
                flows = OpenAPI.OAuthFlows(clientCredentials: .init(tokenUrl: token, scopes: scopeMap))
            } else {
                flows = OpenAPI.OAuthFlows(
                    authorizationCode: .init(authorizationUrl: authorize, tokenUrl: token, scopes: scopeMap))
            }
            result[OpenAPI.ComponentKey(stringLiteral: Self.schemeName(kind))] = .b(
                OpenAPI.SecurityScheme.oauth2(flows: flows, description: kind.rawValue))
        }
        return result
    }
}
