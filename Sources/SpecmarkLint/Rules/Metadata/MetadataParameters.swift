import SpecmarkContract
import SpecmarkMetadata

extension PageContract {
    /// Whether `name` is one of the operation's parameters, or a property of a structured parameter (a Request
    /// body table that lists the properties of the one object the action takes); case is ignored, as the
    /// service does for parameter names.
    static func isParameter(_ name: String, of operation: Operation, in service: ServiceMetadata) -> Bool {
        let lowered = name.lowercased()
        for parameter in operation.callParameters {
            if parameter.name.lowercased() == lowered { return true }
            if let type = service.type(named: parameter.type.name),
                service.allProperties(of: type).contains(where: { $0.name.lowercased() == lowered })
            {
                return true
            }
        }
        return false
    }
}

/// What a page's declared paths and request examples address in the metadata, resolved once for every metadata
/// rule that reads them (paths, methods, parameters, return types).
struct MetadataPageResolutions {
    let service: ServiceMetadata
    /// One per declared path, in order.
    let declared: [PathResolution]
    /// One per request example, nil for an example without a URL.
    let requests: [PathResolution?]

    /// `cache`, when given, holds the paths resolved for other pages of the run (the doc set's aliases are the
    /// same for every page, so a path and the page's API version decide its resolution).
    init(
        _ page: PageContract, aliases written: [PathAlias], service: ServiceMetadata, cache: PathResolutions? = nil
    ) {
        self.service = service
        // Every path with the configuration's path aliases, listed once for the page.
        let aliases = written.map { (from: $0.alias, to: $0.replacement) }
        let version = page.apiVersion
        func resolve(_ path: String) -> PathResolution {
            guard let cache else { return service.resolve(path, aliases: aliases) }
            return cache.resolution(of: path, version: version) { service.resolve(path, aliases: aliases) }
        }
        declared = (page.method?.declaredPaths ?? []).map { resolve($0.template.raw) }
        requests = page.requests.map { request in request.url.map { resolve($0.template.raw) } }
    }

    /// The action or function the declared paths call, with the first such path's index: only when every
    /// declared path that resolves calls an operation of that name (a page that declares a create and a reply is
    /// not the reply's page).
    var operation: (operation: Operation, path: Int)? {
        var found: (operation: Operation, path: Int)?
        for (index, resolution) in declared.enumerated() where resolution.isResolved {
            guard let operation = resolution.target?.operation,
                found.map({ $0.operation.shortName == operation.shortName }) ?? true
            else { return nil }
            if found == nil { found = (operation, index) }
        }
        return found
    }

    /// The request examples whose path calls `operation`.
    func requests(calling operation: Operation) -> [Int] {
        requests.indices.filter { requests[$0]?.target?.operation?.name == operation.name }
    }
}
