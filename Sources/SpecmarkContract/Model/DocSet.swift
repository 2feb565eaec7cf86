import Dispatch
public import Logging
import SpecmarkMarkdown
import SpecmarkMetadata
import Synchronization

/// The merged model of a set of pages: every page's contract plus the indexes the cross-page rules, replay
/// and the mock need (resources by type name, enums, examples by name).
public struct DocSet: Sendable {
    /// The pages, in discovery order.
    public var pages: [PageContract]
    /// What the merge found wrong across pages (duplicate types, base-type cycles), plus discovery problems.
    public var issues: [ExtractionIssue]
    public var configuration: ExtractionConfiguration {
        didSet { pathAliases = PathTemplate.Aliases(configuration.pathAliases) }
    }
    /// The configuration's path aliases, parsed once for every rule that applies them.
    public private(set) var pathAliases: PathTemplate.Aliases
    /// Resources by lower-cased qualified name.
    public private(set) var resourceIndex: [String: ResourceDefinition] = [:]
    /// Enums by lower-cased name (unqualified, as enum pages write them).
    public internal(set) var enumIndex: [String: EnumDefinition] = [:]
    /// Request examples by name: (page index, request index).
    public private(set) var requestsByName: [String: [ExampleReference]] = [:]
    /// The resources' names, sorted: suggestions read them in an order that does not change from run to run.
    public private(set) var typeNames: [String] = []
    /// Resources by lower-cased unqualified name (several namespaces may share one).
    public private(set) var shortNameIndex: [String: [ResourceDefinition]] = [:]
    /// Resources by the file that defines them.
    public private(set) var resourcesByFile: [String: [ResourceDefinition]] = [:]
    /// Page indexes by file (the first page, should a file be listed twice).
    public private(set) var pageIndex: [String: Int] = [:]
    /// Each indexed resource's properties with its base types', by the resource's name as written: built the
    /// first time a rule asks, on the rule's thread, so no table waits on one core and an unused one is never built.
    var propertyTables = PropertyTableCache([:])
    /// The service metadata the doc set is checked against (empty without `--metadata`).
    public internal(set) var metadata = MetadataCatalog()
    /// The issues the doc set was made with (discovery's), without the merge's: what a new merge starts from.
    private var inputIssues: [ExtractionIssue]

    /// Where an example lives.
    public struct ExampleReference: Hashable, Sendable {
        public var page: Int
        public var index: Int
    }

    /// Merges page contracts into a doc set.
    public init(pages: [PageContract], configuration: ExtractionConfiguration = .graph, issues: [ExtractionIssue] = [])
    {
        self.pages = pages
        self.configuration = configuration
        self.pathAliases = PathTemplate.Aliases(configuration.pathAliases)
        self.issues = issues
        self.inputIssues = issues
        // A large doc set's pages by file and requests by name are indexed on another core meanwhile: nothing below
        // reads them. A small one's are indexed here, in less time than a thread takes to start.
        let byFileAndName =
            pages.count >= Self.pagesIndexedAlongside ? Alongside { Self.pageAndRequestIndexes(of: pages) } : nil
        var firstDefinitions: [String: ResourceDefinition] = [:]
        // By index: binding each page would copy (retain) every field of every page, on one core.
        for pageIndex in pages.indices {
            for resource in pages[pageIndex].resources {
                let key = resource.name.lowercased()
                if let first = firstDefinitions[key] {
                    // Some workloads (Intune's deviceManagement) define one type across several pages: merge
                    // them, and report only where the pages contradict each other.
                    firstDefinitions[key] = merge(first, with: resource, in: pages[pageIndex].file)
                } else {
                    firstDefinitions[key] = resource
                }
            }
            for definition in pages[pageIndex].enums where enumIndex[definition.name.lowercased()] == nil {
                enumIndex[definition.name.lowercased()] = definition
            }
        }
        resourceIndex = firstDefinitions
        // The keys in name order, sorted once: no two resources share a name (they would share a key), and the
        // inference below changes base types, not names.
        let keysByName = firstDefinitions.map { (name: $0.value.name, key: $0.key) }.sorted { $0.name < $1.name }
            .map(\.key)
        for key in keysByName {
            let resource = firstDefinitions[key]!
            resourcesByFile[resource.file, default: []].append(resource)
        }
        // A page whose annotation has no baseType but whose prose says "Inherits from [x](x.md)" inherits from x.
        for (key, resource) in resourceIndex where resource.baseType == nil || resource.baseType?.isEmpty == true {
            guard let link = resource.inheritsFrom,
                let base = resourcesByFile[Self.resolveLink(link.destination, from: resource.file)]?.first,
                base.name != resource.name
            else { continue }
            resourceIndex[key]?.baseType = base.name
            resourceIndex[key]?.baseTypeIsInferred = true
        }
        resourcesByFile = [:]
        for key in keysByName {
            let resource = resourceIndex[key]!
            typeNames.append(resource.name)
            shortNameIndex[resource.shortName.lowercased(), default: []].append(resource)
            resourcesByFile[resource.file, default: []].append(resource)
        }
        reportBaseTypeCycles()
        propertyTables = PropertyTableCache(resourceIndex)
        (pageIndex, requestsByName) = byFileAndName?.value ?? Self.pageAndRequestIndexes(of: pages)
    }

