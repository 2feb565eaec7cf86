import Foundation
public import Logging
public import SpecmarkContract

/// What every page contributes to other pages' checks (`PageContext`), so a run that checks a few pages
/// (`--changed-since`, pages named one by one) reads only those and takes the rest of the doc set from here.
///
/// Entries are keyed by the digest of a page's path and bytes (its `ResultCache.PageStamp`): a page whose bytes
/// changed has no entry and is parsed. A full run writes every page to `page-contexts.bin`. A run over a few
/// pages appends the pages it had to parse to a small second file, `page-contexts-added.bin`, so an author who
/// edits page after page keeps parsing only the page in hand without rewriting megabytes each time; when that file
/// outgrows an eighth of the first, both are folded into one. Each file records the format, Specmark's build and
/// the extraction settings; another of any of them, or damage, and the file is ignored with a warning and
/// rewritten by the next run. Files are written to a temporary name and renamed.
public struct ContextCache: Sendable {
    /// Bumped whenever `PageContext` or its encoding changes shape.
    static let formatVersion = 5
    static let magic = "SPECMARK-CONTEXT"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var path: String { (directory as NSString).appendingPathComponent("page-contexts.bin") }
    var addedPath: String { (directory as NSString).appendingPathComponent("page-contexts-added.bin") }

    /// Stored contexts, found by the digest of a page's path and bytes and decoded when asked for (from any
    /// task: a run decodes thousands, on every core).
    public struct Contexts: Sendable {
        /// Both files' bytes, the added entries after the others.
        let bytes: [UInt8]
        /// Each entry's offset and length in `bytes`, by digest.
        let entries: [String: Range<Int>]
        /// The digests of the entries read from the added file, in its order.
        let added: [String]

        /// The context stored for `digest`; nil when there is none or its bytes do not decode.
        public subscript(digest: String) -> PageContext? {
            guard let range = entries[digest] else { return nil }
            var reader = BinaryReader(bytes, range: range)
            guard let context = try? PageContext(from: &reader), reader.isAtEnd else { return nil }
            return context
        }
    }

    /// The stored contexts, or nil when there are none for these settings.
    public func load(settings: String, logger: Logger) -> Contexts? {
        // Read straight into the array (`FileManager` gives `Data`, copied twice more on the way to bytes).
        guard case .success(var bytes) = FileReader.read(path, limit: .max) else { return nil }
        var entries: [String: Range<Int>] = [:]
        guard read(bytes, at: path, settings: settings, into: &entries, logger: logger) != nil else { return nil }
        var added: [String] = []
        if case .success(let data) = FileReader.read(addedPath, limit: .max) {
            let offset = bytes.count
            bytes.append(contentsOf: data)
            var addedEntries: [String: Range<Int>] = [:]
            if let digests = read(
                bytes, from: offset, at: addedPath, settings: settings, into: &addedEntries, logger: logger)
            {
                added = digests
                entries.merge(addedEntries) { _, new in new }
            } else {
                bytes.removeSubrange(offset...)
            }
        }
        return Contexts(bytes: bytes, entries: entries, added: added)
    }

    /// Reads the entries of the file whose bytes start at `offset` in `bytes`; returns their digests in order, or
    /// nil (with a warning, or a debug line for other settings) when the file is not for this build and settings.
    private func read(
        _ bytes: [UInt8], from offset: Int = 0, at path: String, settings: String,
        into entries: inout [String: Range<Int>], logger: Logger
    ) -> [String]? {
        var reader = BinaryReader(bytes, range: offset..<bytes.count)
        do {
            guard try reader.string() == Self.magic else { throw BinaryFormatError() }
            let format = try reader.int()
            let version = try reader.string()
            guard format == Self.formatVersion, version == SpecmarkVersion.build else {
                logger.warning(
                    "ignoring the context cache \(path): it was written by another build of Specmark (\(version)); the next run rewrites it"
                )
                return nil
            }
            guard try reader.string() == settings else {
                logger.debug("context cache: written with other settings", metadata: ["path": "\(path)"])
                return nil
            }
            let count = try reader.count()
            var digests: [String] = []
            digests.reserveCapacity(count)
            entries.reserveCapacity(entries.count + count)
            for _ in 0..<count {
                let digest = try reader.string()
                entries[digest] = try reader.skip(try reader.count())
                digests.append(digest)
            }
            guard reader.isAtEnd else { throw BinaryFormatError() }
            return digests
        } catch {
            logger.warning(
                "ignoring the context cache \(path): it is not a Specmark cache or is damaged; the next run rewrites it"
            )
            entries = [:]
            return nil
        }
    }

