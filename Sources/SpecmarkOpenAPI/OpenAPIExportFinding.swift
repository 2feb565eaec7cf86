import SpecmarkContract

/// What an export reports about the pages it could not export as written. Export findings are not lint rules:
/// they say what the OpenAPI document leaves out, and `specmark openapi` prints them beside the document.
enum OpenAPIExportFinding: String, CaseIterable, Sendable {
    /// A declared path OpenAPI cannot express (a repetition, unpaired braces, a space).
    case pathUnexportable = "openapi-path-unexportable"
    /// A declared method OpenAPI has no operation for (`MERGE`, `COPY`).
    case methodUnexportable = "openapi-method-unexportable"
    /// A method and path another page declares too: that page's operation is the one exported.
    case operationDuplicate = "openapi-operation-duplicate"

    var severity: Severity {
        switch self {
        case .pathUnexportable, .methodUnexportable: .warning
        case .operationDuplicate: .note
        }
    }

    /// The reason counted in the statistics' `leftOut`.
    var reason: String {
        switch self {
        case .pathUnexportable: "path OpenAPI cannot express"
        case .methodUnexportable: "method OpenAPI has no operation for"
        case .operationDuplicate: "declared by another page"  // exported from that page: not left out
        }
    }
}

extension OpenAPIExportFinding {
    static func pathUnexportable(_ path: String, _ problem: OpenAPIPathTemplate.Problem) -> String {
        "declared path \(path) is not exported: \(problem)"
    }

    static func methodUnexportable(_ method: String, _ path: String) -> String {
        "declared method \(method) of \(path) is not exported: OpenAPI has no \(method) operation"
    }

    static func operationDuplicate(_ method: String, _ path: String, from page: String) -> String {
        "\(method) \(path) is exported from \(page), which declares it too"
    }
}