    /// The number of pages from which a doc set's page and request indexes are built on another thread.
    static let pagesIndexedAlongside = 256

    /// Page indexes by file (the first page of a file wins) and request examples by name, in page order.
    private static func pageAndRequestIndexes(
        of pages: [PageContract]
    ) -> ([String: Int], [String: [ExampleReference]]) {
        var pageIndex: [String: Int] = [:]
        pageIndex.reserveCapacity(pages.count)
        // The first page of a name wins: written last to first, one hash of each path instead of a lookup and a
        // store.
        for index in pages.indices.reversed() { pageIndex[pages[index].file] = index }
        var requestsByName: [String: [ExampleReference]] = [:]
        for index in pages.indices {
            for requestIndex in pages[index].requests.indices {
                for name in pages[index].requests[requestIndex].names {
                    requestsByName[name, default: []].append(ExampleReference(page: index, index: requestIndex))
                }
            }
        }
        return (pageIndex, requestsByName)
    }

    /// The doc set with some pages replaced (by index), some added and some removed, merged again and checked
    /// against the same metadata: an editor's unsaved text, a file created or deleted, a page after fixes.
    public func replacingPages(
        _ replacements: [Int: PageContract], adding added: [PageContract] = [], removing removed: Set<Int> = []
    ) -> DocSet {
        var pages = self.pages
        for (index, page) in replacements where pages.indices.contains(index) { pages[index] = page }
        if !removed.isEmpty { pages = pages.indices.filter { !removed.contains($0) }.map { pages[$0] } }
        pages += added
        var docs = DocSet(pages: pages, configuration: configuration, issues: inputIssues)
        if !metadata.isEmpty { docs.apply(metadata) }
        return docs
    }

    /// `first` with the properties of a second definition of the same type added; contradictions (another
    /// base type, another type for the same property) are reported at the second definition.
    private mutating func merge(
        _ first: ResourceDefinition, with other: ResourceDefinition, in file: String
    ) -> ResourceDefinition {
        var merged = first
        let firstLocation = SourceLocation(file: first.file, range: first.annotation.range)
        func contradiction(_ message: FindingMessage, _ range: SourceRange, anchor: String) {
            issues.append(
                ExtractionIssue(
                    .resourceDuplicate, message.text, at: SourceLocation(file: file, range: range),
                    notes: [.init("first defined here", at: firstLocation)], anchor: anchor))
        }
        if let base = other.baseType, let firstBase = first.baseType, !base.isEmpty, !firstBase.isEmpty,
            base.lowercased() != firstBase.lowercased()
        {
            contradiction(
                .baseTypeContradiction(other.name, base, first: first.file, firstBase),
                other.annotation.range(of: "baseType"), anchor: "\(other.name):baseType")
        }
        for property in other.properties + other.relationships {
            if let existing = merged.property(named: property.name) {
                if existing.type.description.lowercased() != property.type.description.lowercased(),
                    !existing.type.isUnknown, !property.type.isUnknown
                {
                    contradiction(
                        .propertyTypeContradiction(
                            property.name, of: other.name, property.type.description, first: first.file,
                            existing.type.description),
                        property.range, anchor: "\(other.name).\(property.name)")
                }
            } else if property.isNavigation {
                merged.relationships.append(property)
            } else {
                merged.properties.append(property)
            }
        }
        return merged
    }

