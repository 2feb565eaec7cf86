import Crypto
import Foundation
public import SpecmarkContract
public import SpecmarkMetadata

/// The service metadata files of a run, read once: their digest keys the result cache, and they are parsed only
/// when the cache cannot answer.
public struct MetadataFiles: Sendable {
    private var files: [(source: MetadataSource, bytes: [UInt8])]

    /// Reads every source's bytes; an unreadable file is a `LintRun.Failure` (exit 2).
    public static func read(_ sources: [MetadataSource]) throws(LintRun.Failure) -> MetadataFiles {
        var files: [(MetadataSource, [UInt8])] = []
        for source in sources {
            switch FileReader.read(source.path, limit: 1 << 30) {
            case .success(let bytes): files.append((source, bytes))
            case .failure(let error):
                throw LintRun.Failure(description: "metadata \(source.path): \(error.reason)")
            }
        }
        return MetadataFiles(files: files)
    }

    public var isEmpty: Bool { files.isEmpty }

    /// What identifies the metadata in the result cache's key: each source's version, path and bytes.
    public var digest: String {
        files.map { file in
            let hash = SHA256.hash(data: file.bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            return "\nmetadata \(file.source) \(hash)"
        }.joined()
    }

    /// The parsed metadata; `display` maps the files' paths to the form reports show.
    public func catalog(display: DisplayPath) throws(MetadataError) -> MetadataCatalog {
        var entries: [MetadataCatalog.Entry] = []
        for file in files {
            let metadata = try CSDLReader.read(Data(file.bytes), file: display(file.source.path))
            entries.append(MetadataCatalog.Entry(version: file.source.version, metadata: metadata))
        }
        return MetadataCatalog(entries)
    }
}
