extension ServiceMetadata {
    /// Says what each segment of `path` addresses (a URL path as a docs page writes it, after the service root,
    /// with or without its leading `/` and query), or where and why it stops resolving; `aliases` (`/me` →
    /// `/users/{id}`) stand for their expansion at the start of a path whose first segment the metadata lacks.
    public func resolve(_ path: String, aliases: [(from: String, to: String)] = []) -> PathResolution {
        let tokens = PathSplitter.split(path)
        var resolver = PathResolver(metadata: self)
        let failure = resolver.resolve(tokens)
        guard let failure, failure.segmentIndex == 0, Self.isRootFailure(failure.reason), !aliases.isEmpty else {
            return PathResolution(path: path, segments: resolver.segments, failure: failure)
        }
        for alias in aliases {
            let written = PathSplitter.split(alias.from)
            guard !written.isEmpty, tokens.count >= written.count,
                zip(written, tokens).allSatisfy({ $0.text == $1.text && !$0.isItemPath && !$1.isItemPath })
            else { continue }
            var expansion = PathResolver(metadata: self)
            if let aliasFailure = expansion.resolve(PathSplitter.split(alias.to)) {
                // The alias itself does not resolve: say why, where it was written.
                var placed = aliasFailure
                placed.segmentIndex = 0
                placed.segment = tokens[0].text
                placed.offset = tokens[0].offset
                return PathResolution(path: path, segments: [], failure: placed)
            }
            expansion.place(at: tokens[0].offset)
            let rest = expansion.resolve(tokens.dropFirst(written.count))
            return PathResolution(path: path, segments: expansion.segments, failure: rest)
        }
        return PathResolution(path: path, segments: resolver.segments, failure: failure)
    }

    private static func isRootFailure(_ reason: PathResolution.Reason) -> Bool {
        switch reason {
        case .unknownRoot, .caseMismatch: true
        default: false
        }
    }

    /// Why `method` cannot be used on what `resolution` addresses, by OData's rules and the metadata's capability
    /// annotations; nil when it can, when the path did not resolve or for methods other than GET, POST, PATCH,
    /// PUT and DELETE.
    public func check(method: String, on resolution: PathResolution) -> MethodProblem? {
        guard let target = resolution.target else { return nil }
        let verb = method.uppercased()
        let shape = TargetShape(target, in: self)
        let notAllowed = MethodProblem.notAllowed(
            method: verb, target: target.kind, isCollection: target.type?.isCollection ?? false)
        switch verb {
        case "GET":
            return shape == .action || shape == .batch ? notAllowed : nil
        case "POST":
            // A POST to a single entity is no create in OData. Of the Graph v1.0 pages, four POST to one: two
            // name an attachment where the collection was meant, one an action the metadata lacks (read as a
            // key), one a single-valued navigation property (a connection's schema). None is a create the
            // metadata supports, so it stays a problem.
            switch shape {
            case .entityCollection: return restriction(verb, target, \.isInsertable)
            case .referenceCollection, .action, .batch: return nil
            default: return notAllowed
            }
        case "PATCH", "PUT":
            switch shape {
            case .singleEntity: return restriction(verb, target, \.isUpdatable)
            case .structural, .value, .singleReference: return nil
            default: return notAllowed
            }
        case "DELETE":
            switch shape {
            case .singleEntity where target.kind != .singleton: return restriction(verb, target, \.isDeletable)
            case .value, .singleReference, .referenceCollection: return nil
            default: return notAllowed
            }
        default:
            return nil
        }
    }

    /// A `.restricted` problem when the capability annotations of the segment's target forbid the method.
    private func restriction(
        _ method: String, _ segment: PathResolution.Segment, _ allows: KeyPath<TargetAnnotations, Bool>
    ) -> MethodProblem? {
        guard let target = segment.capabilityTarget, let annotations = annotations(on: target),
            !annotations[keyPath: allows]
        else { return nil }
        return .restricted(method: method, target: target)
    }

    /// What a resolved path's last segment addresses, as the method rules see it.
    private enum TargetShape {
        case entityCollection
        case singleEntity
        /// A structural property (a stream property too), or a cast of one.
        case structural
        case value
        case count
        case singleReference
        case referenceCollection
        case action
        case function
        case batch
        case metadata

        init(_ segment: PathResolution.Segment, in metadata: ServiceMetadata) {
            let isCollection = segment.type?.isCollection ?? false
            let isEntity = segment.type.flatMap { metadata.kindOfType(named: $0.name) } == .entity
            switch segment.kind {
            case .entitySet: self = .entityCollection
            case .singleton, .key, .itemPath: self = .singleEntity
            case .navigation, .cast:
                self = isEntity ? (isCollection ? .entityCollection : .singleEntity) : .structural
            case .property: self = .structural
            case .value: self = .value
            case .count: self = .count
            case .ref: self = isCollection ? .referenceCollection : .singleReference
            case .action: self = .action
            case .function, .operationImport:
                if segment.operation?.kind == .action {
                    self = .action
                } else if segment.operation?.isComposable == true && isEntity && !isCollection {
                    // The single entity a composable function returns is addressed as the entity itself: Graph
                    // docs PATCH `…/range(address='A1')`. A POST to it is still no create.
                    self = .singleEntity
                } else {
                    self = .function
                }
            case .repetition: self = isCollection ? .entityCollection : .singleEntity
            case .batch: self = .batch
            case .metadata: self = .metadata
            }
        }
    }
}
