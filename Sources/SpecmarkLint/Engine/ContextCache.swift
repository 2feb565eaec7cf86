import Foundation
public import Logging
public import SpecmarkContract

/// What every page contributes to other pages' checks (`PageContext`), from the last run that read every page,
/// so a run that checks a few pages (`--changed-since`, pages named one by one) reads only those and takes the
/// rest of the doc set from here.
///
/// Entries are keyed by the digest of a page's path and bytes (its `ResultCache.PageStamp`): a page whose bytes
/// changed has no entry and is parsed. The file records the format, Specmark's version and the extraction
/// settings; another of any of them, or damage, and the cache is ignored with a warning and rewritten by the next
/// full run. One file, written to a temporary name and renamed.
public struct ContextCache: Sendable {
    /// Bumped whenever `PageContext` or its encoding changes shape.
    static let formatVersion = 2
    static let magic = "SPECMARK-CONTEXT"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var path: String { (directory as NSString).appendingPathComponent("page-contexts.bin") }

    /// Stored contexts, found by the digest of a page's path and bytes and decoded when asked for (from any
    /// task: a run decodes thousands, on every core).
    public struct Contexts: Sendable {
        let bytes: [UInt8]
        /// Each entry's offset and length in `bytes`, by digest.
        let entries: [String: Range<Int>]

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
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = Array(data)
        var reader = BinaryReader(bytes)
        do {
            guard try reader.string() == Self.magic else { throw BinaryFormatError() }
            let format = try reader.int()
            let version = try reader.string()
            guard format == Self.formatVersion, version == SpecmarkVersion.current else {
                logger.warning(
                    "ignoring the context cache \(path): it was written by another version (\(version)); the next full run rewrites it"
                )
                return nil
            }
            guard try reader.string() == settings else {
                logger.debug("context cache: written with other settings")
                return nil
            }
            let count = try reader.count()
            var entries: [String: Range<Int>] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let digest = try reader.string()
                entries[digest] = try reader.skip(try reader.count())
            }
            guard reader.isAtEnd else { throw BinaryFormatError() }
            return Contexts(bytes: bytes, entries: entries)
        } catch {
            logger.warning(
                "ignoring the context cache \(path): it is not a Specmark cache or is damaged; the next full run rewrites it"
            )
            return nil
        }
    }

    /// Stores the context of every page of `docs` (all read in full), keyed by its stamp's digest.
    public func store(_ docs: DocSet, stamps: [ResultCache.PageStamp], settings: String, logger: Logger) async {
        let digests = Dictionary(stamps.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        let pages = docs.pages.compactMap { page in digests[page.file].map { (digest: $0, page: page) } }
        // Encoded in slices across cores, then joined in page order.
        let slices = stride(from: 0, to: pages.count, by: 256).map { $0..<min($0 + 256, pages.count) }
        let encoded = await concurrentMap(slices) { slice -> [UInt8] in
            var writer = BinaryWriter()
            for (digest, page) in pages[slice] {
                writer.string(digest)
                var entry = BinaryWriter()
                PageContext(page).encode(into: &entry)
                writer.int(entry.bytes.count)
                writer.append(entry.bytes)
            }
            return writer.bytes
        }
        var header = BinaryWriter()
        header.string(Self.magic)
        header.int(Self.formatVersion)
        header.string(SpecmarkVersion.current)
        header.string(settings)
        header.int(pages.count)
        var bytes = header.bytes
        for part in encoded { bytes += part }
        ResultCache.write(bytes, to: path, in: directory, what: "context cache", logger: logger)
    }
}