    /// Stores the context of every page of `docs`, keyed by its stamp's digest.
    ///
    /// Pages with an entry in `stored` keep its bytes (a page taken from the cache is not a whole page, so it is
    /// never encoded again); the others must have been read in full. When `stored` is given and has most pages,
    /// only the pages it lacks are written, to the added file; when it has them all, nothing is written.
    public func store(
        _ docs: DocSet, stamps: [ResultCache.PageStamp], reusing stored: Contexts? = nil, settings: String,
        logger: Logger
    ) async {
        if let stored {
            // The pages stored lacks: looked up from the stamps, so a run over a few pages touches only those.
            let missingStamps = stamps.filter { stored.entries[$0.digest] == nil }
            let missing = Self.pages(of: docs, stamps: missingStamps)
            if missing.isEmpty {
                logger.debug("context cache: every page already has an entry")
                return
            }
            if stored.added.count + missing.count <= max(64, (stored.entries.count - stored.added.count) / 8) {
                var writer = BinaryWriter()
                var count = missing.count
                for digest in stored.added where Self.copyEntry(digest, from: stored, into: &writer) { count += 1 }
                for (digest, page) in missing {
                    Self.entry(digest, page: docs.pages[page], reusing: nil, into: &writer)
                }
                ResultCache.write(
                    Self.header(settings: settings, count: count) + writer.bytes, to: addedPath, in: directory,
                    what: "context cache", logger: logger)
                logger.debug("context cache: entries added", metadata: ["count": "\(missing.count)"])
                return
            }
        }
        let pages = Self.pages(of: docs, stamps: stamps)
        // Encoded in slices across cores, then joined in page order.
        let slices = stride(from: 0, to: pages.count, by: 256).map { $0..<min($0 + 256, pages.count) }
        let encoded = await concurrentMap(slices) { slice -> [UInt8] in
            var writer = BinaryWriter()
            for (digest, page) in pages[slice] {
                Self.entry(digest, page: docs.pages[page], reusing: stored, into: &writer)
            }
            return writer.bytes
        }
        var bytes = Self.header(settings: settings, count: pages.count)
        for part in encoded { bytes += part }
        ResultCache.write(bytes, to: path, in: directory, what: "context cache", logger: logger)
        // What the added file held is in the main file now (a missing file is fine).
        try? FileManager.default.removeItem(atPath: addedPath)
    }

    /// The index in `docs.pages` of each stamped page that was read, with its digest, in page order.
    private static func pages(of docs: DocSet, stamps: [ResultCache.PageStamp]) -> [(digest: String, page: Int)] {
        guard !stamps.isEmpty else { return [] }
        let digests = Dictionary(stamps.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        return docs.pages.indices.compactMap { index in digests[docs.pages[index].file].map { ($0, index) } }
    }

    private static func header(settings: String, count: Int) -> [UInt8] {
        var header = BinaryWriter()
        header.string(magic)
        header.int(formatVersion)
        header.string(SpecmarkVersion.build)
        header.string(settings)
        header.int(count)
        return header.bytes
    }

    /// One entry: the bytes `stored` has for `digest` when it has some, else `page`'s context encoded.
    private static func entry(
        _ digest: String, page: PageContract, reusing stored: Contexts?, into writer: inout BinaryWriter
    ) {
        if let stored, copyEntry(digest, from: stored, into: &writer) { return }
        writer.string(digest)
        var entry = BinaryWriter()
        PageContext(page).encode(into: &entry)
        writer.int(entry.bytes.count)
        writer.append(entry.bytes)
    }

    /// Writes the entry `stored` has for `digest`, as it is; false when it has none.
    private static func copyEntry(_ digest: String, from stored: Contexts, into writer: inout BinaryWriter) -> Bool {
        guard let range = stored.entries[digest] else { return false }
        writer.string(digest)
        writer.int(range.count)
        writer.append(stored.bytes[range])
        return true
    }
}
