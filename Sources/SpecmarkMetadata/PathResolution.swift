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
        /// The `$batch` endpoint at the service root.
        case batch = "$batch"
        /// The `$metadata` document at the service root.
        case metadata = "$metadata"
        /// The docs' `...` after a key, for the segments before it repeated any number of times
        /// (`childFolders/{id}/.../messages`): what the path addresses stays the same.
        case repetition = "..."
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
        /// The UTF-8 offset of the segment in the path as given (of the alias written, for segments an alias
        /// expanded into).
        public var offset: Int
        /// The target the capability annotations of what this segment addresses are read from
        /// (`microsoft.graph.GraphService/users`, `microsoft.graph.user/contactFolders`); for a key or a cast, the
        /// collection's before it; nil when nothing restricts it.
        public var capabilityTarget: String?

        public init(
            text: String, kind: SegmentKind, type: MetadataTypeName?, operation: Operation? = nil,
            property: MetadataProperty? = nil, offset: Int = 0, capabilityTarget: String? = nil
        ) {
            self.text = text
            self.kind = kind
            self.type = type
            self.operation = operation
            self.property = property
            self.offset = offset
            self.capabilityTarget = capabilityTarget
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
        /// A navigation property or operation of the entities of a collection written right after the collection,
        /// without a key between (`/users/messages`): the member, then the collection's type.
        case missingKey(String, collection: String)
        /// `$count`, `$value`, `$ref`, `$batch`, `$metadata` or an item path (`:/a/b.txt:`) after something it
        /// does not apply to: the segment, then what it follows.
        case misplaced(String, after: String)
        /// A key or a member after a collection of complex or primitive values, which have no keys.
        case noKeys(String)
        /// An operation bound to a collection written after a single entity of it: the operation, then the
        /// collection type.
        case needsCollection(String, collection: String)
        /// A member that a type derived from the current one declares, written without a cast to it: the member,
        /// the derived type, then the current type.
        case needsCast(String, derivedType: String, from: String)
        /// An empty segment (`//`).
        case emptySegment
        /// A segment that cannot be read: an unclosed quote, brace or parenthesis, or text after the `)`.
        case malformed(String)

        public var description: String {
            switch self {
            case .unknownRoot: "no entity set, singleton or operation import has this name"
            case .unknownMember(let type): "no property, navigation property, bound action or function of \(type)"
            case .caseMismatch(let expected): "the metadata spells it '\(expected)'"
            case .keyOnSingle(let type): "a key cannot follow a single \(type)"
            case .afterTerminal(let segment): "nothing may follow '\(segment)'"
            case .parameterMismatch(let function): "no overload of \(function) has these parameters"
            case .invalidCast(let type, let base): "\(type) does not derive from \(base)"
            case .missingKey(let member, let collection):
                "'\(member)' is a member of each item of \(collection), so a key must come before it"
            case .misplaced(let segment, let after): "'\(segment)' cannot follow \(after)\(Self.hint(segment))"
            case .noKeys(let type):
                "\(type) is not a collection of entities: it has no keys, and its items cannot be addressed one by one"
            case .needsCollection(let operation, let collection):
                "'\(operation)' is bound to \(collection), so it cannot follow a single item of it"
            case .needsCast(let member, let derived, let base):
                "'\(member)' is a member of \(derived), which derives from \(base), so a cast to it must come first"
            case .emptySegment: "an empty segment"
            case .malformed(let detail): detail
            }
        }

        /// Why a system segment does not apply, by segment.
        private static func hint(_ segment: String) -> String {
            switch segment {
            case "$count": " (only a collection has a count)"
            case "$value": " (only a media entity, a stream or a primitive value has a raw value)"
            case "$ref": " (only what a navigation property addresses has references)"
            case "$batch", "$metadata": " (it is only valid at the service root)"
            case "...": " (it stands for the segments before it repeated, so it must follow a key)"
            default: segment.hasPrefix(":") ? " (path-based addressing needs a single entity such as a drive item)" : ""
            }
        }
    }

    /// Where and why a path stops resolving.
    public struct Failure: Hashable, Sendable {
        /// The index of the failing segment in the path's segments (0 for the first segment after the root): the
        /// number of segments that resolved before it, so a key in parentheses (`users('a')`) counts as its own.
        public var segmentIndex: Int
        /// The segment as written.
        public var segment: String
        /// The UTF-8 offset of the segment in the path as given.
        public var offset: Int
        public var reason: Reason
        /// A member or root of a similar name (by edit distance) for an unknown one, when there is one.
        public var suggestion: String?

        public init(segmentIndex: Int, segment: String, offset: Int, reason: Reason, suggestion: String? = nil) {
            self.segmentIndex = segmentIndex
            self.segment = segment
            self.offset = offset
            self.reason = reason
            self.suggestion = suggestion
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
            return "\(method) is not allowed on \(Self.noun(kind, isCollection: isCollection))"
        case .restricted(let method, let target): return "the metadata's capabilities forbid \(method) on \(target)"
        }
    }

    /// What a segment kind addresses, with its article.
    private static func noun(_ kind: PathResolution.SegmentKind, isCollection: Bool) -> String {
        switch kind {
        case .action: return "an action"
        case .function: return "a function"
        case .operationImport: return "an operation import"
        case .count, .value, .batch, .metadata, .repetition: return kind.rawValue
        case .ref: return isCollection ? "a collection of references" : "a single reference"
        case .singleton: return "a singleton"
        case .entitySet: return "a collection"
        case .key, .itemPath: return "a single entity"
        case .navigation, .cast, .property:
            if isCollection { return "a collection" }
            return kind == .navigation ? "a single-valued navigation property" : kind == .cast ? "a cast" : "a property"
        }
    }
}
