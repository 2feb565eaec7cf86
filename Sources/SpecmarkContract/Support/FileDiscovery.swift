import SpecmarkMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the Markdown files under the paths a user named.
///
/// Directories are walked recursively for `*.md` files, in sorted order so every run sees the same order.
/// Symbolic links are followed, but a link back into a directory already on the walk (a loop) is reported
/// and skipped; unreadable directories are reported and skipped. A named path that does not exist is an
/// error for the whole run (``FileDiscovery/Error``), not a diagnostic.
public struct FileDiscovery: Sendable {
    /// Why discovery could not even start.
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The result of a walk.
    public struct Result: Sendable {
        /// The Markdown files found, in walk order, paths joined onto the names given.
        public var files: [String]
        /// What was skipped and why (symlink loops, unreadable directories, directories named like pages).
        public var issues: [ExtractionIssue]
    }

    /// The file-name suffix of pages.
    public var suffix = ".md"

    public init() {}

    /// Walks `paths`; throws only when a named path does not exist or cannot be examined at all.
    ///
    /// An ``EarlyWalk`` of the same paths answers instead, once.
    public func discover(_ paths: [String]) throws(Error) -> Result {
        if let early = EarlyWalk.take(paths, suffix: suffix) { return try early.get() }
        return try walkPaths(paths)
    }

