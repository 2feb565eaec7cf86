/// A type as CSDL names it, with the schema alias expanded: `microsoft.graph.user`, `Edm.String`, and whether
/// it is a `Collection(…)` of that type.
public struct MetadataTypeName: Hashable, Sendable, CustomStringConvertible {
    /// The qualified element type name (`microsoft.graph.callRecords.session`, `Edm.Int32`).
    public var name: String
    public var isCollection: Bool

    public init(name: String, isCollection: Bool = false) {
        self.name = name
        self.isCollection = isCollection
    }

    /// Whether the element type is an EDM primitive (`Edm.String`, `Edm.Stream`).
    public var isPrimitive: Bool { name.hasPrefix("Edm.") }

    /// The element type without its namespace (`user`, `String`).
    public var shortName: String {
        guard let dot = Self.lastDot(in: name) else { return name }
        return String(name.utf8[name.utf8.index(after: dot)...]) ?? name
    }

    /// The namespace of the element type (`microsoft.graph`, `Edm`).
    public var namespace: String {
        guard let dot = Self.lastDot(in: name) else { return "" }
        return String(name.utf8[..<dot]) ?? ""
    }

    /// The last `.` of a name, found on its UTF-8 bytes (the checks ask this of every name they compare; a
    /// search by Character costs several times as much).
    private static func lastDot(in name: String) -> String.Index? {
        name.utf8.lastIndex(of: UInt8(ascii: "."))
    }

    /// The element type, not a collection.
    public var element: MetadataTypeName { MetadataTypeName(name: name) }

    /// `Collection(microsoft.graph.user)` or `microsoft.graph.user`.
    public var description: String { isCollection ? "Collection(\(name))" : name }
}