    // MARK: - Lookups

    /// The outcome of looking a type name up.
    public enum Lookup: Hashable, Sendable {
        case found(ResourceDefinition)
        /// Found only when case is ignored: the name as written differs in case from the definition.
        case caseMismatch(ResourceDefinition)
        case missing
    }

    /// Looks a type up by qualified name (`microsoft.graph.user`, `#microsoft.graph.user`,
    /// `Collection(microsoft.graph.user)`), ignoring case but telling when only case matched.
    public func lookup(_ name: String) -> Lookup {
        let normalized = Self.normalizedTypeName(name)
        guard let resource = resourceIndex[normalized.lowercased()] else { return .missing }
        return resource.name == normalized ? .found(resource) : .caseMismatch(resource)
    }

    /// The resource named `name`, whatever the case.
    public func resource(named name: String) -> ResourceDefinition? {
        resourceIndex[Self.normalizedTypeName(name).lowercased()]
    }

    /// The enum named `name` (qualified or not), whatever the case.
    public func enumeration(named name: String) -> EnumDefinition? {
        let short = name.lastPiece(separatedBy: UInt8(ascii: ".")).map(String.init) ?? name
        return enumIndex[short.lowercased()]
    }

    /// Every resource, sorted by name.
    public var resources: [ResourceDefinition] {
        resourceIndex.values.sorted { $0.name < $1.name }
    }

    /// `#microsoft.graph.user` → `microsoft.graph.user`; `Collection(x)` → `x`.
    public static func normalizedTypeName(_ name: String) -> String {
        var text = name.trimmingSpaces()
        if text.hasPrefix("#") { text.removeFirst() }
        if isCollection(text) {
            text = String(text.dropFirst(11).dropLast())
        }
        return text
    }

    /// Whether `text` is `Collection(…)`, in any case. An ASCII name (each Character a byte) is compared on its
    /// first bytes: lower-casing the whole name to read eleven of them cost 14 M instructions a Graph lint.
    private static func isCollection(_ text: String) -> Bool {
        guard text.hasSuffix(")") else { return false }
        guard text.isAllASCII else { return text.lowercased().hasPrefix("collection(") }
        return text.utf8.count >= collectionPrefix.count
            && ByteSearch.equal(text.utf8.prefix(collectionPrefix.count), collectionPrefix, ignoringASCIICase: true)
    }

    private static let collectionPrefix = Array("collection(".utf8)

    /// Whether a type name is an EDM primitive (`Edm.String`, `String`, `stream`) rather than a resource.
    public static func isPrimitiveTypeName(_ name: String) -> Bool {
        let type = TypeReference.parse(normalizedTypeName(name))
        return type.primitive != nil && !name.containsBytes("graph.")
    }

    /// The resource and its base types, nearest first; stops at a cycle or an unknown base type.
    public func inheritanceChain(of resource: ResourceDefinition) -> [ResourceDefinition] {
        var chain = [resource]
        var seen: Set<String> = [resource.name.lowercased()]
        var current = resource
        while let base = current.baseType, !base.isEmpty, let next = self.resource(named: base),
            seen.insert(next.name.lowercased()).inserted
        {
            chain.append(next)
            current = next
        }
        return chain
    }

    /// Properties and relationships of a resource and all its base types, nearest definition first.
    public func allProperties(of resource: ResourceDefinition) -> [PropertyDefinition] {
        var seen: Set<String> = []
        var result: [PropertyDefinition] = []
        for definition in inheritanceChain(of: resource) {
            for property in definition.properties + definition.relationships where seen.insert(property.name).inserted {
                result.append(property)
            }
        }
        return result
    }

    /// The properties of a resource and its base types, by name, and whether the type is open: computed once per
    /// indexed type, and on demand for a definition the index does not hold.
    public func propertyTable(of resource: ResourceDefinition) -> PropertyTable {
        if let slot = propertyTables.slots[resource.name] {
            let table = slot.table.load() ?? slot.table.storeIfNil(indexedTable(slot.key))
            if table.describes(resource) { return table }
        }
        return PropertyTable(resource, docs: self)
    }

