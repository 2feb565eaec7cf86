import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// An entity or complex type of the metadata has no resource page.
struct MetadataTypeUndocumentedRule: LintRule {
    let description = RuleDescription(
        id: "metadata-type-undocumented",
        family: .metadata,
        summary: "a metadata entity or complex type has no resource page",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, every entity and complex type the service defines is one clients may receive; a \
            type with no resource page leaves its properties undocumented. One finding per type, at its \
            declaration in the metadata, with the documented properties that use it as related locations (the \
            pages whose readers need the missing one). It is a doc-set finding: a run over named pages does \
            not report it, exactly one shard of a sharded run does, and `--changed-since` does when the \
            metadata file changed. Types listed under `metadata-ignore` are left alone.
            """,
        triggeringExamples: [
            // The example is the metadata itself (file `metadata.xml`), checked against the widget pages.
            RuleExample(
                MetadataExamples.csdl.replacing(
                    "      <ComplexType Name=\"widgetDimensions\">",
                    with: "      1️⃣<ComplexType1️⃣ Name=\"nozzle\" />\n      <ComplexType Name=\"widgetDimensions\">"),
                file: "metadata.xml",
                otherPages: MetadataExamples.pages.merging(["resources/entity.md": MetadataExamples.entity]) {
                    first, _ in first
                },
                messages: ["metadata type microsoft.graph.nozzle has no resource page"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                MetadataExamples.csdl, file: "metadata.xml",
                otherPages: MetadataExamples.pages.merging(["resources/entity.md": MetadataExamples.entity]) {
                    first, _ in
                    first
                })
        ]
    )

    var isPageRule: Bool { false }

    func check(_ docs: DocSet, context: RuleContext, report: inout Findings) {
        for entry in docs.metadata.entries {
            let service = entry.metadata
            guard report.reports(service.file) else { continue }
            // Documented properties by the short name of the type they use, for the related locations.
            var users: [String: [Diagnostic.Note]] = [:]
            for resource in docs.resources {
                for property in resource.properties + resource.relationships {
                    guard let name = property.type.typeName else { continue }
                    let key = MetadataTypeName(name: name).shortName.lowercased()
                    if users[key, default: []].count < 3 {
                        users[key, default: []].append(
                            Diagnostic.Note(
                                "used by \(resource.shortName).\(property.name)",
                                at: SourceLocation(file: resource.file, range: property.range)))
                    }
                }
            }
            for type in service.types where docs.resource(named: type.name) == nil {
                guard !context.options.ignoresMetadataType(type.name) else { continue }
                let start = SourcePosition(line: type.location.line, column: type.location.column)
                let end = SourcePosition(
                    line: type.location.line, column: type.location.column + type.kind.rawValue.utf8.count)
                report.report(
                    .undocumented(type.name), in: service.file, at: SourceRange(start: start, end: end),
                    notes: users[type.shortName.lowercased()] ?? [], anchor: type.name)
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func undocumented(_ type: String) -> FindingMessage {
        FindingMessage("metadata type \(type) has no resource page")
    }
}
