/// What a URL path addresses in a service's metadata, segment by segment, or where it stops resolving and why.
public struct PathResolution: Hashable, Sendable {
    /// What one segment addresses.
    public enum SegmentKind: String, Hashable, Sendable {
        case entitySet = "entity set"
        case singleton
        /// A key after a collection: `{id}`, `('abc')`, `(userPrincipalName='…')` (an alternate key).
        case key
        case navigation = "navigation property"
        case property
        /// A type cast (`microsoft.graph.user`, `graph.user`).
        case cast
        case action
        case function
        /// An unbound function or action import from the entity container.
        case operationImport = "operation import"
        case count = "$count"
        case value = "$value"
        case ref = "$ref"
        /// Path-based addressing inside a drive or item: `root:/a/b.txt:`.
        case itemPath = "item path"
    }

    /// One resolved segment.
    public struct Segment: Hashable, Sendable {
        /// The segment as written (`messages`, `{id}`, `getEmailActivityUserDetail(period='D7')`).
        public var text: String
        public var kind: SegmentKind
        /// The type the path addresses after this segment (nil after `$count` or an action without a result).
        public var type: MetadataTypeName?
        /// For actions and functions: the operation chosen.
        public var operation: Operation?
        /// For navigation and structural properties: the property and the type that declares it.
        public var property: MetadataProperty?

        public init(
            text: String, kind: SegmentKind, type: MetadataTypeName?, operation: Operation? = nil,
            property: MetadataProperty? = nil
        ) {
            self.text = text
            self.kind = kind
            self.type = type
            self.operation = operation
            self.property = property
        }
    }

    /// Why resolution stopped.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// The first segment is no entity set, singleton or operation import.
        case unknownRoot
        /// No property, navigation property, bound operation or cast of this name on the type.
        case unknownMember(of: String)
        /// A name that differs only in case from a member (`Messages` for `messages`).
        case caseMismatch(expected: String)
        /// A key or placeholder after something that is not a collection of entities.
        case keyOnSingle(String)
        /// Nothing may follow `$count`, `$value`, `$ref`, an action or a non-composable function.
        case afterTerminal(String)
        /// A function's parameters in the segment do not match any overload.
        case parameterMismatch(String)
        /// A cast to a type that is not derived from the type before it.
        case invalidCast(String, from: String)

        public var description: String {
            switch self {
            case .unknownRoot: "no entity set, singleton or operation import has this name"
            case .unknownMember(let type): "no property, navigation property, bound action or function of \(type)"
            case .caseMismatch(let expected): "the metadata spells it '\(expected)'"
            case .keyOnSingle(let type): "a key cannot follow a single \(type)"
            case .afterTerminal(let segment): "nothing may follow '\(segment)'"
            case .parameterMismatch(let function): "no overload of \(function) has these parameters"
            case .invalidCast(let type, let base): "\(type) does not derive from \(base)"
            }
        }
    }

    /// Where and why a path stops resolving.
    public struct Failure: Hashable, Sendable {
        /// The index of the failing segment in the path's segments (0 for the first segment after the root).
        public var segmentIndex: Int
        /// The segment as written.
        public var segment: String
        /// The UTF-8 offset of the segment in the path as given.
        public var offset: Int
        public var reason: Reason

        public init(segmentIndex: Int, segment: String, offset: Int, reason: Reason) {
            self.segmentIndex = segmentIndex
            self.segment = segment
            self.offset = offset
            self.reason = reason
        }
    }

    /// The path as given.
    public var path: String
    /// The segments that resolved, in order.
    public var segments: [Segment]
    /// Where resolution stopped, or nil when the whole path resolved.
    public var failure: Failure?

    public init(path: String, segments: [Segment], failure: Failure?) {
        self.path = path
        self.segments = segments
        self.failure = failure
    }

    /// Whether every segment resolved.
    public var isResolved: Bool { failure == nil && !segments.isEmpty }

    /// What the whole path addresses (the last segment), when it resolved.
    public var target: Segment? { isResolved ? segments.last : nil }
}

/// Why a method cannot be used on what a path addresses.
public enum MethodProblem: Hashable, Sendable, CustomStringConvertible {
    /// POST to a function, GET to an action, PATCH to a collection, DELETE on an entity set…
    case notAllowed(method: String, target: PathResolution.SegmentKind, isCollection: Bool)
    /// The metadata's capability annotations forbid it (`InsertRestrictions/Insertable` false).
    case restricted(method: String, target: String)

    public var description: String {
        switch self {
        case .notAllowed(let method, let kind, let isCollection):
            let what =
                isCollection && (kind == .entitySet || kind == .navigation) ? "a collection" : "a \(kind.rawValue)"
            return "\(method) is not allowed on \(what)"
        case .restricted(let method, let target): return "the metadata's capabilities forbid \(method) on \(target)"
        }
    }
}
