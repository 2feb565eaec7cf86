/// The parts of a doc set that reports group files by: a docs lead's "workloads" (`intune`, `identity*`, `teams*`).
///
/// A file's area comes from its path below the API version and the `api`/`resources`/`includes` folder: the first
/// folder left when there is one (`sensors/` of `v1.0/api/sensors/reading-get.md`), else the first word of the file
/// name (`intune` of `api/intune-apps-mobileapp-get.md`); a metadata file is `metadata`. First words that share a prefix of five letters or more
/// are one area named by what they have in common and a star (`identityprovider` and `identityset` are
/// `identity*`), so a set of a thousand resources reads as a few dozen areas.
struct ReportAreas: Sendable {
    private var areaByWord: [String: String] = [:]
    /// The folder every file is in (`docs-samples/` when the run was given that folder), which says nothing.
    private var sharedFolder = ""

    /// The areas of `files`.
    init(files: some Sequence<String>) {
        let files = Array(files)
        sharedFolder = Self.sharedFolder(of: files)
        let words = Set(files.map { Self.word(of: $0, below: sharedFolder) })
        var byPrefix: [String: [String]] = [:]
        for word in words where word.count >= Self.prefixLength {
            byPrefix[String(word.prefix(Self.prefixLength)), default: []].append(word)
        }
        for word in words {
            guard word.count >= Self.prefixLength, let group = byPrefix[String(word.prefix(Self.prefixLength))],
                group.count > 1
            else {
                areaByWord[word] = word
                continue
            }
            areaByWord[word] = Self.commonPrefix(of: group) + "*"
        }
    }

    /// How many letters first words must share to be one area.
    private static let prefixLength = 5

    /// The area `file` belongs to (a file not given at init gets its own first word).
    func area(of file: String) -> String {
        let word = Self.word(of: file, below: sharedFolder)
        return areaByWord[word] ?? word
    }

    /// The first folder below `folder` and the version and kind folders, else the file name's first word;
    /// lower-cased.
    static func word(of file: String, below folder: String = "") -> String {
        let relative = file.hasPrefix(folder) ? file.dropFirst(folder.count) : Substring(file)
        var segments = relative.split(separator: "/", omittingEmptySubsequences: true).map { $0.lowercased() }
        guard let name = segments.popLast() else { return "other" }
        // The service's CSDL, wherever it lives (often outside the docs, by an absolute path).
        if name.hasSuffix(".xml") { return "metadata" }
        while let first = segments.first, first == "." || first == ".." || isVersion(first) || isKindFolder(first) {
            segments.removeFirst()
        }
        // `api-reference/v1.0/api/…`: the version is further in; what comes after it counts.
        if let version = segments.lastIndex(where: isVersion) {
            segments.removeSubrange(...version)
            while let first = segments.first, isKindFolder(first) { segments.removeFirst() }
        }
        if let folder = segments.first { return folder }
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let word = stem.prefix { $0 != "-" && $0 != "_" && $0 != "." }
        return word.isEmpty ? "other" : String(word)
    }

    /// The longest folder path, ending in `/`, that every file is in.
    static func sharedFolder(of files: [String]) -> String {
        guard var shared = files.first.map({ $0.split(separator: "/", omittingEmptySubsequences: false).dropLast() })
        else { return "" }
        for file in files.dropFirst() {
            let folders = file.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            let common = zip(shared, folders).prefix { $0 == $1 }.count
            shared = shared.prefix(common)
            if shared.isEmpty { return "" }
        }
        return shared.isEmpty ? "" : shared.joined(separator: "/") + "/"
    }

    private static func isVersion(_ segment: String) -> Bool {
        if segment == "beta" { return true }
        guard segment.first == "v", segment.count > 1 else { return false }
        return segment.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }

    private static func isKindFolder(_ segment: String) -> Bool {
        ["api", "resources", "includes", "api-reference", "concepts"].contains(segment)
    }

    private static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let letters = Array(word)
            var length = 0
            while length < min(prefix.count, letters.count) && prefix[length] == letters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        return String(prefix)
    }
}
