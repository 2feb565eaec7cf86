/// Counts over a doc set, for `specmark model --format summary` and `make corpus-check`.
public struct ModelSummary: Sendable {
    public var text: String

    public init(_ docs: DocSet) {
        var lines: [String] = []
        let pages = docs.pages
        var kinds: [PageKind: Int] = [:]
        for page in pages { kinds[page.kind, default: 0] += 1 }
        let kindText = PageKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", ")
        lines.append("pages: \(pages.count) (\(kindText); kind inferred \(pages.filter(\.kindIsInferred).count))")
        let methods = pages.compactMap(\.method)
        let declared = methods.reduce(0) { $0 + $1.declaredPaths.count }
        lines.append(
            "method contracts: \(methods.count); with declared paths \(methods.filter { !$0.declaredPaths.isEmpty }.count); declared paths \(declared)"
        )
        lines.append(
            "permission tables: \(methods.reduce(0) { $0 + $1.permissions.tables.count }); parameter tables: \(methods.reduce(0) { $0 + $1.parameterTables.count }); response sections with a status: \(methods.filter { !($0.response?.statuses.isEmpty ?? true) }.count)"
        )
        let requests = pages.flatMap(\.requests)
        let annotated = requests.filter { $0.origin == .annotated }
        var pairedAnnotated = 0
        var paired = 0
        for page in pages {
            let pairedIndexes = Set(page.pairs.map(\.request))
            paired += pairedIndexes.count
            pairedAnnotated +=
                page.requests.indices.filter { pairedIndexes.contains($0) && page.requests[$0].origin == .annotated }
                .count
        }
        lines.append(
            "request examples: \(requests.count) (annotated \(annotated.count), inferred \(requests.count - annotated.count)); paired \(paired)"
        )
        lines.append(
            "annotated requests paired with a response: \(pairedAnnotated) of \(annotated.count) (\(Self.percent(pairedAnnotated, annotated.count)))"
        )
        let responses = pages.flatMap(\.responses)
        lines.append(
            "response examples: \(responses.count) (annotated \(responses.filter { $0.origin == .annotated }.count), inferred \(responses.filter { $0.origin != .annotated }.count))"
        )
        let resources = docs.resources
        lines.append(
            "resources: \(resources.count); properties \(resources.reduce(0) { $0 + $1.properties.count }); relationships \(resources.reduce(0) { $0 + $1.relationships.count }); enums \(pages.reduce(0) { $0 + $1.enums.count })"
        )
        var named: Set<String> = []
        for response in responses {
            if let type = response.annotation?.odataType, !type.isEmpty, !DocSet.isPrimitiveTypeName(type) {
                named.insert(type)
            }
        }
        let unresolved = named.filter { name in
            if case .missing = docs.lookup(name) { return true }
            return false
        }.sorted()
        lines.append(
            "response annotation types: \(named.count) distinct; resolved \(named.count - unresolved.count); unresolved \(unresolved.count)\(unresolved.isEmpty ? "" : ": " + unresolved.prefix(20).joined(separator: ", "))"
        )
        var byRule: [String: Int] = [:]
        for issue in docs.allIssues { byRule[issue.kind.ruleID, default: 0] += 1 }
        lines.append("diagnostics: \(byRule.values.reduce(0, +))")
        for (rule, count) in byRule.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("  \(rule): \(count)")
        }
        for entry in docs.metadata.entries {
            lines.append(MetadataCoverage(entry.metadata, version: entry.version, docs: docs).text.dropLast() + "")
        }
        text = lines.joined(separator: "\n") + "\n"
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
