import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A resource's Properties or Relationships table documents a property the metadata's type does not have.
struct MetadataPropertyUnknownRule: LintRule {
    let description = RuleDescription(
        id: "metadata-property-unknown",
        family: .metadata,
        summary: "a documented property is not in the metadata's type",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, a property the service's type does not have (its own or inherited) cannot be \
            read or written, whatever the page says: it was renamed, it exists only in beta, or it is misspelt. \
            The finding names the metadata's spelling when only the case differs, or a close name.
            """,
        triggeringExamples: [
            RuleExample(
                MetadataExamples.widget.replacing(
                    "|weight|Double|Weight in grams.|", with: "1️⃣|wieght|Double|Weight in grams.|1️⃣"
                ).replacing("|size|Int32|Size in bytes.|", with: "2️⃣|Size|Int32|Size in bytes.|2️⃣"),
                file: "resources/widget.md", otherPages: MetadataExamples.pages(without: "resources/widget.md"),
                messages: [
                    "property 'wieght' of microsoft.graph.widget is not in the metadata; did you mean 'weight'?",
                    "property 'Size' of microsoft.graph.widget is spelt 'size' in the metadata",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            MetadataExamples.agreeingWidget,
            RuleExample(
                MetadataExamples.widget.replacing(
                    "|weight|Double|Weight in grams.|", with: "|wieght|Double|Weight in grams.|"),
                file: "resources/widget.md", otherPages: MetadataExamples.pages(without: "resources/widget.md")),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let (service, type) = docs.metadataType(of: resource, on: page, options: context.options) else {
                continue
            }
            let declared = service.allProperties(of: type)
            let names = Set(declared.map(\.name))
            // `@microsoft.graph.downloadUrl` rows document instance annotations, not properties.
            for property in resource.properties + resource.relationships
            where !names.contains(property.name) && !property.name.hasPrefix("@") {
                let message: FindingMessage
                if let match = declared.first(where: { $0.name.lowercased() == property.name.lowercased() }) {
                    message = .spelling(property.name, of: type.name, match.name)
                } else {
                    message = .unknown(
                        property.name, of: type.name,
                        suggestion: closestMatch(to: property.name, in: declared.map(\.name), maximumDistance: 2))
                }
                report.report(
                    message, at: property.range,
                    notes: [.metadata("the metadata's \(type.name)", type.location, in: service)],
                    anchor: "\(resource.name).\(property.name)")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func unknown(_ property: String, of type: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "property '\(property)' of \(type) is not in the metadata", suggesting: suggestion)
    }

    fileprivate static func spelling(_ property: String, of type: String, _ match: String) -> FindingMessage {
        FindingMessage("property '\(property)' of \(type) is spelt '\(match)' in the metadata")
    }
}