    /// The table of the indexed resource under `key`: the metadata's view of its type where the metadata has it,
    /// otherwise the docs' own.
    private func indexedTable(_ key: String) -> PropertyTable {
        // The key came from the index, which does not change once the doc set is made.
        let resource = resourceIndex[key]!
        return metadataTable(of: resource) ?? PropertyTable(resource, docs: self)
    }

    /// Whether the resource or any base type is open (accepts undeclared properties).
    public func isOpenType(_ resource: ResourceDefinition) -> Bool {
        inheritanceChain(of: resource).contains { $0.isOpenType }
    }

    private mutating func reportBaseTypeCycles() {
        // Reported in name order. Only the few types on a cycle are sorted (stably, so ties keep the index's
        // order, as sorting every type first did), not every definition the doc set holds.
        var cycles: [(name: String, issue: ExtractionIssue)] = []
        for resource in resourceIndex.values {
            let own = resource.name.lowercased()
            var seen: [String] = [own]
            var current = resource
            while let base = current.baseType, !base.isEmpty, let next = self.resource(named: base) {
                let key = next.name.lowercased()
                if key == own {
                    let cycle = (seen.map { resourceIndex[$0]?.name ?? $0 } + [resource.name]).joined(separator: " → ")
                    cycles.append(
                        (
                            resource.name,
                            ExtractionIssue(
                                .resourceBaseTypeCycle, FindingMessage.baseTypeCycle(resource.name, cycle).text,
                                at: SourceLocation(
                                    file: resource.file, range: resource.annotation.range(of: "baseType")),
                                anchor: resource.name)
                        ))
                    break
                }
                if seen.contains(key) { break }
                seen.append(key)
                current = next
            }
        }
        issues += cycles.sorted { $0.name < $1.name }.map(\.issue)
    }
}

extension DocSet {
    /// Finds the pages under `paths`, extracts each concurrently (bounded by the core count) and merges them.
    ///
    /// Unreadable files and symbolic-link loops become issues; only a named path that does not exist
    /// throws. `display` maps a file path to the form reports show.
    public static func load(
        _ paths: [String], configuration: ExtractionConfiguration = .graph, logger: Logger,
        display: @escaping @Sendable (String) -> String = DisplayPath.standard,
        select: (@Sendable (String) -> Bool)? = nil
    ) async throws(FileDiscovery.Error) -> DocSet {
        var discovery = try FileDiscovery().discover(paths)
        if let select {
            discovery.files = discovery.files.filter { select(display($0)) }
        }
        return await load(discovery, configuration: configuration, logger: logger, display: display)
    }

