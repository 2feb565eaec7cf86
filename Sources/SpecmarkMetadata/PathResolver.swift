/// Walks a path's segments through the metadata, one at a time, from the entity container down: what the path
/// addresses so far, and the rules for what may follow it.
struct PathResolver {
    typealias Segment = PathResolution.Segment
    typealias Failure = PathResolution.Failure
    typealias Reason = PathResolution.Reason
    typealias Token = PathSplitter.Token

    /// What the segments so far address.
    private struct Position {
        var type: MetadataTypeName?
        /// Where the capability annotations of what is addressed are read from.
        var capabilityTarget: String?
        /// Whether a navigation property led here (through keys and casts too), so `$ref` applies.
        var fromNavigation = false
        /// The segment nothing may follow (`$count`, an action), once there is one.
        var terminal: String?
    }

    /// What looking a name up found.
    private enum Outcome {
        case resolved
        case notFound
        case failed(Failure)
    }

    let metadata: ServiceMetadata
    private(set) var segments: [Segment] = []
    private var position = Position()

    init(metadata: ServiceMetadata) {
        self.metadata = metadata
    }

    /// Resolves `tokens` after the segments so far; the failure where one stops resolving.
    mutating func resolve(_ tokens: some Sequence<Token>) -> Failure? {
        for token in tokens {
            if let failure = step(token) { return failure }
        }
        return nil
    }

    /// Gives every segment so far the offset `offset` (an alias's segments, placed where the alias was written).
    mutating func place(at offset: Int) {
        for index in segments.indices { segments[index].offset = offset }
    }

    // MARK: - Segments

    private mutating func step(_ token: Token) -> Failure? {
        if let problem = token.problem { return fail(token, .malformed(problem)) }
        if token.text.isEmpty { return fail(token, .emptySegment) }
        if segments.isEmpty { return root(token) }
        if let terminal = position.terminal { return fail(token, .afterTerminal(terminal)) }
        guard let type = position.type else { return fail(token, .afterTerminal(segments.last?.text ?? "")) }
        if token.isItemPath { return itemPath(token, after: type) }
        switch token.text {
        case "$count":
            guard type.isCollection else { return fail(token, .misplaced(token.text, after: type.description)) }
            append(token, .count, type: nil)
            position.terminal = token.text
            return nil
        case "$value":
            guard let valueType = rawValueType(of: type) else {
                return fail(token, .misplaced(token.text, after: type.description))
            }
            append(token, .value, type: valueType, capabilityTarget: position.capabilityTarget)
            position.terminal = token.text
            return nil
        case "$ref":
            guard position.fromNavigation, metadata.kindOfType(named: type.name) == .entity else {
                return fail(token, .misplaced(token.text, after: type.description))
            }
            append(token, .ref, type: type, capabilityTarget: position.capabilityTarget)
            position.terminal = token.text
            return nil
        case "$batch", "$metadata":
            return fail(token, .misplaced(token.text, after: type.description))
        case "...":
            guard segments.last?.kind == .key else {
                return fail(token, .misplaced(token.text, after: type.description))
            }
            append(token, .repetition, type: type, capabilityTarget: position.capabilityTarget)
            return nil
        default:
            // No other system segment (`$entity`, `$all`) follows a path here, and none is a key.
            if token.text.utf8.first == UInt8(ascii: "$") {
                return fail(token, .unknownMember(of: type.description))
            }
        }
        let call = SegmentCall.read(token.text)
        if let problem = call.problem { return fail(token, .malformed(problem)) }
        if call.name.isEmpty {
            // A key in parentheses written as a segment of its own: `/users/('abc')`.
            return key(call.parenthesized ?? token.text, at: token.offset, after: type)
        }
        return type.isCollection ? collectionMember(token, call, of: type) : singleMember(token, call, of: type)
    }

