import Foundation
import SpecmarkContract
import SpecmarkMarkdown

/// A relative link points to a file that does not exist; the same pass checks anchors and includes, resolving
/// each target file once.
struct LinkBrokenRule: LintRule {
    static let caseMismatch = "link-case-mismatch"
    static let anchorMissing = "link-anchor-missing"
    static let includeMissing = "include-missing"

    let description = RuleDescription(
        id: "link-broken",
        family: .links,
        summary: "a relative link points to a file that does not exist",
        defaultSeverity: .error,
        rationale: """
            A broken link sends readers to a 404 (or, for an image, shows nothing). Relative links are resolved \
            against the page's folder; web links, `mailto:` and site-absolute links (`/graph/…`, `/azure/…`) are \
            not checked. Each target file is looked up once per run.
            """,
        triggeringExamples: [
            RuleExample(
                "Returns a [widget](1️⃣../resources/widgets.md1️⃣) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"],
                messages: ["link target '../resources/widgets.md' does not exist; did you mean 'widget.md'?"]),
            // An image shows nothing.
            RuleExample(
                "![How a widget is built](1️⃣../images/widget-build.png1️⃣)\n", file: "api/widget-get.md",
                messages: ["link target '../images/widget-build.png' does not exist"]),
            // Backslashes are no folder separators on the web: the message says so, not "does not exist".
            RuleExample(
                "Returns a [widget](1️⃣..\\resources\\widget.md1️⃣) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"],
                messages: [
                    "link target '..\\resources\\widget.md' uses backslashes as separators; use '/' ('../resources/widget.md')"
                ]),
            // An invisible character in the target is written by code point.
            RuleExample(
                "Returns a [widget](1️⃣../resources/widget\u{200B}.md1️⃣) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"],
                messages: ["link target '../resources/widget<U+200B>.md' does not exist; did you mean 'widget.md'?"]),
        ],
        nonTriggeringExamples: [
            // Web links, mailto: and site-absolute links are not checked.
            RuleExample(
                """
                Returns a [widget](../resources/widget.md) object; see [permissions](/graph/permissions-reference), \
                [the spec](https://example.com/spec) and [the team](mailto:widgets@contoso.com).
                """,
                file: "api/widget-get.md", otherPages: ["resources/widget.md": "# widget\n"])
        ]
    )

    var isPageRule: Bool { false }
    var checksPagesIndependently: Bool { true }
    let reportsFor = [caseMismatch, anchorMissing, includeMissing]

    func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {
        var targets = LinkTargets(docs: docs, files: context.files)
        // By index: `for page in docs.pages` would copy every page (a retain per field) to read a few.
        for index in report.pagesToCheck(in: docs) {
            let file = docs.pages[index].file
            // Links and includes by index too: iterating would copy each one (a retain for each of its strings).
            let links = docs.pages[index].links
            for link in links.indices {
                check(
                    links[link].destination, at: links[link].destinationRange ?? links[link].range, on: file,
                    targets: &targets, report: &report)
            }
            let includes = docs.pages[index].includes
            for include in includes.indices {
                let path = includes[include].path
                guard let target = targets.resolveInclude(path, from: file), !targets.exists(target) else {
                    continue
                }
                report.report(
                    .includeMissing(path), in: file, at: includes[include].pathRange, anchor: "include:\(path)",
                    ruleID: Self.includeMissing)
            }
        }
    }

    /// Checks the link to `destination` on `file`; `range` is where a finding goes: the destination, what the
    /// author fixes, or for a link without one in the text (a reference link) the link's start.
    private func check(
        _ destination: String, at range: SourceRange, on file: String, targets: inout LinkTargets,
        report: inout Findings
    ) {
        guard let (pathPart, fragment, resolved) = targets.resolve(destination, from: file) else { return }
        let target = resolved ?? file
        if !pathPart.isEmpty && !targets.exists(target) {
            // `..\resources\user.md`: Windows separators, which DocFX and web servers do not read as folders.
            if pathPart.containsByte(UInt8(ascii: "\\")) {
                let slashes = pathPart.replacingOccurrences(of: "\\", with: "/")
                let fixed = DocSet.resolveLink(slashes, from: file)
                report.report(
                    .backslashSeparators(pathPart, fixed: slashes, fixedExists: targets.exists(fixed)), in: file,
                    at: range, anchor: "link:\(destination)")
                return
            }
            let sibling = targets.closestSibling(of: target)
            if let sibling, sibling.lowercased() == PathComponents.name(of: target).lowercased() {
                // Case-insensitive hosts serve it; GitHub and every Linux build do not.
                report.report(
                    .linkCaseDiffers(pathPart, sibling), in: file, at: range, anchor: "link:\(destination)",
                    ruleID: Self.caseMismatch)
            } else {
                report.report(
                    .linkTargetMissing(pathPart, suggestion: sibling), in: file, at: range,
                    anchor: "link:\(destination)")
            }
            return
        }
        guard let fragment, !fragment.isEmpty, target.hasSuffix(".md"), let anchors = targets.anchors(of: target) else {
            if !pathPart.isEmpty { targets.markSound(destination) }
            return
        }
        let wanted = fragment.lowercased()
        if !anchors.contains(wanted) {
            report.report(
                .anchorMissing(
                    fragment, in: pathPart.isEmpty ? nil : pathPart,
                    suggestion: closestMatch(to: wanted, in: anchors.sorted())),
                in: file, at: range, anchor: "anchor:\(destination)", ruleID: Self.anchorMissing)
        } else if !pathPart.isEmpty {
            targets.markSound(destination)
        }
    }

    /// Whether `destination` has a URL scheme (`https:`, `mailto:`) or is protocol-relative (`//host`).
    static func isExternal(_ destination: String) -> Bool {
        var bytes = destination.utf8.makeIterator()
        var length = 0
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: ":"): return length > 0
            case UInt8(ascii: "/") where length == 0: return bytes.next() == UInt8(ascii: "/")
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                length += 1
            default: return false
            }
        }
        return false
    }

    static func decoded(_ path: String) -> String {
        path.containsByte(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
    }
}

