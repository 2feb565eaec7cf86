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

    /// An operation's security from its Permissions tables: any one listed permission of any supported type
    /// grants the call, so each permission is a requirement of its own; and the extension that keeps what
    /// OpenAPI cannot (each type's permissions from least to most privileged, and the types not supported).
    /// Nil when the page has no Permissions table: the docs do not say.
    mutating func security(of page: PageContract) -> ([OpenAPI.SecurityRequirement]?, [String: AnyCodable]) {
        guard let permissions = page.method?.permissions, !permissions.tables.isEmpty else { return (nil, [:]) }
        var byKind: [PermissionKind: [String]] = [:]
        var unsupported: [PermissionKind] = []
        for table in permissions.tables {
            for row in table.rows {
                guard let kind = row.kind else { continue }
                if row.notSupportedSpelling != nil, row.permissions.isEmpty {
                    if !unsupported.contains(kind) { unsupported.append(kind) }
                    continue
                }
                for permission in row.permissions {
                    let name = permission.name.trimmingSpaces()
                    guard !name.isEmpty else { continue }
                    if byKind[kind, default: []].contains(name) == false { byKind[kind, default: []].append(name) }
                    if seenScopes.insert("\(kind.rawValue)\u{0}\(name)").inserted {
                        scopes[kind, default: []].append(name)
                    }
                }
            }
        }
        var requirements: [OpenAPI.SecurityRequirement] = []
        var extensions: [String: AnyCodable] = [:]
        for kind in PermissionKind.allCases {
            let scheme = Self.schemeName(kind)
            if let names = byKind[kind], !names.isEmpty {
                for name in names { requirements.append([.component(named: scheme): [name]]) }
                extensions[scheme] = AnyCodable(names)
            } else if unsupported.contains(kind) {
                extensions[scheme] = AnyCodable("not supported")
            }
        }
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
