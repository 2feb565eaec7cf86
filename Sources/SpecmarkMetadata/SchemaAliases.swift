/// The schemas' aliases (`graph` for `microsoft.graph`), in schema order: replaces an alias at the start of a
/// qualified name with its namespace. The reader expands every name in the model with it, and the model expands
/// the names the checks ask about.
struct SchemaAliases: Sendable {
    private let aliases: [(alias: String, namespace: String)]
    /// Whether every alias is ASCII: then a name's ASCII head is compared with them byte for byte.
    private let isASCII: Bool

    init(_ schemas: [ServiceMetadata.Schema]) {
        aliases = schemas.compactMap { schema in schema.alias.map { (alias: $0, namespace: schema.namespace) } }
        isASCII = aliases.allSatisfy { $0.alias.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// `name` with the alias before its first `.` replaced by the alias's namespace (the first schema with that
    /// alias); `name` itself when its head is no alias.
    func expanding(_ name: String) -> String { expandingIfAliased(name) ?? name }

    /// `expanding(_:)`'s answer when `name`'s head is an alias, else nil.
    func expandingIfAliased(_ name: String) -> String? {
        let utf8 = name.utf8
        // A name without a `.` byte has no `.` Character either.
        guard let byteDot = utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        guard !aliases.isEmpty else { return nil }
        // On bytes when the head is ASCII and a byte that starts a Character follows the `.` (ASCII, or nothing):
        // then that `.` is the first Character `.`, and an ASCII head equals an ASCII alias only byte for byte.
        if isASCII, utf8[..<byteDot].allSatisfy({ $0 < 0x80 }) {
            let after = utf8.index(after: byteDot)
            if after == utf8.endIndex || utf8[after] < 0x80 {
                for (alias, namespace) in aliases where utf8[..<byteDot].elementsEqual(alias.utf8) {
                    return namespace + name[byteDot...]
                }
                return nil
            }
        }
        // Any other name, by Characters.
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let head = name[..<dot]
        for (alias, namespace) in aliases where alias == head { return namespace + name[dot...] }
        return nil
    }
}
