import SpecmarkContract

/// What the page rules found on one page, as the page's worker saw it.
struct PageFindings: Sendable {
    var diagnostics: [Diagnostic]
    /// Whether the page suppresses anything (inline directives, or its annotation's list).
    var suppresses: Bool
    /// Whether every finding is in the page's own file (a rule may report in another).
    var inOwnFile: Bool
}

extension Linter {
    /// Every finding in report order, with each file's suppressions applied and its unused ones reported, sorted
    /// in source order and fingerprinted.
    ///
    /// Each of those steps reads one file's findings only: a page's suppressions cover its own file, the sort
    /// orders by file first, and a fingerprint counts repeats within a file. So they run file by file on every
    /// core, the files are put in order by path, and the list is what a single pass over all findings gives:
    /// within a file the findings keep the order that pass sees (the page rules', then the doc-set rules'), which
    /// the sort keeps among equals. One core did it all after the rules, about 7 ms of a 400 ms lint of the Graph
    /// corpus (perf timelines). A doc set with two pages of one file, or a page rule reporting in another page's
    /// file, is finished in that single pass.
    static func finish(
        _ perPage: [PageFindings], docSet: [[Diagnostic]], pages indexes: [Int], of docs: DocSet,
        knownRules: Set<String>, reportUnused: @escaping @Sendable (_ file: String) -> Severity?
    ) async -> [Diagnostic] {
        /// `diagnostics` with the suppressions of `pages` applied and the unused ones added, sorted, fingerprinted.
        @Sendable func finished(_ diagnostics: [Diagnostic], suppressedBy pages: [Int]) -> [Diagnostic] {
            var diagnostics = diagnostics
            if !pages.isEmpty {
                let unused = Suppressions.apply(
                    to: &diagnostics, pages: pages, of: docs, knownRules: knownRules, reportUnused: reportUnused)
                diagnostics.append(contentsOf: unused)
            }
            Diagnostic.sortInSourceOrder(&diagnostics)
            Fingerprints.assign(&diagnostics)
            return diagnostics
        }
        guard docs.pageIndex.count == docs.pages.count, perPage.allSatisfy(\.inOwnFile) else {
            return finished(perPage.flatMap(\.diagnostics) + docSet.flatMap { $0 }, suppressedBy: indexes)
        }
        // The doc-set rules' findings go to the page checked in their file, in the order the rules gave them;
        // those in other files (unreadable files, the metadata) are grouped by file.
        var slotOfPage = [Int](repeating: -1, count: docs.pages.count)
        for (slot, index) in indexes.enumerated() { slotOfPage[index] = slot }
        var fromDocSet = [[Diagnostic]](repeating: [], count: indexes.count)
        var otherSlots: [String: Int] = [:]
        var others: [[Diagnostic]] = []
        for findings in docSet {
            for diagnostic in findings {
                let file = diagnostic.location.file
                if let page = docs.pageIndex[file], slotOfPage[page] >= 0 {
                    fromDocSet[slotOfPage[page]].append(diagnostic)
                } else if let slot = otherSlots[file] {
                    others[slot].append(diagnostic)
                } else {
                    otherSlots[file] = others.count
                    others.append([diagnostic])
                }
            }
        }
        // The files with anything to finish: findings, or suppressions that may be unused.
        var parts: [Part] = []
        for slot in perPage.indices
        where !perPage[slot].diagnostics.isEmpty || !fromDocSet[slot].isEmpty || perPage[slot].suppresses {
            parts.append(.page(slot))
        }
        parts += others.indices.map(Part.other)
        let (fromDocSetByPage, otherFiles) = (fromDocSet, others)
        let byPart = await concurrentMap(parts) { part -> [Diagnostic] in
            switch part {
            case .page(let slot):
                finished(
                    perPage[slot].diagnostics + fromDocSetByPage[slot],
                    suppressedBy: perPage[slot].suppresses ? [indexes[slot]] : [])
            case .other(let slot):
                finished(otherFiles[slot], suppressedBy: [])
            }
        }
        // The files by path; no two parts share one. Pages come in discovery order, mostly sorted already.
        let files = parts.map { part in
            switch part {
            case .page(let slot): docs.pages[indexes[slot]].file
            case .other(let slot): otherFiles[slot][0].location.file
            }
        }
        let order = files.indices.sorted { files[$0] < files[$1] }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(byPart.reduce(0) { $0 + $1.count })
        for part in order { diagnostics.append(contentsOf: byPart[part]) }
        return diagnostics
    }

    /// One file to finish: a checked page's (by its place among the pages checked), or another file's.
    private enum Part: Sendable {
        case page(Int)
        case other(Int)
    }
}