    /// Reads and extracts the pages of a discovery, concurrently; `progress` hears of each page read (from any
    /// task) with the total. `context`, when given, lines up with `discovery.files`: a page it holds (for a run
    /// that checks other pages) is taken from there instead of being read.
    public static func load(
        _ discovery: FileDiscovery.Result, configuration: ExtractionConfiguration = .graph, logger: Logger,
        display: @escaping @Sendable (String) -> String = DisplayPath.standard,
        context: consuming [PageContext?] = [],
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async -> DocSet {
        let hasContext = context.count == discovery.files.count
        let reading =
            hasContext ? discovery.files.indices.filter { context[$0] == nil } : Array(discovery.files.indices)
        logger.debug(
            "discovered pages",
            metadata: ["count": "\(discovery.files.count)", "from context": "\(discovery.files.count - reading.count)"])
        let docs: DocSet
        if hasContext {
            let results = await readPages(
                discovery, at: reading, configuration: configuration, display: display, progress: progress)
            docs = assemble(
                discovery, configuration: configuration, display: display, context: consume context,
                reading: reading, results: consume results)
        } else {
            docs = readAll(discovery, configuration: configuration, display: display, progress: progress)
        }
        logger.debug(
            "extracted pages",
            metadata: ["pages": "\(docs.pages.count)", "unreadable": "\(discovery.files.count - docs.pages.count)"])
        return docs
    }

    /// The doc set of every page of a discovery, read and extracted concurrently; `progress` hears of each page
    /// read (from any thread) with the total. What ``readPages(_:at:configuration:display:progress:)`` and then
    /// ``assemble(_:configuration:display:context:reading:results:)`` make without a context, with each page
    /// written once, where the doc set keeps it.
    ///
    /// Those two moved every page twice on one core after the workers ended: out of the workers' slots into the
    /// results, and out of the results into the pages. For the Graph corpus each move is 4.6 MB, most of it into
    /// memory not touched before (a page fault every 4 KB). Here the workers extract straight into the pages'
    /// array; a page that cannot be read leaves a placeholder that is taken out afterwards, which only such a run
    /// pays for. The workers are Dispatch's (`concurrentPerform`): a task cannot fill an array's storage while the
    /// array is being made, and the thread that waits for them works through pages with them.
    public static func readAll(
        _ discovery: FileDiscovery.Result, configuration: ExtractionConfiguration = .graph,
        display: @escaping @Sendable (String) -> String = DisplayPath.standard,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> DocSet {
        let extractor = PageExtractor(configuration: configuration)
        let files = discovery.files
        let total = files.count
        let done = Atomic<Int>(0)
        let folders = FileReader.Folders(files)
        defer { folders.close() }
        // Why each page that is a placeholder could not be read, by its index; written by the worker that took it.
        let failures = UnsafeMutablePointer<FileReadError?>.allocate(capacity: total)
        failures.initialize(repeating: nil, count: total)
        defer { failures.deinitialize(count: total).deallocate() }
        var pages = [PageContract](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = PageSlots(pages: base, failures: failures)
            DispatchQueue.concurrentPerform(iterations: total) { index in
                defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, total) } }
                // Every index is taken by exactly one worker, so no two write one slot.
                switch read(files[index], in: folders[index], extractor: extractor, display: display) {
                case .success(let page): slots.pages.advanced(by: index).initialize(to: page)
                case .failure(let error):
                    slots.pages.advanced(by: index).initialize(to: .placeholder)
                    slots.failures[index] = error
                }
            }
            initialized = total
        }
        var issues = displayedIssues(of: discovery, display: display)
        let failed = (0..<total).filter { failures[$0] != nil }
        if !failed.isEmpty {
            issues += failed.map { unreadIssue(failures[$0]!, display: display) }
            let unread = Set(failed)
            pages = pages.indices.filter { !unread.contains($0) }.map { pages[$0] }
        }
        return DocSet(pages: pages, configuration: configuration, issues: issues)
    }

    /// What the walk of a discovery found wrong, at display paths.
    private static func displayedIssues(
        of discovery: FileDiscovery.Result, display: (String) -> String
    ) -> [ExtractionIssue] {
        discovery.issues.map { issue in
            var issue = issue
            issue.location.file = display(issue.location.file)
            return issue
        }
    }

    /// The issue for a page that could not be read, at its display path.
    private static func unreadIssue(_ error: FileReadError, display: (String) -> String) -> ExtractionIssue {
        var issue = error.issue
        issue.location.file = display(error.path)
        return issue
    }

    /// Where ``readAll(_:configuration:display:progress:)``'s workers write: each only at the index it took.
    private struct PageSlots: @unchecked Sendable {
        let pages: UnsafeMutablePointer<PageContract>
        let failures: UnsafeMutablePointer<FileReadError?>
    }

    /// One page read from its folder and extracted, or why it was not.
    private static func read(
        _ path: String, in folder: FileReader.Folders.Location, extractor: PageExtractor,
        display: (String) -> String
    ) -> Result<PageContract, FileReadError> {
        FileReader.read(path, in: folder).flatMap { bytes in
            guard !FileReadError.looksBinary(bytes) else {
                return .failure(
                    FileReadError(
                        path: path, reason: "it looks like a binary file (control bytes in its first 8 KB); skipped",
                        skipped: true))
            }
            return .success(extractor.extract(bytes: bytes, file: display(path)))
        }
    }

    /// The pages at `indexes` of a discovery's files, read and extracted concurrently, in the order of `indexes`;
    /// `progress` hears of each page read (from any task) with the total.
    public static func readPages(
        _ discovery: FileDiscovery.Result, at indexes: [Int], configuration: ExtractionConfiguration = .graph,
        display: @escaping @Sendable (String) -> String = DisplayPath.standard,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async -> [Result<PageContract, FileReadError>] {
        let extractor = PageExtractor(configuration: configuration)
        let total = indexes.count
        let done = Atomic<Int>(0)
        let files = discovery.files
        let folders = FileReader.Folders(files, reading: indexes)
        defer { folders.close() }
        return await concurrentMap(indexes) { index -> Result<PageContract, FileReadError> in
            defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, total) } }
            return read(files[index], in: folders[index], extractor: extractor, display: display)
        }
    }

    /// The doc set of a discovery's pages: each from `context` where it holds one (lined up with
    /// `discovery.files`, or empty), the others from `results`, which hold the pages at `reading` (ascending) in
    /// that order. A page that could not be read is an issue instead. Pages are moved, not copied, out of both.
    public static func assemble(
        _ discovery: FileDiscovery.Result, configuration: ExtractionConfiguration = .graph,
        display: @escaping @Sendable (String) -> String = DisplayPath.standard, context: consuming [PageContext?],
        reading: [Int], results: consuming [Result<PageContract, FileReadError>]
    ) -> DocSet {
        var context = context
        var results = results
        let files = discovery.files
        let hasContext = context.count == files.count
        var pages: [PageContract] = []
        pages.reserveCapacity(files.count)
        var issues = displayedIssues(of: discovery, display: display)
        // In discovery order, which merges and first-use rules depend on. Each page is moved out of the context
        // and the results, nothing or an empty failure left in its place; iterating would copy every page's
        // fields and free the originals later.
        var nextResult = 0
        for index in files.indices {
            if nextResult < reading.count, reading[nextResult] == index {
                var result = Result<PageContract, FileReadError>.failure(FileReadError(path: "", reason: ""))
                swap(&result, &results[nextResult])
                nextResult += 1
                switch consume result {
                case .success(let page): pages.append(page)
                case .failure(let error): issues.append(unreadIssue(error, display: display))
                }
            } else if hasContext, context[index] != nil {
                // Swapped out in place: `take()` and `.page` copied the page.
                var page = PageContract.placeholder
                swap(&page, &context[index]!.page)
                pages.append(page)
            }
        }
        return DocSet(pages: pages, configuration: configuration, issues: issues)
    }

    /// Every issue: each page's extraction issues, then the merge's and discovery's.
    public var allIssues: [ExtractionIssue] {
        pages.flatMap(\.issues) + issues
    }
}

