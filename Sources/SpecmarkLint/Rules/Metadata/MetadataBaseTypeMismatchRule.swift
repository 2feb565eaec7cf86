import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A resource's base type differs from the metadata's.
struct MetadataBaseTypeMismatchRule: LintRule {
    let description = RuleDescription(
        id: "metadata-base-type-mismatch",
        family: .metadata,
        summary: "a resource's base type differs from the metadata's",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, the base type decides which properties a type inherits and where it may be used \
            in place of another. A resource annotation (or the page's "Inherits from" link) naming another base \
            type than the service, or none where the service has one, documents the wrong inheritance. An \
            abstract root that only holds the key (Graph's `entity`) may be left out.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.bigWidget.replacing(
                    "\"baseType\": \"microsoft.graph.widget\"",
                    with: "1️⃣\"baseType\"1️⃣: \"microsoft.graph.part\""
                ).replacing("Inherits from [widget](widget.md).", with: ""),
                file: "resources/bigwidget.md", otherPages: MetadataExamples.pages(without: "resources/bigwidget.md"),
                messages: [
                    "microsoft.graph.bigWidget derives from microsoft.graph.part here, but from microsoft.graph.widget in the metadata"
                ],
                metadata: MetadataExamples.csdl),
            RuleExample(
                """
                # bigWidget resource type

                1️⃣<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.bigWidget" } -->1️⃣
                ```json
                { "capacity": "Int32" }
                ```
                """,
                file: "resources/bigwidget.md", otherPages: MetadataExamples.pages(without: "resources/bigwidget.md"),
                messages: [
                    "microsoft.graph.bigWidget has no base type here, but derives from microsoft.graph.widget in the metadata"
                ],
                metadata: MetadataExamples.csdl),
        ],
        nonTriggeringExamples: [
            RuleExample(
                MetadataExamples.part.replacing(", \"baseType\": \"microsoft.graph.entity\"", with: ""),
                file: "resources/part.md", otherPages: MetadataExamples.pages(without: "resources/part.md"),
                metadata: MetadataExamples.csdl),
            RuleExample(
                ExamplePages.bigWidget, file: "resources/bigwidget.md",
                otherPages: MetadataExamples.pages(without: "resources/bigwidget.md"), metadata: MetadataExamples.csdl),
            // The base type read from the page's "Inherits from" link.
            RuleExample(
                ExamplePages.bigWidget.replacing(", \"baseType\": \"microsoft.graph.widget\"", with: ""),
                file: "resources/bigwidget.md", otherPages: MetadataExamples.pages(without: "resources/bigwidget.md"),
                metadata: MetadataExamples.csdl),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let (service, type) = docs.metadataType(of: resource, on: page, options: context.options) else {
                continue
            }
            // The merged definition carries the base type read from "Inherits from" prose.
            let documentedBase = (docs.resource(named: resource.name)?.baseType ?? resource.baseType).flatMap {
                $0.isEmpty ? nil : $0
            }
            let documented = documentedBase.map { service.qualifiedTypeName($0, near: type.name) ?? $0 }
            guard documented?.lowercased() != type.baseType?.lowercased() else { continue }
            // Graph's `entity` (abstract, only its key) is every entity's implicit root: pages leave it out.
            if documented == nil, let base = type.baseType.flatMap(service.type(named:)), Self.isImplicitRoot(base) {
                continue
            }
            let range =
                resource.annotation.json.member("baseType") != nil
                ? resource.annotation.range(of: "baseType") : resource.annotation.range
            report.report(
                .baseTypeMismatch(type.name, documented: documented, declared: type.baseType), at: range,
                notes: [.metadata("declared in the metadata here", type.location, in: service)],
                anchor: "\(resource.name):baseType:metadata")
        }
    }
}

extension MetadataBaseTypeMismatchRule {
    /// An abstract type with no base whose only properties are its key (Graph's `microsoft.graph.entity`).
    static func isImplicitRoot(_ type: StructuredType) -> Bool {
        type.isAbstract && type.baseType == nil && !type.key.isEmpty && type.navigationProperties.isEmpty
            && type.properties.map(\.name) == type.key
    }
}

extension FindingMessage {
    fileprivate static func baseTypeMismatch(_ type: String, documented: String?, declared: String?) -> FindingMessage {
        switch (documented, declared) {
        case (let documented?, let declared?):
            FindingMessage("\(type) derives from \(documented) here, but from \(declared) in the metadata")
        case (nil, let declared?):
            FindingMessage("\(type) has no base type here, but derives from \(declared) in the metadata")
        case (let documented?, nil):
            FindingMessage("\(type) derives from \(documented) here, but has no base type in the metadata")
        case (nil, nil):
            FindingMessage("\(type) has no base type")
        }
    }
}
