import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// An enum table lists a member the metadata's enum does not have.
struct MetadataEnumMemberUnknownRule: LintRule {
    let description = RuleDescription(
        id: "metadata-enum-member-unknown",
        family: .metadata,
        summary: "an enum table lists a member the metadata's enum does not have",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, a member the service does not declare is a value no client will receive and the \
            service will reject: a beta member, a renamed one, or a misspelling. The finding names the \
            metadata's spelling when only the case differs, or a close name. A table with more than ten members \
            the metadata lacks is one finding on its heading.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # widgetStatus enum type

                ## widgetStatus values

                |Member|
                |:---|
                1️⃣|Active|1️⃣
                2️⃣|retird|2️⃣
                3️⃣|lost|3️⃣
                """,
                file: "resources/widgetstatus.md",
                messages: [
                    "member 'Active' of enum widgetStatus is spelt 'active' in the metadata",
                    "member 'retird' of enum widgetStatus is not in the metadata; did you mean 'retired'?",
                    "member 'lost' of enum widgetStatus is not in the metadata",
                ],
                metadata: MetadataExamples.csdl),
            RuleExample(
                MetadataExamples.widgetStatusPage(
                    members: ["active"] + (1...11).map { "extra\($0)" }, heading: "1️⃣## widgetStatus values1️⃣"),
                file: "resources/widgetstatus.md",
                messages: [
                    "enum widgetStatus lists 11 members that are not in the metadata ('extra1', 'extra2', 'extra3', …)"
                ],
                metadata: MetadataExamples.csdl),
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
        for enumeration in page.enums {
            guard !context.options.ignoresMetadataType(enumeration.name),
                let declared = service.enumType(documentedAs: enumeration.name)
            else { continue }
            let names = declared.members.map(\.name)
            let unknown = enumeration.members.filter { !names.contains($0.name) }
            // A table that lists many more members than the service has is one finding, not hundreds.
            if unknown.count > Self.separateFindingsLimit {
                report.report(
                    .manyUnknown(unknown.map(\.name), of: enumeration.name), at: enumeration.range,
                    notes: [.metadata("the metadata's \(declared.name)", declared.location, in: service)],
                    anchor: "\(enumeration.name):unknown-members")
                continue
            }
            for member in unknown {
                let message: FindingMessage
                if let match = names.first(where: { $0.lowercased() == member.name.lowercased() }) {
                    message = .spelling(member.name, of: enumeration.name, match)
                } else {
                    message = .unknown(
                        member.name, of: enumeration.name,
                        suggestion: closestMatch(to: member.name, in: names, maximumDistance: 2))
                }
                report.report(
                    message, at: member.range,
                    notes: [.metadata("the metadata's \(declared.name)", declared.location, in: service)],
                    anchor: "\(enumeration.name).\(member.name)")
            }
        }
    }
}

extension MetadataEnumMemberUnknownRule {
    /// The most unknown members of one enum reported one by one.
    static let separateFindingsLimit = 10
}

extension FindingMessage {
    fileprivate static func manyUnknown(_ members: [String], of enumeration: String) -> FindingMessage {
        let shown = members.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return FindingMessage(
            "enum \(enumeration) lists \(members.count) members that are not in the metadata (\(shown), …)")
    }

    fileprivate static func unknown(_ member: String, of enumeration: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "member '\(member)' of enum \(enumeration) is not in the metadata", suggesting: suggestion)
    }

    fileprivate static func spelling(_ member: String, of enumeration: String, _ match: String) -> FindingMessage {
        FindingMessage("member '\(member)' of enum \(enumeration) is spelt '\(match)' in the metadata")
    }
}
