import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// An enum table lacks members the metadata's enum has.
struct MetadataEnumMemberMissingRule: LintRule {
    let description = RuleDescription(
        id: "metadata-enum-member-missing",
        family: .metadata,
        summary: "an enum table lacks members the metadata's enum has",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, a member the service may return but the docs never list leaves readers unable to \
            handle it. One finding per enum names every missing member, with each member's declaration as a \
            related location.
            """,
        triggeringExamples: [
            RuleExample(
                MetadataExamples.widgetStatusPage(members: ["active"], heading: "1️⃣## widgetStatus values1️⃣"),
                file: "resources/widgetstatus.md",
                messages: ["enum widgetStatus lacks the metadata's member 'retired'"], metadata: MetadataExamples.csdl,
                fixed: MetadataExamples.widgetStatusPage(members: ["active", "retired"])),
            // The new row is shaped like the last one, with the metadata's value in the Value column.
            RuleExample(
                """
                # widgetStatus enum type

                1️⃣## widgetStatus values1️⃣

                | Value | Member | Description |
                |:------|:-------|:------------|
                | 0 | active | In use. |
                """,
                file: "resources/widgetstatus.md",
                messages: ["enum widgetStatus lacks the metadata's member 'retired'"], metadata: MetadataExamples.csdl,
                fixed: """
                    # widgetStatus enum type

                    ## widgetStatus values

                    | Value | Member | Description |
                    |:------|:-------|:------------|
                    | 0 | active | In use. |
                    | 1 | retired | |
                    """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                MetadataExamples.widgetStatusPage(members: ["active", "retired"]),
                file: "resources/widgetstatus.md", metadata: MetadataExamples.csdl)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // Enum tables live on resource and enum pages (a method page's "List members" is no enum).
        guard page.kind != .method, !page.enums.isEmpty, let service = docs.metadata(forFile: page.file) else {
            return
        }
        for enumeration in page.enums where !enumeration.members.isEmpty {
            guard !context.options.ignoresMetadataType(enumeration.name),
                let declared = service.enumType(documentedAs: enumeration.name)
            else { continue }
            let documented = Set(enumeration.members.map { $0.name.lowercased() })
            let missing = declared.members.filter { !documented.contains($0.name.lowercased()) }
            guard !missing.isEmpty else { continue }
            report.report(
                .missing(enumeration.name, missing.map(\.name)), at: enumeration.range,
                notes: missing.map {
                    .metadata("'\($0.name)' declared in the metadata here", $0.location, in: service)
                },
                anchor: "\(enumeration.name):members", fix: Self.fix(enumeration, adding: missing))
        }
    }
}

extension MetadataEnumMemberMissingRule {
    /// A row for each missing member after the table's last, in the metadata's order, with the metadata's value
    /// when the table has a Value column; the description is left for the author.
    static func fix(_ enumeration: EnumDefinition, adding missing: [EnumType.Member]) -> Fix? {
        guard let last = enumeration.members.last else { return nil }
        let width = max(enumeration.memberColumn, enumeration.valueColumn ?? 0) + 1
        let rows = missing.map { member in
            var cells = [String](repeating: "", count: width)
            cells[enumeration.memberColumn] = member.name
            if let column = enumeration.valueColumn { cells[column] = member.value ?? "" }
            return cells
        }
        let names = missing.map { "'\($0.name)'" }.joined(separator: ", ")
        return Fix("Add \(names)", edits: [FixEdit(range: last.range, change: .insertTableRows(rows))])
    }
}

extension FindingMessage {
    fileprivate static func missing(_ enumeration: String, _ members: [String]) -> FindingMessage {
        let list = members.map { "'\($0)'" }.joined(separator: ", ")
        return FindingMessage("enum \(enumeration) lacks the metadata's member\(members.count == 1 ? "" : "s") \(list)")
    }
}