/// The property tables of a doc set's indexed resources, each built once, by whichever thread asks first (two
/// that ask at once may both build it; the tables are equal and one is kept).
struct PropertyTableCache: Sendable {
    final class Slot: Sendable {
        /// The resource's key in ``DocSet/resourceIndex``.
        let key: String
        let table = LazyReference<PropertyTable>()

        init(key: String) { self.key = key }
    }

    /// By the resource's name as written.
    let slots: [String: Slot]

    /// An empty slot for every resource of `index`.
    init(_ index: [String: ResourceDefinition]) {
        var slots: [String: Slot] = [:]
        slots.reserveCapacity(index.count)
        for (key, resource) in index where slots[resource.name] == nil { slots[resource.name] = Slot(key: key) }
        self.slots = slots
    }
}

/// A resource's properties and relationships with those of its base types, nearest definition first, looked up
/// by name; and whether the resource or a base type is open.
public final class PropertyTable: Sendable {
    public let properties: [PropertyDefinition]
    public let isOpen: Bool
    /// For a property whose row the defining page's own JSON representation contradicts (the table says String,
    /// the representation and the examples show a Boolean), the type the representation shows: a value of either
    /// type conforms, so an example that agrees with the representation is not blamed for the table, which
    /// `resource-json-table-mismatch` reports once, on its row. Empty when the metadata decides the types.
    private let representationTypes: [String: TypeReference]
    private let positions: [String: Int]
    /// What identifies the definition the table was built from (a merged or re-based copy differs in these).
    private let file: String
    private let range: SourceRange
    private let baseType: String?
    private let ownCount: Int