    /// The first segment: an entity set, a singleton, an operation import, `$batch` or `$metadata`.
    private mutating func root(_ token: Token) -> Failure? {
        if token.isItemPath { return fail(token, .unknownRoot) }
        switch token.text {
        case "$batch":
            append(token, .batch, type: nil)
            position.terminal = token.text
            return nil
        case "$metadata":
            append(token, .metadata, type: nil)
            position.terminal = token.text
            return nil
        default:
            break
        }
        let call = SegmentCall.read(token.text)
        if let problem = call.problem { return fail(token, .malformed(problem)) }
        let containerName = metadata.containerName ?? ""
        if let source = metadata.source(named: call.name) {
            let target = "\(containerName)/\(source.name)"
            let isSet = source.kind == .entitySet
            let type = MetadataTypeName(name: source.type, isCollection: isSet)
            segments.append(
                Segment(
                    text: call.name, kind: isSet ? .entitySet : .singleton, type: type, offset: token.offset,
                    capabilityTarget: target))
            position = Position(type: type, capabilityTarget: target)
            guard let parenthesized = call.parenthesized else { return nil }
            return key(parenthesized, at: token.offset + call.parenthesesOffset, after: type)
        }
        if let operationImport = metadata.operationImport(named: call.name) {
            let candidates = metadata.operations(named: operationImport.operation).filter {
                !$0.isBound && $0.kind == operationImport.kind
            }
            switch invoke(token, call, candidates: candidates, kind: .operationImport) {
            case .resolved: return nil
            case .failed(let failure): return failure
            case .notFound: break
            }
        }
        let names = rootNames()
        if let match = uniqueCaseInsensitiveMatch(call.name, in: names) {
            return fail(token, .caseMismatch(expected: match))
        }
        return fail(token, .unknownRoot, suggestion: NameSuggestion.closest(to: call.name, among: names))
    }

    /// A name after a collection: a bound operation on the collection, a cast, or else a key; a navigation property
    /// or operation of the collection's entities written without a key before it is a failure.
    private mutating func collectionMember(_ token: Token, _ call: SegmentCall, of type: MetadataTypeName) -> Failure? {
        let element = metadata.type(named: type.name)
        if isPlaceholder(call.name) && call.parenthesized == nil {
            return key(token.text, at: token.offset, after: type)
        }
        if call.name.utf8.contains(UInt8(ascii: ".")) {
            switch qualifiedMember(token, call, of: type) {
            case .resolved: return nil
            case .failed(let failure): return failure
            case .notFound: break
            }
        } else {
            let candidates = metadata.boundOperations(named: call.name, boundTo: type)
            switch invoke(token, call, candidates: candidates, kind: nil) {
            case .resolved: return nil
            case .failed(let failure): return failure
            case .notFound: break
            }
        }
        guard let element, element.kind == .entity else { return fail(token, .noKeys(type.description)) }
        // A navigation property or an operation of the entities is a missing key; a structural property's name
        // is not, as literal keys take such names (`/sites/root`, where a site's `root` is a facet).
        if !call.name.utf8.contains(UInt8(ascii: ".")),
            metadata.property(call.name, of: element)?.isNavigation == true
                || !metadata.boundOperations(named: call.name, boundTo: type.element).isEmpty
        {
            return fail(token, .missingKey(call.name, collection: type.description))
        }
        let operationNames = metadata.boundOperations(boundTo: type).map(\.shortName)
        if let match = uniqueCaseInsensitiveMatch(call.name, in: operationNames) {
            return fail(token, .caseMismatch(expected: match))
        }
        if call.parenthesized != nil {
            // A call of a function the collection does not bind, not a key.
            return fail(
                token, .unknownMember(of: type.description),
                suggestion: NameSuggestion.closest(to: call.name, among: operationNames))
        }
        return key(token.text, at: token.offset, after: type)
    }