/// Link targets resolved once each per share of the pages: the file a destination names, whether it exists and
/// the anchors of its headings, asking the doc set first and the run's ``FileLookup`` for anything else.
struct LinkTargets {
    let docs: DocSet
    let files: any FileLookup
    private var anchorCache: [String: Set<String>?] = [:]
    /// Suggestions by target path: many pages link to the same missing file.
    private var suggestions: [String: String?] = [:]
    /// Folder listings for suggestions: each name with its place in the listing, by UTF-8 length.
    private var directoryListings: [String: [Int: [(order: Int, name: String)]]] = [:]

    private typealias Resolution = (path: String, fragment: String?, target: String?)

    /// What a destination resolves to from one folder, and whether a link to it was found sound there: a path
    /// (not only a fragment) names the same target from every page of the folder, so a link found sound once is
    /// sound on every page of it, and is not looked up again.
    private struct Entry {
        var resolution: Resolution?
        var isSound = false
    }

    /// Resolutions by page folder, then by destination: pages in one folder link to the same targets. The
    /// current page's folder's tables are held apart, so its links are looked up by destination alone.
    private var resolutions: [Substring: [String: Entry]] = [:]
    private var includes: [Substring: [String: String?]] = [:]
    private var folderResolutions: [String: Entry] = [:]
    private var folderIncludes: [String: String?] = [:]

    /// The last page's file and folder: a page's links are resolved one after another.
    private var lastFolder: (file: String, folder: Substring)?

    /// Makes `file`'s folder's (`api/user-get.md` → `api`) tables the current ones; the last page's is known.
    private mutating func enterFolder(of file: String) {
        if let lastFolder, lastFolder.file == file { return }
        let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
        let previous = lastFolder?.folder
        lastFolder = (file, folder)
        guard folder != previous else { return }
        if let previous {
            resolutions[previous] = folderResolutions
            includes[previous] = folderIncludes
        }
        folderResolutions = resolutions.removeValue(forKey: folder) ?? [:]
        folderIncludes = includes.removeValue(forKey: folder) ?? [:]
    }

    init(docs: DocSet, files: any FileLookup) {
        self.docs = docs
        self.files = files
    }

    /// A relative link's path and fragment, and the file it resolves to from `file` (nil for a fragment-only
    /// link); nil for links that are not checked: external, site-absolute (`/graph/…`, another docs set),
    /// templated (`{id}`) or empty, and for links ``markSound(_:)`` recorded from this folder.
    mutating func resolve(_ rawDestination: String, from file: String) -> (String, String?, String?)? {
        enterFolder(of: file)
        if let known = folderResolutions[rawDestination] {
            guard !known.isSound else { return nil }
            return known.resolution.map { ($0.path, $0.fragment, $0.target) }
        }
        var result: Resolution?
        let destination = LinkBrokenRule.decoded(rawDestination.trimmingSpaces())
        if !destination.isEmpty, !LinkBrokenRule.isExternal(destination), !destination.hasPrefix("/"),
            !destination.containsByte(UInt8(ascii: "{"))
        {
            // The path before the first `#`, and the fragment after it.
            let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#"))
            let pathPart = String(destination[..<(hash ?? destination.endIndex)])
            result = (
                pathPart, hash.map { String(destination[destination.utf8.index(after: $0)...]) },
                pathPart.isEmpty ? nil : DocSet.resolveLink(pathPart, from: file)
            )
        }
        folderResolutions[rawDestination] = Entry(resolution: result)
        return result.map { ($0.path, $0.fragment, $0.target) }
    }

    /// Records that the link to `rawDestination`, a path resolved from the current page's folder, is sound: its
    /// target exists and has the anchor it names.
    mutating func markSound(_ rawDestination: String) {
        folderResolutions[rawDestination]?.isSound = true
    }

