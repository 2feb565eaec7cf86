/// The schemas' aliases (`graph` for `microsoft.graph`), in schema order: replaces an alias at the start of a
/// qualified name with its namespace. The reader expands every name in the model with it, and the model expands
/// the names the checks ask about.
struct SchemaAliases: Sendable {
    private let aliases: [(alias: String, namespace: String)]
    /// Each alias's bytes, when every alias is ASCII: then a name's ASCII head is compared with them byte for
    /// byte. Nil when an alias is not ASCII.
    private let asciiAliases: [[UInt8]]?

    init(_ schemas: [ServiceMetadata.Schema]) {
        aliases = schemas.compactMap { schema in schema.alias.map { (alias: $0, namespace: schema.namespace) } }
        let bytes = aliases.map { Array($0.alias.utf8) }
        asciiAliases = bytes.allSatisfy { $0.allSatisfy { $0 < 0x80 } } ? bytes : nil
    }

    /// `name` with the alias before its first `.` replaced by the alias's namespace (the first schema with that
    /// alias); `name` itself when its head is no alias.
    func expanding(_ name: String) -> String { expandingIfAliased(name) ?? name }

    /// What reading a name's bytes found.
    private enum Reading {
        case noAlias
        case alias(Int, dot: Int)
        /// A head that is not ASCII, or a byte after the `.` that does not start a Character.
        case byCharacters
    }

    /// `expanding(_:)`'s answer when `name`'s head is an alias, else nil.
    func expandingIfAliased(_ name: String) -> String? {
        guard !aliases.isEmpty else { return nil }
        var name = name
        // On bytes when the head is ASCII and a byte that starts a Character follows the `.` (ASCII, or nothing):
        // then that `.` is the first Character `.`, and an ASCII head equals an ASCII alias only byte for byte. A
        // name without a `.` byte has no `.` Character either.
        let reading = name.withUTF8 { bytes -> Reading in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return .noAlias }
            guard let asciiAliases else { return .byCharacters }
            for index in 0..<dot where bytes[index] >= 0x80 { return .byCharacters }
            if dot + 1 < bytes.count, bytes[dot + 1] >= 0x80 { return .byCharacters }
            let head = UnsafeBufferPointer(rebasing: bytes[..<dot])
            for (index, alias) in asciiAliases.enumerated() where alias.count == dot && head.elementsEqual(alias) {
                return .alias(index, dot: dot)
            }
            return .noAlias
        }
        switch reading {
        case .noAlias:
            return nil
        case .alias(let index, let dot):
            let namespace = aliases[index].namespace
            return name.withUTF8 { bytes in
                namespace + String(decoding: UnsafeBufferPointer(rebasing: bytes[dot...]), as: UTF8.self)
            }
        case .byCharacters:
            guard let dot = name.firstIndex(of: ".") else { return nil }
            let head = name[..<dot]
            for (alias, namespace) in aliases where alias == head { return namespace + name[dot...] }
            return nil
        }
    }
}
