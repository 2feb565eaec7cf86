import Mustache
import SpecmarkContract
import SpecmarkMarkdown

/// What the HTML report shows, computed from a ``ReportInput``: every count, chart and row the template places,
/// in the order it places them. The template adds markup only; all text from the docs reaches the page through
/// the template's escaping.
struct HTMLReport {
    struct Card {
        var label: String
        var count: Int
        var tone: String
    }

    struct PageRow {
        var file: String
        var anchor: String
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    struct Change {
        struct Row {
            var rule: String
            var href: String
            var new: Int
            var unchanged: Int
            var fixed: Int
        }

        var new: Int
        var unchanged: Int
        var fixed: Int
        var rows: [Row]
    }

    struct Coverage {
        struct Namespace {
            var name: String
            var types: HTMLCharts.ShareBar
            var properties: HTMLCharts.ShareBar
            var sources: HTMLCharts.ShareBar
            var operations: HTMLCharts.ShareBar
        }

        var file: String
        var metadataVersion: String?
        var contents: String
        var types: HTMLCharts.ShareBar
        var properties: HTMLCharts.ShareBar
        var sources: HTMLCharts.ShareBar
        var operations: HTMLCharts.ShareBar
        var namespaces: [Namespace]
    }

    struct Replay {
        struct Area {
            var name: String
            var passed: Int
            var failed: Int
            var skipped: Int
            var errors: Int
            var bar: HTMLCharts.StackedBar
        }

        struct Failure {
            var name: String
            var outcome: String
            var place: String
            var failureHref: String?
            var exchange: String?
            var message: String
            var details: [String]
        }

        var summary: String
        var areas: [Area]
        var failures: [Failure]
    }

    struct RuleEntry {
        var id: String
        var family: String
        var severity: String
        var summary: String
        var rationale: String
        var activeCount: Int
        var hasActive: Bool
        var documentation: String?
    }

    struct RuleOption {
        var id: String
        var count: Int
    }

    var title: String
    var summaryLine: String
    var tool: String
    var root: String
    var cards: [Card]
    var ruleChart: HTMLCharts.BarChart?
    var areaMap: HTMLCharts.HeatMap?
    var pages: [PageRow]
    var change: Change?
    var coverage: [Coverage]
    var replay: Replay?
    var files: [HTMLFileGroup]
    var findingCount: Int
    var ruleOptions: [RuleOption]
    var rules: [RuleEntry]
    var hasFindings: Bool
}

extension HTMLReport {
    /// How many areas the heat map shows before the rest become one row.
    static let mapRows = 25
    /// How many pages the worst-pages table lists.
    static let worstPages = 15
    /// Up to this many findings, every file's findings start open.
    static let openFindings = 100