    /// Walks `paths` now.
    func walkPaths(_ paths: [String]) throws(Error) -> Result {
        var result = Result(files: [], issues: [])
        // A walk joins distinct names onto distinct directories, so one named path yields every file once; the
        // same file twice needs two named paths that overlap (`docs docs/api`), and only then is a set kept.
        var seenFiles: Set<String>? = paths.count > 1 ? [] : nil
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw Error(path: path, reason: Self.errorText(errno))
            }
            if Self.isDirectory(info) {
                var ancestors: [FileID] = []
                walk(directory: path, info: info, ancestors: &ancestors, into: &result, seen: &seenFiles)
            } else if seenFiles?.insert(path).inserted ?? true {
                result.files.append(path)
            }
        }
        return result
    }

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private func walk(
        directory: String, info: stat, ancestors: inout [FileID], into result: inout Result, seen: inout Set<String>?
    ) {
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if ancestors.contains(id) {
            result.issues.append(
                ExtractionIssue(
                    .fileSymlinkLoop, FindingMessage.symlinkLoop(directory).text,
                    at: SourceLocation(file: directory, range: SourceRange(1, 1, 1, 1))))
            return
        }
        guard let handle = opendir(directory) else {
            result.issues.append(
                ExtractionIssue(
                    .fileUnreadable, FindingMessage.directoryUnreadable(Self.errorText(errno)).text,
                    at: SourceLocation(file: directory, range: SourceRange(1, 1, 1, 1))))
            return
        }
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            // Read d_name in place: a dirent record can be shorter than `MemoryLayout<dirent>.size`,
            // so copying the struct out would read past the end of the directory buffer.
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
            let cName = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            // `.`, `..` and hidden entries are skipped on their first byte, before a string is made.
            if cName.pointee == CChar(UInt8(ascii: ".")) { continue }
            let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18
            entries.append(
                Entry(
                    String(cString: cName),
                    type: UnsafeRawPointer(entry).load(fromByteOffset: typeOffset, as: UInt8.self)
                ))
        }
        closedir(handle)
        let order = Self.sortedOrder(entries)
        ancestors.append(id)
        defer { ancestors.removeLast() }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for index in order {
            let name = entries[index].name
            let type = entries[index].type
            // The entry's type from the directory saves a stat per file; links and unknown types are followed.
            if type == UInt8(DT_REG) {
                if name.hasSuffix(suffix) {
                    let path = prefix + name
                    if seen?.insert(path).inserted ?? true { result.files.append(path) }
                }
                continue
            }
            let path = prefix + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else {
                // A dangling link or a file that vanished: only pages matter.
                if name.hasSuffix(suffix) {
                    result.issues.append(
                        ExtractionIssue(
                            .fileUnreadable, FindingMessage.fileUnreadable(Self.errorText(errno)).text,
                            at: SourceLocation(file: path, range: SourceRange(1, 1, 1, 1))))
                }
                continue
            }
            if Self.isDirectory(entryInfo) {
                walk(directory: path, info: entryInfo, ancestors: &ancestors, into: &result, seen: &seen)
            } else if name.hasSuffix(suffix), seen?.insert(path).inserted ?? true {
                result.files.append(path)
            }
        }
    }

    /// A directory entry, with what sorting reads: for an ASCII name, its first sixteen bytes as two big-endian
    /// numbers (zeros after a shorter name, which no name contains), so most comparisons are of integers; Graph's
    /// page names often share their first eight bytes (`accessreview…`), seldom sixteen.
    struct Entry {
        var name: String
        var type: UInt8
        var isASCII: Bool
        var key: UInt64 = 0
        var secondKey: UInt64 = 0

        init(_ name: String, type: UInt8) {
            self.name = name
            self.type = type
            isASCII = name.isAllASCII
            guard isASCII else { return }
            var shift: UInt64 = 56
            for byte in name.utf8.prefix(8) {
                key |= UInt64(byte) << shift
                shift &-= 8
            }
            shift = 56
            for byte in name.utf8.dropFirst(8).prefix(8) {
                secondKey |= UInt64(byte) << shift
                shift &-= 8
            }
        }
    }

    /// `lhs < rhs` as String orders their names: two ASCII names whose keys differ are in the keys' order.
    static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
        let bothASCII = lhs.isASCII && rhs.isASCII
        if bothASCII, lhs.key != rhs.key { return lhs.key < rhs.key }
        if bothASCII, lhs.secondKey != rhs.secondKey { return lhs.secondKey < rhs.secondKey }
        return precedes(lhs.name, rhs.name, bothASCII: bothASCII)
    }

    /// The indices of `entries` in the order of their names (``precedes(_:_:)-(Entry,Entry)``), ties in their
    /// given order. Indices are sorted, not the entries: moving an entry moves its name, and the sort of a large
    /// directory moved names some 200,000 times (a retain and a release each), all of it before any page is read.
    static func sortedOrder(_ entries: [Entry]) -> [Int] {
        var order = Array(entries.indices)
        entries.withUnsafeBufferPointer { entries in
            guard let base = entries.baseAddress else { return }
            order.sort { left, right in
                let (lhs, rhs) = (base + left, base + right)
                let bothASCII = lhs.pointee.isASCII && rhs.pointee.isASCII
                if bothASCII, lhs.pointee.key != rhs.pointee.key { return lhs.pointee.key < rhs.pointee.key }
                if bothASCII, lhs.pointee.secondKey != rhs.pointee.secondKey {
                    return lhs.pointee.secondKey < rhs.pointee.secondKey
                }
                return precedes(lhs.pointee.name, rhs.pointee.name, bothASCII: bothASCII)
            }
        }
        return order
    }

    /// `lhs < rhs` as String orders them. Two ASCII names (the caller says which are) are compared by their
    /// bytes, which is String's order for ASCII, with one `memcmp` instead of String's general comparison.
    static func precedes(_ lhs: String, _ rhs: String, bothASCII: Bool) -> Bool {
        guard bothASCII else { return lhs < rhs }
        let bytewise = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        return (bytewise ?? nil) ?? (lhs < rhs)
    }

    private static func isDirectory(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func errorText(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES: "permission denied"
        case ELOOP: "too many levels of symbolic links"
        case ENOTDIR: "a component of the path is not a directory"
        default: String(cString: strerror(code))
        }
    }
}

/// Reads files as bytes, reporting failures as values rather than thrown errors.
public enum FileReader {
    /// The largest file read: the Graph corpus's largest page is under 1 MB, and a larger one is a mistake (a
    /// generated dump, a binary) that would cost time and memory out of proportion.
    public static let maximumSize = 16 << 20

