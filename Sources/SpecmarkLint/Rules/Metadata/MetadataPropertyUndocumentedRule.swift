import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// The metadata's type has a property — its own, inherited or a navigation property — that the resource page
/// does not document.
struct MetadataPropertyUndocumentedRule: LintRule {
    let description = RuleDescription(
        id: "metadata-property-undocumented",
        family: .metadata,
        summary: "a property of the metadata's type is not in the resource's Properties or Relationships table",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, every property the service returns should be documented where readers look for \
            it: structural properties in the Properties table, navigation properties in the Relationships table. \
            An inherited property counts as documented when the page of the type that declares it documents it, \
            or the page's own inheritance chain does; a type defined on several pages is reported on the first. The finding sits on the table's heading (or the resource \
            annotation when the page has no such heading), with the metadata's declaration as related location.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.widget.replacing("|tags|String collection|Labels.|\n", with: "")
                    .replacing("## Properties", with: "1️⃣## Properties1️⃣") + """


                        2️⃣## Relationships2️⃣
                        None.
                        """,
                file: "resources/widget.md", otherPages: MetadataExamples.pages(without: "resources/widget.md"),
                messages: [
                    "property 'tags' (Collection(String)) of microsoft.graph.widget is not in the Properties table",
                    "navigation property 'parts' (Collection(microsoft.graph.part)) of microsoft.graph.widget is not in the Relationships table",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            MetadataExamples.agreeingWidget,
            // `id` and every widget property are documented on the pages of the types that declare them.
            RuleExample(
                ExamplePages.bigWidget, file: "resources/bigwidget.md",
                otherPages: MetadataExamples.pages(without: "resources/bigwidget.md"), metadata: MetadataExamples.csdl),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            // A type defined on several pages is reported once, on the page of its first definition.
            guard let (service, type) = docs.metadataType(of: resource, on: page, options: context.options),
                let merged = docs.resource(named: resource.name), merged.file == page.file
            else { continue }
            var documented = Set(docs.allProperties(of: merged).map { $0.name.lowercased() })
            for property in resource.properties + resource.relationships {
                documented.insert(property.name.lowercased())
            }
            for property in service.allProperties(of: type) where !documented.contains(property.name.lowercased()) {
                // An inherited property documented on the page of the type that declares it.
                if property.declaringType != type.name, let declaring = docs.resource(named: property.declaringType),
                    docs.allProperties(of: declaring).contains(where: {
                        $0.name.lowercased() == property.name.lowercased()
                    })
                {
                    continue
                }
                let table = property.isNavigation ? "Relationships" : "Properties"
                let heading = page.heading(named: table, near: resource.annotation.range)
                let inherited = property.declaringType == type.name ? nil : property.declaringType
                report.report(
                    .undocumented(
                        property.name, property.isNavigation, MetadataTypeComparison.text(property.type, in: service),
                        of: type.name, inherited: inherited, table: table),
                    at: heading?.range ?? resource.annotation.range,
                    notes: [.metadata("declared in the metadata here", property.location, in: service)],
                    anchor: "\(resource.name).\(property.name):metadata")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func undocumented(
        _ property: String, _ isNavigation: Bool, _ type: String, of owner: String, inherited: String?, table: String
    ) -> FindingMessage {
        let kind = isNavigation ? "navigation property" : "property"
        let origin = inherited.map { ", inherited from \($0)," } ?? ""
        return FindingMessage("\(kind) '\(property)' (\(type)) of \(owner)\(origin) is not in the \(table) table")
    }
}
