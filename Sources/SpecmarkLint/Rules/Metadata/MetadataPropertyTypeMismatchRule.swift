import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A documented property's type contradicts the metadata's.
struct MetadataPropertyTypeMismatchRule: LintRule {
    let description = RuleDescription(
        id: "metadata-property-type-mismatch",
        family: .metadata,
        summary: "a documented property's type contradicts the metadata",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, the service's declared type is what clients receive. A row that says String where \
            the metadata says Boolean, a single value where it declares a collection, String for an enum, or one \
            complex type for another sends readers and generated code the wrong way. A type derived from the \
            declared one is fine (a page may document the derived type its examples use). When the resource's \
            JSON representation agrees with the metadata, this is the one finding, on the row, and the examples \
            that agree with the service are not blamed.
            """,
        triggeringExamples: [
            RuleExample(
                MetadataExamples.widget.replacing(
                    "|isActive|Boolean|Whether it is active.|", with: "1️⃣|isActive|String|Whether it is active.|1️⃣"
                ).replacing("|tags|String collection|Labels.|", with: "2️⃣|tags|String|Labels.|2️⃣")
                    .replacing(
                        "|status|[widgetStatus](widgetstatus.md)|The status.|", with: "3️⃣|status|String|The status.|3️⃣"
                    ).replacing(
                        "|dimensions|[widgetDimensions](widgetdimensions.md)|Height and width.|",
                        with: "4️⃣|dimensions|[part](part.md)|Height and width.|4️⃣"),
                file: "resources/widget.md",
                otherPages: MetadataExamples.pages(without: "resources/widget.md").merging([
                    "resources/widgetstatus.md": MetadataExamples.widgetStatusPage(members: ["active", "retired"])
                ]) { first, _ in first },
                messages: [
                    "property 'isActive' of microsoft.graph.widget is String here, but Boolean in the metadata",
                    "property 'tags' of microsoft.graph.widget is String here, but Collection(String) in the metadata",
                    "property 'status' of microsoft.graph.widget is String here, but microsoft.graph.widgetStatus in the metadata",
                    "property 'dimensions' of microsoft.graph.widget is part here, but microsoft.graph.widgetDimensions in the metadata",
                ],
                metadata: MetadataExamples.csdl,
                // Each cell as the metadata has the type, linked to the page that defines it.
                fixed: MetadataExamples.widget)
        ],
        nonTriggeringExamples: [
            MetadataExamples.agreeingWidget,
            // A derived type where the metadata declares its base.
            RuleExample(
                MetadataExamples.part.replacing(
                    "|label|String|What the part is called.|",
                    with: "|label|String|What the part is called.|\n|holder|[bigWidget](bigwidget.md)|Where it is.|"),
                file: "resources/part.md", otherPages: MetadataExamples.pages(without: "resources/part.md"),
                metadata: MetadataExamples.csdl.replacing(
                    "<Property Name=\"label\" Type=\"Edm.String\" />",
                    with:
                        "<Property Name=\"label\" Type=\"Edm.String\" />\n<Property Name=\"holder\" Type=\"graph.widget\" />"
                )),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let (service, type) = docs.metadataType(of: resource, on: page, options: context.options) else {
                continue
            }
            let declared = Dictionary(
                service.allProperties(of: type).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for property in resource.properties + resource.relationships where !property.name.hasPrefix("@") {
                guard let metadataProperty = declared[property.name],
                    !MetadataTypeComparison.agrees(property.type, metadataProperty.type, in: service, owner: type.name)
                else { continue }
                report.report(
                    .mismatch(
                        property.name, of: type.name, documented: property.type,
                        declared: MetadataTypeComparison.text(metadataProperty.type, in: service)),
                    at: property.range,
                    notes: [.metadata("declared in the metadata here", metadataProperty.location, in: service)],
                    anchor: "\(resource.name).\(property.name):type",
                    fix: Self.fix(property, to: metadataProperty.type, in: service, docs: docs, page: page))
            }
        }
    }
}

extension MetadataPropertyTypeMismatchRule {
    /// The row's type cell written as the metadata declares the type, in the docs' style.
    static func fix(
        _ property: PropertyDefinition, to type: MetadataTypeName, in service: ServiceMetadata, docs: DocSet,
        page: PageContract
    ) -> Fix? {
        let written = property.type.raw.trimmingSpaces()
        guard property.type.isBare, property.file == page.file else { return nil }
        let text = MetadataTypeComparison.cellText(type, in: service, docs: docs, from: page.file)
        return Fix(
            "Write '\(text)'",
            edits: [FixEdit(range: property.range, change: .replaceCell(expected: written, with: text))])
    }
}

extension FindingMessage {
    fileprivate static func mismatch(
        _ property: String, of type: String, documented: TypeReference, declared: String
    ) -> FindingMessage {
        FindingMessage("property '\(property)' of \(type) is \(documented) here, but \(declared) in the metadata")
    }
}