    /// The bytes of `path`, or why it cannot be read (a `file-unreadable` issue); files over `limit` bytes are not read.
    /// With `folder` (from ``Folders``), the file is opened by its name in that folder's descriptor.
    public static func read(
        _ path: String, limit: Int = maximumSize, in folder: Folders.Location = .none
    ) -> Swift.Result<[UInt8], FileReadError> {
        // `.none` is the working directory and the whole path: `open(path)` itself.
        let descriptor = path.withCString { openat(folder.descriptor, $0 + folder.nameOffset, O_RDONLY) }
        guard descriptor >= 0 else {
            return .failure(FileReadError(path: path, reason: FileDiscovery.errorText(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FileReadError(path: path, reason: "is a directory"))
        }
        let expected = Int(info.st_size)
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        guard expected <= limit else { return .failure(.tooLarge(path: path, size: expected, limit: limit)) }
        // Straight into the array, sized from fstat plus one byte to see the end: no zeroed chunk, no copy.
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 0) + 1) { buffer, initialized in
            while initialized < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let count = systemRead(descriptor, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
                // A regular file read short exactly at the size fstat gave has ended: asking again only to be told
                // so was a second read(2) per page. A file grown since fstat fills the extra byte and reads on below.
                if initialized == expected, isRegular { return }
            }
        }
        if let failure { return .failure(FileReadError(path: path, reason: FileDiscovery.errorText(failure))) }
        // A file larger than fstat said (still growing, or a device that never ends): read on, in chunks.
        if bytes.count > expected {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(FileReadError(path: path, reason: FileDiscovery.errorText(errno)))
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > limit { return .failure(.tooLarge(path: path, size: bytes.count, limit: limit)) }
            }
        }
        return .success(bytes)
    }
}

extension FileReader {
    /// The size and modification time (seconds since 1970) of `path`, or nil when it cannot be stat'ed. With
    /// `folder` (from ``Folders``), the file is looked up by its name in that folder's descriptor.
    public static func attributes(
        of path: String, in folder: Folders.Location = .none
    ) -> (size: Int64, modified: Double)? {
        var info = stat()
        guard path.withCString({ fstatat(folder.descriptor, $0 + folder.nameOffset, &info, 0) }) == 0 else {
            return nil
        }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return (Int64(info.st_size), Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9)
    }
}

extension FileReader {
    /// Descriptors of the folders that hold many files to read, so each is opened by its name alone: `open` walks
    /// every component of a path again (five for a Graph page, 8,800 times a run), `openat` one.
    ///
    /// Made once from the paths in walk order, where a folder's files stand together: a folder is opened when the
    /// paths move to it. A folder that cannot be opened, or a path without one, is read by its whole path.
    /// ``close()`` when the reading is done.
    public struct Folders: Sendable {
        /// Where one file is opened from: a folder descriptor and the offset of the file's name in its path.
        public struct Location: Sendable {
            let descriptor: Int32
            let nameOffset: Int
            /// By the whole path.
            public static let none = Location(descriptor: AT_FDCWD, nameOffset: 0)
        }

        private let locations: [Location]
        private let descriptors: [Int32]

        /// The folders of the `paths` at `reading` (all of them when nil), opened; the others are read by path. At most
        /// `maximumOpen` descriptors are held, so a tree of thousands of folders leaves the process descriptors
        /// for its pages; the files of folders past that are read by path.
        public init(_ paths: [String], reading: [Int]? = nil, maximumOpen: Int = 256) {
            var locations = [Location](repeating: .none, count: paths.count)
            var descriptors: [Int32] = []
            // The current folder's bytes, up to and with its final slash, and where its files are opened from.
            var folder: [UInt8] = []
            var current = Location.none
            for index in reading ?? Array(paths.indices) {
                var path = paths[index]
                let location = path.withUTF8 { bytes -> Location in
                    guard let base = bytes.baseAddress, var slash = bytes.indices.last else { return .none }
                    while slash >= 0 && bytes[slash] != UInt8(ascii: "/") { slash -= 1 }
                    let length = slash + 1
                    // No folder in the path, or no name after it: read by the whole path.
                    guard length > 0, length < bytes.count else { return .none }
                    if length != folder.count || memcmp(base, folder, length) != 0 {
                        folder = Array(bytes[0..<length])
                        let descriptor =
                            descriptors.count < maximumOpen
                            ? String(decoding: folder, as: UTF8.self).withCString {
                                open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                            } : -1
                        if descriptor >= 0 { descriptors.append(descriptor) }
                        current = descriptor >= 0 ? Location(descriptor: descriptor, nameOffset: length) : .none
                    }
                    return current
                }
                locations[index] = location
            }
            self.locations = locations
            self.descriptors = descriptors
        }