    /// A table of given properties, the first of each name winning (the metadata's view of a type, with the docs'
    /// rows where they have them; or the docs' own, nearest definition first).
    convenience init(
        properties: [PropertyDefinition], isOpen: Bool, describing resource: ResourceDefinition,
        representationTypes: [String: TypeReference] = [:]
    ) {
        var positions: [String: Int] = [:]
        for (index, property) in properties.enumerated() where positions[property.name] == nil {
            positions[property.name] = index
        }
        self.init(
            properties: properties, positions: positions, isOpen: isOpen, describing: resource,
            representationTypes: representationTypes)
    }

    /// A table whose `positions` are already each name's first index in `properties`.
    private init(
        properties: [PropertyDefinition], positions: [String: Int], isOpen: Bool,
        describing resource: ResourceDefinition,
        representationTypes: [String: TypeReference]
    ) {
        self.properties = properties
        self.isOpen = isOpen
        self.representationTypes = representationTypes
        self.positions = positions
        file = resource.file
        range = resource.annotation.range
        baseType = resource.baseType
        ownCount = resource.properties.count + resource.relationships.count
    }

    /// What `allProperties(of:)` and `isOpenType(_:)` give, in one walk up the inheritance chain that copies no
    /// definition's property lists (`DocSet.init` builds one table per type, on one core).
    convenience init(_ resource: ResourceDefinition, docs: DocSet) {
        var properties: [PropertyDefinition] = []
        var positions: [String: Int] = [:]
        var representationTypes: [String: TypeReference] = [:]
        var isOpen = false
        var seenTypes: Set<String> = [resource.name.lowercased()]
        var current = resource
        while true {
            isOpen = isOpen || current.isOpenType
            let shownTypes = Dictionary(
                current.shownProperties.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            for property in current.properties where positions[property.name] == nil {
                positions[property.name] = properties.count
                properties.append(property)
                if !property.type.isUnknown, let written = shownTypes[property.name], written.primitive != .untyped,
                    !property.type.admits(written: written)
                {
                    representationTypes[property.name] = written
                }
            }
            for property in current.relationships where positions[property.name] == nil {
                positions[property.name] = properties.count
                properties.append(property)
            }
            // The JSON representation declares what it shows: all of a page with no table, and a property the
            // table leaves out (resource-json-table-mismatch reports that once, on the resource page).
            for property in current.shownProperties where positions[property.name] == nil {
                positions[property.name] = properties.count
                properties.append(property)
            }
            guard let base = current.baseType, !base.isEmpty, let next = docs.resource(named: base),
                seenTypes.insert(next.name.lowercased()).inserted
            else { break }
            current = next
        }
        // Every name was added once, at its first position: the positions are the table's as they are.
        self.init(
            properties: properties, positions: positions, isOpen: isOpen, describing: resource,
            representationTypes: representationTypes)
    }

    /// The property named exactly `name`, nearest definition first.
    public func property(named name: String) -> PropertyDefinition? {
        positions[name].map { properties[$0] }
    }

    /// The index in ``properties`` of the property named exactly `name`: for reading a field or two of it
    /// without copying the whole definition.
    public func position(of name: String) -> Int? {
        positions[name]
    }

    /// The type the JSON representation of the page defining `name` shows for it, where that contradicts the
    /// property's row; see ``representationTypes``.
    public func representationType(of name: String) -> TypeReference? {
        representationTypes.isEmpty ? nil : representationTypes[name]
    }

    /// Whether the table was built from `resource` as it is now.
    func describes(_ resource: ResourceDefinition) -> Bool {
        resource.file == file && resource.annotation.range == range && resource.baseType == baseType
            && resource.properties.count + resource.relationships.count == ownCount
    }
}

extension FindingMessage {
    fileprivate static func baseTypeContradiction(
        _ type: String, _ base: String, first file: String, _ firstBase: String
    ) -> FindingMessage {
        FindingMessage("type '\(type)' is defined again with base type '\(base)', but \(file) says '\(firstBase)'")
    }

    fileprivate static func propertyTypeContradiction(
        _ property: String, of type: String, _ here: String, first file: String, _ there: String
    ) -> FindingMessage {
        FindingMessage("property '\(property)' of '\(type)' is \(here) here but \(there) in \(file)")
    }

    fileprivate static func baseTypeCycle(_ type: String, _ cycle: String) -> FindingMessage {
        FindingMessage("base types of '\(type)' form a cycle: \(cycle)")
    }
}
