import Crypto
import Foundation
public import Logging
public import SpecmarkContract
import SpecmarkMarkdown

/// The findings of the last run, reused while nothing they depend on has changed.
///
/// The key is a SHA-256 over Specmark's build (`SpecmarkVersion.build`), the settings that shape findings, the pages selected for
/// reporting, and the path and bytes of every page read — so editing, adding, removing or renaming any page,
/// or changing the configuration, misses. A page whose size and modification time (to the nanosecond) are
/// what the last run recorded is not read again: its recorded digest stands for its bytes. Files outside the doc set that rules looked at (link targets,
/// folders listed for suggestions) are recorded with their size and modification time and checked again
/// before a hit is used. The cache is one file in the cache directory (see `BinaryWriter`), written to a temporary name and
/// renamed; an unreadable, corrupt or other-build cache is ignored with a warning and rewritten.
public struct ResultCache: Sendable {
    /// Bumped whenever what is stored, or what findings depend on, changes shape.
    static let formatVersion = 1

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var path: String { (directory as NSString).appendingPathComponent("lint-results.bin") }

    static let magic = "SPECMARK-RESULTS"

    /// What is stored.
    struct Entry {
        var format: Int
        var version: String
        var key: String
        var pages: [PageStamp]
        var files: [String]
        var diagnostics: [Diagnostic]
        var consulted: [ConsultedFile]
    }

    /// A page as it was read: its size and modification time, and the digest of its path and bytes. A page
    /// whose size and time are unchanged is not read again to compute the key (as git's index does).
    public struct PageStamp: Sendable {
        public var path: String
        public var size: Int64
        public var modified: Double
        public var digest: String
    }

    /// A file or folder a rule looked at, as it was.
    struct ConsultedFile: Equatable {
        var path: String
        var exists: Bool
        var size: Int64
        var modified: Double

        init(path: String, exists: Bool, size: Int64, modified: Double) {
            self.path = path
            self.exists = exists
            self.size = size
            self.modified = modified
        }

        init(path: String) {
            self.path = path
            let info = FileReader.attributes(of: path)
            exists = info != nil
            size = info?.size ?? 0
            modified = info?.modified ?? 0
        }
    }

    /// A run's findings from the cache.
    public struct Hit: Sendable {
        public var files: [String]
        public var diagnostics: [Diagnostic]
    }

    /// The previous run, as far as it is needed to decide whether it can be reused.
    public struct Previous: Sendable {
        /// The entry's header: its key and stamps, without findings.
        fileprivate let entry: Entry
        /// Where the findings start.
        fileprivate let findings: BinaryReader
        let stamps: [String: PageStamp]

        fileprivate init(_ entry: Entry, findings: BinaryReader) {
            self.entry = entry
            self.findings = findings
            stamps = Dictionary(entry.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The previous run's entry, or nil (with a warning when the file is there but unusable).
    public func previous(logger: Logger) -> Previous? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard case .success(let bytes) = FileReader.read(path, limit: .max) else {
            logger.warning("ignoring the result cache: \(path) cannot be read; it will be rewritten")
            return nil
        }
        let entry: Entry
        var reader = BinaryReader(bytes)
        do {
            entry = try Entry.header(&reader)
        } catch {
            logger.warning(
                "ignoring the result cache \(path): it is not a Specmark cache or is damaged; it will be rewritten")
            return nil
        }
        guard entry.format == Self.formatVersion, entry.version == SpecmarkVersion.build else {
            logger.warning(
                "ignoring the result cache \(path): it was written by another build of Specmark (\(entry.version)); it will be rewritten"
            )
            return nil
        }
        return Previous(entry, findings: reader)
    }

    /// The stamp of the page at `file` (shown as `display`): from `previous` when its size and time are
    /// unchanged, else by reading and hashing it.
    /// With `folder` (from `FileReader.Folders`), the file is looked up by its name in its folder.
    public static func stamp(
        file: String, display: String, previous: Previous?, in folder: FileReader.Folders.Location = .none
    ) -> PageStamp {
        let info = FileReader.attributes(of: file, in: folder)
        if let info, let known = previous?.stamps[display], known.size == info.size, known.modified == info.modified {
            return known
        }
        var hash = SHA256()
        hash.update(data: Array(display.utf8))
        hash.update(data: [0])
        hash.update(data: (try? FileReader.read(file, in: folder).get()) ?? [])
        return PageStamp(
            path: display, size: info?.size ?? -1, modified: info?.modified ?? 0,
            digest: hex(hash.finalize()))
    }

    /// A digest in lower-case hex (`String(format:)` per byte took most of the time of stamping a page).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key for a run over pages with these stamps and `settings`.
    public static func key(stamps: [PageStamp], settings: String) -> String {
        var hash = SHA256()
        hash.update(data: Array("format \(formatVersion); specmark \(SpecmarkVersion.build)\n\(settings)\n".utf8))
        for stamp in stamps.sorted(by: { $0.path < $1.path }) { hash.update(data: Array(stamp.digest.utf8)) }
        return hex(hash.finalize())
    }

    /// The previous run's findings, when its key is `key` and every file it consulted is as it was.
    public func lookup(_ key: String, in previous: Previous?, logger: Logger) -> Hit? {
        guard let previous, previous.entry.key == key else {
            if previous != nil { logger.debug("result cache: pages or settings changed") }
            return nil
        }
        var entry = previous.entry
        var reader = previous.findings
        do {
            try entry.readFindings(&reader)
        } catch {
            logger.warning(
                "ignoring the result cache \(path): it is not a Specmark cache or is damaged; it will be rewritten")
            return nil
        }
        if let changed = entry.consulted.first(where: { ConsultedFile(path: $0.path) != $0 }) {
            logger.debug("result cache: a linked file changed", metadata: ["path": "\(changed.path)"])
            return nil
        }
        return Hit(files: entry.files, diagnostics: entry.diagnostics)
    }

    /// Stores a run's findings (one run's worth: the previous entry is replaced).
    public func store(
        _ key: String, stamps: [PageStamp], files: [String], diagnostics: [Diagnostic], consulted: Set<String>,
        logger: Logger
    ) {
        let entry = Entry(
            format: Self.formatVersion, version: SpecmarkVersion.build, key: key, pages: stamps, files: files,
            diagnostics: diagnostics, consulted: consulted.sorted().map(ConsultedFile.init(path:)))
        Self.write(entry.encoded(), to: path, in: directory, what: "result cache", logger: logger)
    }

    /// Writes a cache file atomically (a temporary name, then a rename), creating its directory; a failure is
    /// a warning, never an error: the run's findings do not depend on it.
    static func write(_ bytes: [UInt8], to path: String, in directory: String, what: String, logger: Logger) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            logger.warning("could not write the \(what) \(path): \(error.localizedDescription)")
        }
    }
}