    /// A name after a single entity, complex or primitive value: a property, a navigation property, a bound
    /// operation or a cast.
    private mutating func singleMember(_ token: Token, _ call: SegmentCall, of type: MetadataTypeName) -> Failure? {
        guard let structured = metadata.type(named: type.name) else {
            if isPlaceholder(call.name) { return fail(token, .keyOnSingle(type.name)) }
            if let cast = metadata.type(named: call.name) {
                return fail(token, .invalidCast(cast.name, from: type.name))
            }
            return fail(token, .unknownMember(of: type.name))
        }
        if isPlaceholder(call.name) { return fail(token, .keyOnSingle(type.name)) }
        if call.name.utf8.contains(UInt8(ascii: ".")) {
            switch qualifiedMember(token, call, of: type) {
            case .resolved: return nil
            case .failed(let failure): return failure
            case .notFound: return fail(token, .unknownMember(of: type.name))
            }
        }
        if let property = metadata.property(call.name, of: structured) {
            return member(token, call, property, on: structured)
        }
        switch invoke(token, call, candidates: metadata.boundOperations(named: call.name, boundTo: type), kind: nil) {
        case .resolved: return nil
        case .failed(let failure): return failure
        case .notFound: break
        }
        let names = memberNames(of: structured, type: type)
        if let match = uniqueCaseInsensitiveMatch(call.name, in: names) {
            return fail(token, .caseMismatch(expected: match))
        }
        let collection = MetadataTypeName(name: type.name, isCollection: true)
        if structured.kind == .entity, !metadata.boundOperations(named: call.name, boundTo: collection).isEmpty {
            return fail(token, .needsCollection(call.name, collection: collection.description))
        }
        if let derived = metadata.derivedType(declaring: call.name, below: structured.name) {
            return fail(token, .needsCast(call.name, derivedType: derived, from: structured.name))
        }
        return fail(
            token, .unknownMember(of: type.name), suggestion: NameSuggestion.closest(to: call.name, among: names))
    }

    /// A property or navigation property, with the key its parentheses hold.
    private mutating func member(
        _ token: Token, _ call: SegmentCall, _ property: MetadataProperty, on type: StructuredType
    ) -> Failure? {
        let target = property.isNavigation ? capabilityTarget(of: property, on: type) : nil
        segments.append(
            Segment(
                text: call.name, kind: property.isNavigation ? .navigation : .property, type: property.type,
                property: property, offset: token.offset, capabilityTarget: target))
        position = Position(type: property.type, capabilityTarget: target, fromNavigation: property.isNavigation)
        guard let parenthesized = call.parenthesized else { return nil }
        return key(parenthesized, at: token.offset + call.parenthesesOffset, after: property.type)
    }

    /// A namespace-qualified name (`microsoft.graph.user`, `graph.getMemberGroups`): a cast or a bound operation;
    /// not found when its namespace is no schema's (`contoso.sharepoint.com` may be a key).
    private mutating func qualifiedMember(_ token: Token, _ call: SegmentCall, of type: MetadataTypeName) -> Outcome {
        if let cast = metadata.type(named: call.name) {
            guard let current = metadata.type(named: type.name), metadata.isType(cast.name, derivedFrom: current.name)
            else { return .failed(fail(token, .invalidCast(cast.name, from: type.name))) }
            let castType = MetadataTypeName(name: cast.name, isCollection: type.isCollection)
            segments.append(
                Segment(
                    text: call.name, kind: .cast, type: castType, offset: token.offset,
                    capabilityTarget: position.capabilityTarget))
            position.type = castType
            guard let parenthesized = call.parenthesized else { return .resolved }
            if let failure = key(parenthesized, at: token.offset + call.parenthesesOffset, after: castType) {
                return .failed(failure)
            }
            return .resolved
        }
        let outcome = invoke(
            token, call, candidates: metadata.boundOperations(named: call.name, boundTo: type), kind: nil)
        guard case .notFound = outcome else { return outcome }
        let namespace = MetadataTypeName(name: call.name).namespace
        guard metadata.isSchemaNamespace(namespace) else { return .notFound }
        if let cast = metadata.type(ignoringCase: call.name) {
            return .failed(fail(token, .caseMismatch(expected: cast.name)))
        }
        let qualified = metadata.expandingAlias(call.name).lowercased()
        if let operation = metadata.boundOperations(boundTo: type).first(where: { $0.name.lowercased() == qualified }) {
            return .failed(fail(token, .caseMismatch(expected: operation.name)))
        }
        return .failed(fail(token, .unknownMember(of: type.description)))
    }