    init(_ input: ReportInput, options: HTMLReporter.Options) {
        title = options.title
        summaryLine = input.summaryLine
        tool = "\(input.toolName) \(input.toolVersion)"
        root = input.root
        let rulesByID = Dictionary(input.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let active = input.active

        // Totals.
        let (errors, warnings, notes) = input.counts
        let suppressed = input.diagnostics.filter { $0.suppression != nil }.count
        let baselined = input.diagnostics.filter { $0.suppression == nil && $0.baselineState == .unchanged }.count
        let allFiles = Set(input.files).union(input.diagnostics.map(\.location.file))
        let withFindings = Set(active.map(\.location.file))
        cards = [
            Card(label: errors == 1 ? "error" : "errors", count: errors, tone: "error"),
            Card(label: warnings == 1 ? "warning" : "warnings", count: warnings, tone: "warning"),
            Card(label: notes == 1 ? "note" : "notes", count: notes, tone: "note"),
            Card(label: "suppressed", count: suppressed, tone: "muted"),
            Card(label: "in the baseline", count: baselined, tone: "muted"),
            Card(label: "files with findings", count: withFindings.count, tone: "plain"),
            Card(label: "files checked", count: allFiles.count, tone: "plain"),
        ]

        // Findings by rule.
        let byRule = input.activeCountsByRule
        let ruleRows = byRule.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        ruleChart =
            ruleRows.isEmpty
            ? nil
            : HTMLCharts.BarChart(
                rows: ruleRows.map { ($0.key, "#rule-\($0.key)", $0.value.count, $0.value.severity.rawValue) },
                summary: "Findings by rule: "
                    + ruleRows.prefix(5).map { "\($0.key) \($0.value.count)" }.joined(separator: ", "))

        // Findings by area and rule family.
        let areas = ReportAreas(files: allFiles)
        areaMap = Self.areaMap(active, files: allFiles, areas: areas, families: rulesByID.mapValues(\.family))

        // The pages with the most errors.
        let byFile = input.activeCountsByFile

        // Findings grouped by file, in report order.
        var groups: [HTMLFileGroup] = []
        var groupIndex: [String: Int] = [:]
        let links = HTMLLinks(base: options.linkBase)
        for diagnostic in input.diagnostics {
            let file = diagnostic.location.file
            let index =
                groupIndex[file]
                ?? {
                    groupIndex[file] = groups.count
                    groups.append(HTMLFileGroup(file: file, anchor: "file-\(groups.count + 1)", href: links.href(file)))
                    return groups.count - 1
                }()
            groups[index].add(HTMLFinding(diagnostic, input: input, links: links))
        }
        findingCount = input.diagnostics.count
        let open = findingCount <= Self.openFindings
        for index in groups.indices { groups[index].isOpen = open }
        files = groups
        hasFindings = !groups.isEmpty

        pages = byFile.sorted { lhs, rhs in
            (lhs.value.errors, lhs.value.warnings, lhs.value.notes, rhs.key) > (
                rhs.value.errors, rhs.value.warnings, rhs.value.notes, lhs.key
            )
        }.prefix(Self.worstPages).map { file, counts in
            PageRow(
                file: file, anchor: groupIndex[file].map { "#file-\($0 + 1)" } ?? "#findings", errors: counts.errors,
                warnings: counts.warnings, notes: counts.notes)
        }

        change = Self.change(input)
        coverage = input.coverage.map(Self.coverage)
        replay = Self.replay(
            input, areas: ReportAreas(files: input.testCases.map { $0.file ?? $0.suite }), links: links)

        var reported: [String: Int] = [:]
        for diagnostic in input.diagnostics { reported[diagnostic.ruleID, default: 0] += 1 }
        // A rule whose findings were all fixed since the baseline is in the Change table, which links to it.
        let explained = Set(reported.keys).union(input.fixedBaselineEntriesByRule.keys)
        ruleOptions = reported.keys.sorted().map { RuleOption(id: $0, count: reported[$0] ?? 0) }
        rules = explained.sorted().map { id in
            let rule = rulesByID[id]
            return RuleEntry(
                id: id, family: rule?.family ?? "", severity: rule?.defaultSeverity.rawValue ?? "",
                summary: rule?.summary ?? "", rationale: rule?.rationale ?? "", activeCount: byRule[id]?.count ?? 0,
                hasActive: byRule[id] != nil,
                documentation: options.ruleDocumentation.flatMap {
                    HTMLLinks.isWebURL($0) ? $0.replacing("{rule}", with: id) : nil
                })
        }
    }

    /// Active findings by area (rows, the worst first) and rule family (columns, the most common first).
    private static func areaMap(
        _ active: [Diagnostic], files: Set<String>, areas: ReportAreas, families: [String: String]
    ) -> HTMLCharts.HeatMap? {
        guard !active.isEmpty else { return nil }
        var counts: [String: [String: Int]] = [:]
        var familyTotals: [String: Int] = [:]
        var areaTotals: [String: Int] = [:]
        for diagnostic in active {
            let area = areas.area(of: diagnostic.location.file)
            let family = families[diagnostic.ruleID] ?? "other"
            counts[area, default: [:]][family, default: 0] += 1
            familyTotals[family, default: 0] += 1
            areaTotals[area, default: 0] += 1
        }
        var filesByArea: [String: Int] = [:]
        for file in files { filesByArea[areas.area(of: file), default: 0] += 1 }
        let columns = familyTotals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        let ordered = areaTotals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        var labels = Array(ordered.prefix(mapRows))
        var details = labels.map { "\(filesByArea[$0] ?? 0) files, \(areaTotals[$0] ?? 0) findings" }
        var grid = labels.map { area in columns.map { counts[area]?[$0] ?? 0 } }
        let rest = ordered.dropFirst(mapRows)
        if !rest.isEmpty {
            labels.append("\(rest.count) other areas")
            let restFiles = rest.reduce(0) { $0 + (filesByArea[$1] ?? 0) }
            let restFindings = rest.reduce(0) { $0 + (areaTotals[$1] ?? 0) }
            details.append("\(restFiles) files, \(restFindings) findings")
            grid.append(columns.map { family in rest.reduce(0) { $0 + (counts[$1]?[family] ?? 0) } })
        }
        return HTMLCharts.HeatMap(
            rowLabels: labels, rowDetails: details, columnLabels: columns, counts: grid,
            summary: "Findings by area and rule family; the worst areas are "
                + ordered.prefix(3).map { "\($0) (\(areaTotals[$0] ?? 0))" }.joined(separator: ", "))
    }

    /// New, unchanged and fixed counts, overall and by rule, when the run compared with a baseline.
    private static func change(_ input: ReportInput) -> Change? {
        let compared = input.diagnostics.filter { $0.suppression == nil && $0.baselineState != nil }
        guard input.fixedBaselineEntries != nil || !compared.isEmpty else { return nil }
        var rows: [String: Change.Row] = [:]
        for diagnostic in compared {
            var row =
                rows[diagnostic.ruleID]
                ?? Change.Row(
                    rule: diagnostic.ruleID, href: "#rule-\(diagnostic.ruleID)", new: 0, unchanged: 0, fixed: 0)
            if diagnostic.baselineState == .new { row.new += 1 } else { row.unchanged += 1 }
            rows[diagnostic.ruleID] = row
        }
        for (rule, fixed) in input.fixedBaselineEntriesByRule {
            rows[rule, default: Change.Row(rule: rule, href: "#rule-\(rule)", new: 0, unchanged: 0, fixed: 0)].fixed =
                fixed
        }
        let sorted = rows.values.sorted {
            ($0.new, $0.fixed, $0.unchanged, $1.rule) > ($1.new, $1.fixed, $1.unchanged, $0.rule)
        }
        return Change(
            new: sorted.reduce(0) { $0 + $1.new }, unchanged: sorted.reduce(0) { $0 + $1.unchanged },
            fixed: input.fixedBaselineEntries ?? sorted.reduce(0) { $0 + $1.fixed }, rows: sorted)
    }

    private static func coverage(_ coverage: MetadataCoverage) -> Coverage {
        Coverage(
            file: coverage.file, metadataVersion: coverage.version,
            contents: [
                counted(coverage.entityTypes, "entity type"), counted(coverage.complexTypes, "complex type"),
                counted(coverage.enumTypes, "enum"), counted(coverage.entitySets, "entity set"),
                counted(coverage.singletons, "singleton"), counted(coverage.actions, "action"),
                counted(coverage.functions, "function"),
            ].joined(separator: ", "),
            types: .init(coverage.typesDocumented), properties: .init(coverage.propertiesDocumented),
            sources: .init(coverage.sourcesWithMethodPage), operations: .init(coverage.operationsWithMethodPage),
            namespaces: coverage.namespaces.map {
                Coverage.Namespace(
                    name: $0.name, types: .init($0.types, width: 64), properties: .init($0.properties, width: 64),
                    sources: .init($0.sources, width: 64), operations: .init($0.operations, width: 64))
            })
    }

    /// `1 action`, `2 actions`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Replayed examples by area, and the failures with what the page documents against what the service sent.
    private static func replay(_ input: ReportInput, areas: ReportAreas, links: HTMLLinks) -> Replay? {
        guard let summary = input.testCaseSummary else { return nil }
        var byArea: [String: [TestCase.Outcome: Int]] = [:]
        for testCase in input.testCases {
            byArea[areas.area(of: testCase.file ?? testCase.suite), default: [:]][testCase.outcome, default: 0] += 1
        }
        let rows = byArea.map { name, outcomes in
            let count = { (outcome: TestCase.Outcome) in outcomes[outcome] ?? 0 }
            return Replay.Area(
                name: name, passed: count(.passed), failed: count(.failed), skipped: count(.skipped),
                errors: count(.error),
                bar: HTMLCharts.StackedBar(parts: [
                    (count(.passed), "passed", "passed"), (count(.failed), "failed", "failed"),
                    (count(.error), "error", "errors"), (count(.skipped), "skipped", "skipped"),
                ]))
        }.sorted { ($0.failed + $0.errors, $1.name) > ($1.failed + $1.errors, $0.name) }
        let failures = input.testCases.filter { $0.outcome == .failed || $0.outcome == .error }.map { testCase in
            let file = testCase.file ?? testCase.suite
            return Replay.Failure(
                name: testCase.name, outcome: testCase.outcome.rawValue,
                place: testCase.line.map { "\(file):\($0)" } ?? file,
                failureHref: links.href(file, line: testCase.line),
                exchange: testCase.exchange, message: TextReporter.printable(testCase.message),
                details: testCase.details.split(separator: "\n").map { TextReporter.printable(String($0)) })
        }
        return Replay(summary: summary, areas: rows, failures: failures)
    }
}

/// Links into the repository the docs live in, when the run was given a link base.
struct HTMLLinks: Sendable {
    var base: String?

    /// The URL of `file` (at `line`), or nil without a base (or with one that is not an http(s) URL).
    func href(_ file: String, line: Int? = nil) -> String? {
        guard let base, Self.isWebURL(base) else { return nil }
        let separator = base.hasSuffix("/") ? "" : "/"
        return base + separator + SARIFReporter.percentEncoded(file) + (line.map { "#L\($0)" } ?? "")
    }

    /// Whether `url` is an http or https URL: the only links the report makes from configuration, so a
    /// `javascript:` one in a repository's `.specmark.yml` never becomes a link.
    static func isWebURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }
}

/// The page's own names, answered directly: a finding's lookup that misses (an absent link) climbs to here, and
/// `Mirror` over this many properties, once per miss, was a third of the rendering on the shared corpus.
extension HTMLReport: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summaryLine": summaryLine
        case "tool": tool
        case "root": root
        case "cards": cards
        case "ruleChart": ruleChart
        case "areaMap": areaMap
        case "pages": pages
        case "change": change
        case "coverage": coverage
        case "replay": replay
        case "files": files
        case "findingCount": findingCount
        case "ruleOptions": ruleOptions
        case "rules": rules
        case "hasFindings": hasFindings
        default: nil
        }
    }
}