extension ResultCache.Entry {
    func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(ResultCache.magic)
        writer.int(format)
        writer.string(version)
        writer.string(key)
        writer.int(pages.count)
        for page in pages {
            writer.string(page.path)
            writer.int(Int(page.size))
            writer.double(page.modified)
            writer.string(page.digest)
        }
        writer.int(files.count)
        for file in files { writer.string(file) }
        writer.int(diagnostics.count)
        for diagnostic in diagnostics { writer.diagnostic(diagnostic) }
        writer.int(consulted.count)
        for file in consulted {
            writer.string(file.path)
            writer.bool(file.exists)
            writer.int(Int(file.size))
            writer.double(file.modified)
        }
        return writer.bytes
    }

    /// Reads an entry; the format number and version are read before anything else, so an entry of another
    /// format is reported as such, not as damage.
    init(_ bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes)
        self = try Self.header(&reader)
        guard format == ResultCache.formatVersion, version == SpecmarkVersion.build else { return }
        try readFindings(&reader)
    }

    /// The entry up to its stamps, with no findings; `reader` is left where the findings start, so a run whose
    /// key misses never decodes them.
    static func header(_ reader: inout BinaryReader) throws -> Self {
        guard try reader.string() == ResultCache.magic else { throw BinaryFormatError() }
        var entry = Self(
            format: try reader.int(), version: try reader.string(), key: "", pages: [], files: [], diagnostics: [],
            consulted: [])
        guard entry.format == ResultCache.formatVersion, entry.version == SpecmarkVersion.build else { return entry }
        entry.key = try reader.string()
        entry.pages = try (0..<reader.count()).map { _ in
            ResultCache.PageStamp(
                path: try reader.string(), size: Int64(try reader.int()), modified: try reader.double(),
                digest: try reader.string())
        }
        return entry
    }

    /// Reads the files, findings and consulted files that follow the header, to the end.
    mutating func readFindings(_ reader: inout BinaryReader) throws {
        files = try (0..<reader.count()).map { _ in try reader.string() }
        diagnostics = try (0..<reader.count()).map { _ in try reader.diagnostic() }
        consulted = try (0..<reader.count()).map { _ in
            ResultCache.ConsultedFile(
                path: try reader.string(), exists: try reader.bool(), size: Int64(try reader.int()),
                modified: try reader.double())
        }
        guard reader.isAtEnd else { throw BinaryFormatError() }
    }
}

/// A description of a value that is the same in every process: dictionaries and sets (whose iteration order
/// is seeded per process) are written in sorted order, everything else field by field.
public enum CanonicalDescription {
    public static func of(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            return "[" + mirror.children.map { of($0.value) }.sorted().joined(separator: ", ") + "]"
        case .struct, .class, .tuple, .collection, .enum, .optional:
            guard !mirror.children.isEmpty else { return String(describing: value) }
            let fields = mirror.children.map { child in (child.label.map { "\($0): " } ?? "") + of(child.value) }
            let name = mirror.displayStyle == .enum ? String(describing: value).prefix { $0 != "(" } + "" : ""
            return "\(name)(" + fields.joined(separator: ", ") + ")"
        default:
            return String(describing: value)
        }
    }
}
