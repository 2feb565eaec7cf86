public import Logging
public import SpecmarkContract
public import SpecmarkMetadata

/// The pages a command reads, and which of them it reports on.
///
/// Pages and folders named on the command line are checked against the whole doc set their `.specmark.yml`
/// covers: every page it selects is read, so types, links and example names defined elsewhere resolve exactly as in
/// a run over all of them, and only the named pages are reported. Without a configuration file, or for paths
/// outside its folder, the named paths are the doc set.
public struct PageScope: Sendable {
    /// Every page to read, after the configuration's `include` and `exclude`, with what the walk found wrong.
    public var discovery: FileDiscovery.Result
    /// The display paths of the pages to report on, when they are only part of the doc set; nil for all of them.
    public var named: Set<String>?

    public init(discovery: FileDiscovery.Result, named: Set<String>? = nil) {
        self.discovery = discovery
        self.named = named
    }

    /// The scope of `paths` under `configuration`; throws when a named path does not exist.
    public static func resolve(
        _ paths: [String], configuration: SpecmarkConfiguration, display: DisplayPath = DisplayPath()
    ) throws(FileDiscovery.Error) -> PageScope {
        var discovery = try FileDiscovery().discover(paths)
        // Each path is shown only to be matched: without patterns, 8,812 display paths were made on one core
        // for nothing.
        if configuration.filtersPages {
            discovery.files = discovery.files.filter { configuration.selects(display($0)) }
        }
        guard configuration.path != nil else { return PageScope(discovery: discovery) }
        let root = normalized(configuration.directory)
        let base = root + "/"
        let absolutePaths = paths.map(normalized)
        guard absolutePaths.allSatisfy({ $0 == root || $0.hasPrefix(base) }) else {
            return PageScope(discovery: discovery)
        }
        // A path that is the configuration's folder asks for the whole doc set, which is what was found.
        if absolutePaths.contains(root) { return PageScope(discovery: discovery) }
        guard var context = try? FileDiscovery().discover([configuration.directory]) else {
            return PageScope(discovery: discovery)
        }
        if configuration.filtersPages {
            context.files = context.files.filter { configuration.selects(display($0)) }
        }
        var wanted = Set(discovery.files.map { SpecmarkConfiguration.absolute($0) })
        var named = Set<String>()
        for file in context.files where wanted.remove(SpecmarkConfiguration.absolute(file)) != nil {
            named.insert(display(file))
        }
        // A page named directly that the walk skips (in a hidden folder) is read all the same.
        for file in discovery.files where wanted.contains(SpecmarkConfiguration.absolute(file)) {
            context.files.append(file)
            named.insert(display(file))
        }
        // What the walk of the named paths found wrong (unreadable files and folders, loops) is reported with them;
        // the context walk's own findings outside them are not.
        context.issues = discovery.issues
        for issue in discovery.issues { named.insert(display(issue.location.file)) }
        return PageScope(discovery: context, named: named)
    }

    /// Reads the scope's doc set; returns it with the indexes of the named pages (nil: every page is named).
    ///
    /// The configuration's service metadata is read and applied to the doc set; an unreadable or malformed
    /// metadata file is the error.
    public func load(
        _ configuration: SpecmarkConfiguration, logger: Logger
    ) async throws(MetadataError) -> (docs: DocSet, pages: Set<Int>?) {
        var docs = await DocSet.load(discovery, configuration: configuration.extraction, logger: logger)
        if !configuration.metadata.isEmpty {
            docs.apply(try MetadataCatalog.load(configuration.metadata, display: DisplayPath().callAsFunction))
        }
        let pages = named.map { named in Set(docs.pages.indices.filter { named.contains(docs.pages[$0].file) }) }
        return (docs, pages)
    }

    /// `path` absolute, with `.`, `..`, repeated slashes and a trailing slash removed (`docs/` is `docs`).
    private static func normalized(_ path: String) -> String {
        var absolute = SpecmarkConfiguration.absolute(path)
        while absolute.count > 1, absolute.hasSuffix("/") { absolute.removeLast() }
        return absolute
    }
}