    /// The file an include directive's path names from `file`; nil for an empty or external path. Cached like
    /// links: every page of a folder includes the same snippets.
    mutating func resolveInclude(_ rawPath: String, from file: String) -> String? {
        enterFolder(of: file)
        if let known = folderIncludes[rawPath] { return known }
        let path = LinkBrokenRule.decoded(rawPath)
        let target = LinkBrokenRule.isExternal(path) || path.isEmpty ? nil : DocSet.resolveLink(path, from: file)
        folderIncludes[rawPath] = target
        return target
    }

    func exists(_ path: String) -> Bool {
        docs.pageIndex[path] != nil || files.exists(path)
    }

    /// The anchors of `path`'s headings (DocFX's GitHub-style slugs, duplicates numbered), or nil when the page
    /// cannot be read.
    mutating func anchors(of path: String) -> Set<String>? {
        if let cached = anchorCache[path] { return cached }
        let headings = docs.pageIndex[path].map { docs.pages[$0].headings.map(\.text) } ?? files.headings(ofPage: path)
        let result = headings.map(Self.slugs)
        anchorCache[path] = result
        return result
    }

    /// A file in the target's folder with a close name, for "did you mean".
    mutating func closestSibling(of path: String) -> String? {
        if let known = suggestions[path] { return known }
        listFolder(of: path)
        let suggestion = findClosestSibling(of: path)
        suggestions[path] = .some(suggestion)
        return suggestion
    }

    private func findClosestSibling(of path: String) -> String? {
        let directory = PathComponents.directory(of: path)
        let name = PathComponents.name(of: path)
        // A name more than the maximum distance longer or shorter cannot match. The Graph corpus has thousands of
        // pages in one folder, so only the lengths that can match are read, in listing order (ties go to the
        // first, as they would over the whole listing).
        let maximumDistance = 3
        let listing = directoryListings[directory] ?? [:]
        let length = name.utf8.count
        let candidates = (max(0, length - maximumDistance)...(length + maximumDistance))
            .flatMap { listing[$0] ?? [] }
            .sorted { $0.order < $1.order }
        return closestMatch(to: name, in: candidates.map(\.name), maximumDistance: maximumDistance)
    }

    /// Lists a folder once, for suggestions.
    private mutating func listFolder(of path: String) {
        let directory = PathComponents.directory(of: path)
        guard directoryListings[directory] == nil else { return }
        let names = files.names(inFolder: directory)
        directoryListings[directory] = Dictionary(
            grouping: names.enumerated().map { (order: $0.offset, name: $0.element) }, by: \.name.utf8.count)
    }

    static func slugs(_ headings: [String]) -> Set<String> {
        var result = Set<String>()
        var counts: [String: Int] = [:]
        for heading in headings {
            let base = slug(heading)
            let count = counts[base, default: 0]
            counts[base] = count + 1
            result.insert(count == 0 ? base : "\(base)-\(count)")
        }
        return result
    }

    /// Lower-cased, punctuation removed, spaces to hyphens (`Example 1: Get a user` → `example-1-get-a-user`).
    /// `byCharacters` reads an ASCII heading the general way too (for checking the byte path against it).
    static func slug(_ heading: String, byCharacters: Bool = false) -> String {
        // An ASCII heading (nearly all) by bytes: its letters are A-Z and a-z, its numbers 0-9, and no Character
        // is more than one byte but `\r\n`, which is dropped either way.
        if !byCharacters, heading.isAllASCII {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(heading.utf8.count)
            for byte in heading.utf8 {
                let lower = ByteSearch.lowered(byte)
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                    || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) || lower == UInt8(ascii: "-")
                    || lower == UInt8(ascii: "_")
                {
                    bytes.append(lower)
                } else if lower == UInt8(ascii: " ") {
                    bytes.append(UInt8(ascii: "-"))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }
}

extension FindingMessage {
    fileprivate static func includeMissing(_ path: String) -> FindingMessage {
        FindingMessage("included file '\(visible(path))' does not exist")
    }

    fileprivate static func linkCaseDiffers(_ path: String, _ sibling: String) -> FindingMessage {
        FindingMessage(
            "link target '\(visible(path))' exists only as '\(sibling)'; the case differs, which breaks on case-sensitive hosts"
        )
    }

    fileprivate static func backslashSeparators(_ path: String, fixed: String, fixedExists: Bool) -> FindingMessage {
        FindingMessage(
            "link target '\(visible(path))' uses backslashes as separators; use '/'"
                + (fixedExists ? " ('\(visible(fixed))')" : ", though '\(visible(fixed))' does not exist either"))
    }

    fileprivate static func linkTargetMissing(_ path: String, suggestion: String?) -> FindingMessage {
        FindingMessage("link target '\(visible(path))' does not exist", suggesting: suggestion)
    }

    fileprivate static func anchorMissing(_ fragment: String, in path: String?, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "anchor '#\(visible(fragment))' names no heading in \(path.map { "'\(visible($0))'" } ?? "this page")\(suggestion.map { "; did you mean '#\($0)'?" } ?? "")"
        )
    }
}
