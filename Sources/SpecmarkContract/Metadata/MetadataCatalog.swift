import SpecmarkMarkdown
public import SpecmarkMetadata

/// Where a run's service metadata comes from: a CSDL file, for one API version or for every page.
public struct MetadataSource: Hashable, Sendable, CustomStringConvertible {
    /// The API version the file describes (`v1.0`), or nil for every page.
    public var version: String?
    public var path: String

    public init(version: String? = nil, path: String) {
        self.version = version
        self.path = path
    }

    /// Reads `--metadata` arguments: `FILE`, or `VERSION=FILE` (`v1.0=metadata/v1.0.xml`).
    public init(argument: String) {
        if let equals = argument.firstIndex(of: "="), !argument[..<equals].contains("/"), equals != argument.startIndex
        {
            self.init(version: String(argument[..<equals]), path: String(argument[argument.index(after: equals)...]))
        } else {
            self.init(path: argument)
        }
    }

    public var description: String { version.map { "\($0)=\(path)" } ?? path }
}

/// The service metadata of a run, by API version: the authority on types, properties, enums and paths for the
/// pages it applies to.
public struct MetadataCatalog: Sendable {
    /// One metadata document and the version it applies to (nil: every page without a version of its own).
    public struct Entry: Sendable {
        public var version: String?
        public var metadata: ServiceMetadata

        public init(version: String?, metadata: ServiceMetadata) {
            self.version = version
            self.metadata = metadata
        }
    }

    public private(set) var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Reads every source; the first unreadable or malformed one is the error. `display` maps a path to the form
    /// reports show (the CSDL file is a related location of every metadata finding).
    public static func load(
        _ sources: [MetadataSource], display: (String) -> String = { $0 }
    ) throws(MetadataError) -> MetadataCatalog {
        var entries: [Entry] = []
        for source in sources {
            var metadata = try CSDLReader.read(contentsOf: source.path)
            metadata.file = display(source.path)
            entries.append(Entry(version: source.version, metadata: metadata))
        }
        return MetadataCatalog(entries)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The metadata for pages of `version`: the one given for that version, else the one given for every page.
    public func metadata(forVersion version: String?) -> ServiceMetadata? {
        if let version, let entry = entries.first(where: { $0.version == version }) { return entry.metadata }
        return entries.first { $0.version == nil }?.metadata
    }
}

extension ServiceMetadata {
    /// A related location for a finding: the element's line in the CSDL file.
    public func location(_ location: MetadataLocation) -> SourceLocation {
        SourceLocation(
            file: file,
            range: SourceRange(location.line, location.column, location.line, location.column))
    }
}
