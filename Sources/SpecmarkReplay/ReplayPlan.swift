public import SpecmarkContract
import SpecmarkMarkdown

/// One documented request to replay.
public struct ReplayCase: Sendable {
    /// The example's name, or `file:line`.
    public var name: String
    public var page: Int
    public var request: Int
    /// The documented responses that answer it: the paired one, then alternatives.
    public var responses: [Int]
    public var method: String
    /// Cases (by index in the plan) that must finish first.
    public var dependencies: [Int]
    /// Why the case is not sent, decided before the run.
    public var skipReason: String?
}

/// The cases of a run, in an order that respects declared and capture dependencies.
public struct ReplayPlan: Sendable {
    public var cases: [ReplayCase]
    /// Each case's dependency depth; cases of one level may run together.
    public var levels: [[Int]]

    /// What is wrong with the dependencies.
    public struct PlanError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Builds the plan for every request example of `docs` that is an example of the API; with `pages`, for the
    /// examples on those pages and the examples they depend on.
    public init(docs: DocSet, options: ReplayOptions, pages: Set<Int>? = nil) throws(PlanError) {
        var cases: [ReplayCase] = []
        for (pageIndex, page) in docs.pages.enumerated() {
            for (requestIndex, request) in page.requests.enumerated() {
                guard let line = request.message.requestLine, let url = request.url else { continue }
                // Unannotated requests to other hosts are notifications or uploads, not examples of the API.
                if request.origin == .inferred, url.host != nil, url.serviceRoot == nil { continue }
                let name = request.name ?? "\(page.file):\(request.range.start.line)"
                cases.append(
                    ReplayCase(
                        name: name, page: pageIndex, request: requestIndex,
                        responses: page.responses(answering: requestIndex),
                        method: line.method, dependencies: [],
                        skipReason: Self.safety(method: line.method, name: name, options: options)))
            }
        }
        // Dependencies: `after:` lists, and any `${variable}` captured by another example.
        var byName: [String: Int] = [:]
        for (index, entry) in cases.enumerated() where byName[entry.name] == nil { byName[entry.name] = index }
        var capturedBy: [String: Int] = [:]
        for (name, example) in options.parameters.examples {
            guard let index = byName[name] else { continue }
            for variable in example.capture.keys { capturedBy[variable] = index }
        }
        for index in cases.indices {
            let settings = options.parameters.examples[cases[index].name]
            var dependencies = Set<Int>()
            for name in settings?.after ?? [] {
                guard let dependency = byName[name] else {
                    throw PlanError(
                        description:
                            "example '\(cases[index].name)' runs after '\(name)', which is not a documented example")
                }
                dependencies.insert(dependency)
            }
            let texts = Array(options.parameters.values.values) + Array(settings?.values.values ?? [:].values)
            for text in texts {
                for (variable, producer) in capturedBy where text.contains("${\(variable)}") && producer != index {
                    dependencies.insert(producer)
                }
            }
            cases[index].dependencies = dependencies.sorted()
        }
        if let pages { cases = Self.cases(cases, on: pages) }
        self.cases = cases
        self.levels = try Self.levels(cases)
    }

    /// The cases on `pages` and those they depend on, in their order, with dependencies renumbered.
    private static func cases(_ cases: [ReplayCase], on pages: Set<Int>) -> [ReplayCase] {
        var kept = Set<Int>()
        var pending = cases.indices.filter { pages.contains(cases[$0].page) }
        while let index = pending.popLast() {
            guard kept.insert(index).inserted else { continue }
            pending.append(contentsOf: cases[index].dependencies)
        }
        let order = kept.sorted()
        let renumbered = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order.map { index in
            var entry = cases[index]
            entry.dependencies = entry.dependencies.compactMap { renumbered[$0] }
            return entry
        }
    }

    /// Why a mutating example may not be sent to a live service, or nil.
    static func safety(method: String, name: String, options: ReplayOptions) -> String? {
        guard options.isLive, HTTPMethod.mutating.contains(method) else { return nil }
        guard options.allowWrites else {
            return "\(method) is not sent to a live service without --allow-writes"
        }
        if !options.allowPatterns.isEmpty,
            !options.allowPatterns.contains(where: { wildcard($0, matches: name) || $0.uppercased() == method })
        {
            return "\(method) example '\(name)' is not matched by any --allow pattern"
        }
        return nil
    }

    /// `*` matches any text.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.last.map { rest.hasSuffix($0) } ?? true
    }

    /// Groups cases by dependency depth; a cycle is an error naming its members.
    private static func levels(_ cases: [ReplayCase]) throws(PlanError) -> [[Int]] {
        var depth = [Int?](repeating: nil, count: cases.count)
        var visiting = Set<Int>()
        func visit(_ index: Int) throws(PlanError) -> Int {
            if let known = depth[index] { return known }
            guard visiting.insert(index).inserted else {
                throw PlanError(description: "examples depend on each other in a cycle through '\(cases[index].name)'")
            }
            var level = 0
            for dependency in cases[index].dependencies { level = max(level, try visit(dependency) + 1) }
            visiting.remove(index)
            depth[index] = level
            return level
        }
        var levels: [[Int]] = []
        for index in cases.indices {
            let level = try visit(index)
            while levels.count <= level { levels.append([]) }
            levels[level].append(index)
        }
        return levels
    }
}