        /// Where to open `paths[index]` from.
        public subscript(index: Int) -> Location { locations[index] }

        /// Closes the folders' descriptors.
        public func close() {
            for descriptor in descriptors { _ = systemClose(descriptor) }
        }
    }
}

/// `close(2)`, from the C library (inside `Folders`, `close` names its own method).
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

/// `read(2)`, from the C library the file imports for the platform (a free function: inside `FileReader`, `read`
/// names the reader's own method).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A file that could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// Whether the file was left out on purpose (too large, binary) rather than failing to read.
    public var skipped = false

    public init(path: String, reason: String, skipped: Bool = false) {
        self.path = path
        self.reason = reason
        self.skipped = skipped
    }

    static func tooLarge(path: String, size: Int, limit: Int) -> FileReadError {
        FileReadError(
            path: path,
            reason: "it is \(megabytes(size)), more than the \(megabytes(limit)) a page may be; skipped", skipped: true)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / Double(1 << 20)
        return value >= 10 ? "\(Int(value.rounded())) MB" : "\((value * 10).rounded() / 10) MB"
    }

    public var description: String { "\(path): \(reason)" }

    /// The `file-unreadable` issue for this failure.
    public var issue: ExtractionIssue {
        ExtractionIssue(
            .fileUnreadable, (skipped ? FindingMessage.fileSkipped(reason) : .fileUnreadable(reason)).text,
            at: SourceLocation(file: path, range: SourceRange(1, 1, 1, 1)))
    }

    /// Whether `bytes` look like a binary file rather than text: more than 5% of the first 8 KB are control
    /// characters other than tab, line feed, form feed and carriage return (text has almost none; random bytes
    /// about 11%). A page with a stray NUL byte is still text.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, 8192)
        guard count >= 64 else { return false }
        let controls = bytes.withUnsafeBytes { buffer in
            // Eight bytes at a time: `(word | 0x80…) - 0x20…` borrows across no byte, and leaves a byte's high bit
            // clear exactly where its low seven bits are under 0x20; with the byte's own high bit clear too, the
            // byte is a control. Text has one in a line at most (its line feed), so most words have none, and
            // the few that do are looked at byte by byte.
            let high: UInt64 = 0x8080_8080_8080_8080
            let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D
            var controls = 0
            var offset = 0
            while offset + 8 <= count {
                let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                var mask = ~((word | high) &- 0x2020_2020_2020_2020) & ~word & high
                while mask != 0 {
                    let byte = UInt32(truncatingIfNeeded: word >> UInt64(mask.trailingZeroBitCount &- 7))
                    if allowed & (1 << (byte & 0x1F)) == 0 { controls &+= 1 }
                    mask &= mask &- 1
                }
                offset += 8
            }
            for byte in buffer[offset..<count] where byte < 0x20 && allowed & (1 << UInt32(byte)) == 0 {
                controls &+= 1
            }
            return controls
        }
        return controls * 20 > count
    }
}

extension FindingMessage {
    fileprivate static func symlinkLoop(_ directory: String) -> FindingMessage {
        FindingMessage("'\(directory)' links back to a directory above it; skipped")
    }

    fileprivate static func directoryUnreadable(_ reason: String) -> FindingMessage {
        FindingMessage("directory cannot be read: \(reason)")
    }

    fileprivate static func fileUnreadable(_ reason: String) -> FindingMessage {
        FindingMessage("file cannot be read: \(reason)")
    }

    fileprivate static func fileSkipped(_ reason: String) -> FindingMessage {
        FindingMessage("file not read: \(reason)")
    }
}