    /// A key after `type`, which must be a collection of entities.
    private mutating func key(_ text: String, at offset: Int, after type: MetadataTypeName) -> Failure? {
        let token = Token(text: text, offset: offset)
        guard type.isCollection else { return fail(token, .keyOnSingle(type.name)) }
        guard metadata.kindOfType(named: type.name) == .entity else { return fail(token, .noKeys(type.description)) }
        if text == "()" {
            return fail(token, .malformed("an empty key"))
        }
        append(token, .key, type: type.element, capabilityTarget: position.capabilityTarget)
        position.type = type.element
        return nil
    }

    /// Path-based addressing (`root:/a/b.txt:`), which keeps the single entity's type.
    private mutating func itemPath(_ token: Token, after type: MetadataTypeName) -> Failure? {
        guard !type.isCollection, metadata.kindOfType(named: type.name) == .entity else {
            return fail(token, .misplaced(token.text, after: type.description))
        }
        append(token, .itemPath, type: type)
        position = Position(type: type)
        return nil
    }

    // MARK: - Operations

    /// Calls the operation among `candidates` whose parameters fit the segment's arguments; written without
    /// parentheses (`/users/delta`, as Graph docs do) any overload fits. `kind` is `.operationImport` for imports.
    private mutating func invoke(
        _ token: Token, _ call: SegmentCall, candidates: [Operation], kind: PathResolution.SegmentKind?
    ) -> Outcome {
        guard !candidates.isEmpty else { return .notFound }
        let operation: Operation
        switch Self.overload(among: candidates, for: call.arguments) {
        case .operation(let chosen): operation = chosen
        case .problem(let reason): return .failed(fail(token, reason))
        }
        let segmentKind = kind ?? (operation.kind == .action ? .action : .function)
        segments.append(
            Segment(
                text: token.text, kind: segmentKind, type: operation.returnType, operation: operation,
                offset: token.offset))
        if operation.kind == .function && operation.isComposable {
            position = Position(type: operation.returnType)
        } else {
            position = Position(type: operation.returnType, terminal: token.text)
        }
        return .resolved
    }

    /// The overload whose parameter names fit `arguments`: every name given is a parameter and every required
    /// (non-nullable) parameter is given; the one with the fewest parameters left out wins.
    private static func overload(
        among candidates: [Operation], for arguments: [SegmentCall.Argument]?
    )
        -> Overload
    {
        guard let arguments else {
            return .operation(candidates.min { required($0).count < required($1).count } ?? candidates[0])
        }
        let name = candidates[0].shortName
        if candidates.allSatisfy({ $0.kind == .action }) {
            // An action takes its parameters in the body: `sendMail()` is `sendMail`.
            return arguments.isEmpty ? .operation(candidates[0]) : .problem(.parameterMismatch(name))
        }
        let given = arguments.compactMap { $0.name ?? Self.positionalName($0, among: candidates) }
        guard given.count == arguments.count, Set(given).count == given.count else {
            return .problem(.parameterMismatch(name))
        }
        func fits(_ operation: Operation, ignoringCase: Bool) -> Bool {
            guard operation.kind == .function else { return false }
            let fold: (String) -> String = ignoringCase ? { $0.lowercased() } : { $0 }
            let names = Set(operation.callParameters.map { fold($0.name) })
            let givenNames = Set(given.map(fold))
            return givenNames.isSubset(of: names) && required(operation).allSatisfy { givenNames.contains(fold($0)) }
        }
        let exact = candidates.filter { fits($0, ignoringCase: false) }
        if let best = exact.min(by: { $0.callParameters.count < $1.callParameters.count }) { return .operation(best) }
        for operation in candidates where fits(operation, ignoringCase: true) {
            let names = operation.callParameters.map(\.name)
            for written in given where !names.contains(written) {
                if let spelled = names.first(where: { $0.lowercased() == written.lowercased() }) {
                    return .problem(.caseMismatch(expected: spelled))
                }
            }
        }
        return .problem(.parameterMismatch(name))
    }

    /// The parameter an unnamed placeholder argument stands for: `range(<address>)` and `range({address})` name
    /// `address` (a literal value without a name, `getMailActivity('D7')`, names nothing: OData passes function
    /// parameters by name).
    private static func positionalName(
        _ argument: SegmentCall.Argument, among candidates: [Operation]
    ) -> String? {
        var value = Substring(argument.value)
        if (value.first == "<" && value.last == ">") || (value.first == "{" && value.last == "}") {
            value = value.dropFirst().dropLast()
            let named = value.lowercased()
            for operation in candidates {
                if let parameter = operation.callParameters.first(where: { $0.name.lowercased() == named }) {
                    return parameter.name
                }
            }
        }
        return nil
    }

    /// The overload chosen, or why none fits.
    private enum Overload {
        case operation(Operation)
        case problem(Reason)
    }

    private static func required(_ operation: Operation) -> [String] {
        operation.callParameters.filter { !$0.isNullable }.map(\.name)
    }

    // MARK: - Helpers

    private mutating func append(
        _ token: Token, _ kind: PathResolution.SegmentKind, type: MetadataTypeName?, capabilityTarget: String? = nil
    ) {
        segments.append(
            Segment(text: token.text, kind: kind, type: type, offset: token.offset, capabilityTarget: capabilityTarget))
    }

    private func fail(_ token: Token, _ reason: Reason, suggestion: String? = nil) -> Failure {
        Failure(
            segmentIndex: segments.count, segment: token.text, offset: token.offset, reason: reason,
            suggestion: suggestion)
    }

    /// `{id}`, `{id | userPrincipalName}`.
    private func isPlaceholder(_ text: String) -> Bool {
        text.utf8.first == UInt8(ascii: "{") && text.utf8.last == UInt8(ascii: "}")
    }

    /// The type `$value` addresses after `type`: the stream of a media entity or stream property, or a single
    /// primitive, enum or type-definition value; nil when it has none.
    private func rawValueType(of type: MetadataTypeName) -> MetadataTypeName? {
        guard !type.isCollection else { return nil }
        guard let structured = metadata.type(named: type.name) else { return type }
        let isMedia =
            structured.kind == .entity && metadata.inheritanceChain(of: structured).contains(where: \.hasStream)
        return isMedia ? MetadataTypeName(name: "Edm.Stream") : nil
    }

    /// The annotation target of a navigation property: on the type the path is at when the metadata annotates it
    /// there, else on the type that declares it.
    private func capabilityTarget(of property: MetadataProperty, on type: StructuredType) -> String {
        let own = "\(type.name)/\(property.name)"
        // A property the type declares itself has one target either way.
        if property.declaringType == type.name || metadata.annotations(on: own) != nil { return own }
        return "\(property.declaringType)/\(property.name)"
    }

    private func rootNames() -> [String] {
        guard let container = metadata.container else { return [] }
        return (container.entitySets + container.singletons).map(\.name) + container.operationImports.map(\.name)
    }

    private func memberNames(of structured: StructuredType, type: MetadataTypeName) -> [String] {
        metadata.allProperties(of: structured).map(\.name) + metadata.boundOperations(boundTo: type).map(\.shortName)
    }

    /// The one name in `names` that equals `name` but for case, if exactly one does.
    private func uniqueCaseInsensitiveMatch(_ name: String, in names: [String]) -> String? {
        let folded = name.lowercased()
        let matches = Set(names.filter { $0 != name && $0.lowercased() == folded })
        return matches.count == 1 ? matches.first : nil
    }
}
