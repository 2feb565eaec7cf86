import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A resource or enum page documents a type the service's metadata does not have.
struct MetadataTypeUnknownRule: LintRule {
    let description = RuleDescription(
        id: "metadata-type-unknown",
        family: .metadata,
        summary: "a documented type is not in the service's metadata",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, the service's CSDL is the authority on which types exist. A resource or enum page \
            for a type the service does not define documents something no client can receive: a beta type in the \
            v1.0 docs, a renamed type, a misspelt `@odata.type`, a type in another namespace. The finding says \
            which: a name that differs only in case, the same name in another namespace, or a close spelling. \
            A values table named after one of the page's properties lists a String property's values, not an \
            enum type. Types listed under `metadata-ignore` are left alone.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # gizmo resource type

                <!-- { "blockType": "resource", 1️⃣"@odata.type"1️⃣: "microsoft.graph.gizmo" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/gizmo.md", messages: ["type 'microsoft.graph.gizmo' is not in the metadata"],
                metadata: MetadataExamples.csdl),
            RuleExample(
                """
                # Widget resource type

                <!-- { "blockType": "resource", 1️⃣"@odata.type"1️⃣: "microsoft.graph.Widget" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/widget.md",
                messages: ["type 'microsoft.graph.Widget' is spelt 'microsoft.graph.widget' in the metadata"],
                metadata: MetadataExamples.csdl),
            RuleExample(
                """
                # wigdet resource type

                <!-- { "blockType": "resource", 1️⃣"@odata.type"1️⃣: "microsoft.graph.wigdet" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/wigdet.md",
                messages: [
                    "type 'microsoft.graph.wigdet' is not in the metadata; did you mean 'microsoft.graph.widget'?"
                ],
                metadata: MetadataExamples.csdl),
            RuleExample(
                """
                # widgetState enum type

                1️⃣## widgetState values1️⃣

                |Member|
                |:---|
                |on|
                """,
                file: "resources/widgetstate.md",
                messages: ["enum 'widgetState' is not in the metadata; did you mean 'widgetStatus'?"],
                metadata: MetadataExamples.csdl),
        ],
        nonTriggeringExamples: [
            MetadataExamples.agreeingWidget,
            RuleExample(
                """
                # gizmo resource type

                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gizmo" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/gizmo.md", options: .with { $0.metadataIgnoredTypes = ["gizmo"] },
                metadata: MetadataExamples.csdl),
            RuleExample(
                """
                # gizmo resource type

                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gizmo" } -->
                ```json
                { "id": "String" }
                ```
                """,
                file: "resources/gizmo.md"),
            RuleExample(
                MetadataExamples.widget.replacing(
                    "|name|String|", with: "|shade|String|The shade; see the values.|\n|name|String|")
                    + "\n\n### shade values\n\n|Member|\n|:---|\n|dark|\n",
                file: "resources/widget.md", otherPages: MetadataExamples.pages(without: "resources/widget.md"),
                metadata: MetadataExamples.csdl),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard !page.resources.isEmpty || !page.enums.isEmpty, let service = docs.metadata(forFile: page.file) else {
            return
        }
        for resource in page.resources where !context.options.ignoresMetadataType(resource.name) {
            guard service.type(named: resource.name) == nil, service.enumType(named: resource.name) == nil else {
                continue
            }
            report.report(
                message(for: resource.name, in: service, enum: false), at: resource.annotation.range(of: "@odata.type"),
                anchor: resource.name)
        }
        // Enum tables live on resource and enum pages (a method page's "List members" is no enum), and a table
        // named after one of the page's properties lists the values of a String property, not an enum type.
        let propertyNames = Set(
            page.resources.flatMap { ($0.properties + $0.relationships).map { $0.name.lowercased() } })
        for enumeration in page.enums
        where page.kind != .method && !context.options.ignoresMetadataType(enumeration.name)
            && !propertyNames.contains(enumeration.name.lowercased())
        {
            // Enum pages name their type without a namespace.
            let short = MetadataTypeName(name: enumeration.name).shortName
            guard service.enumType(shortName: short) == nil else { continue }
            report.report(
                message(for: enumeration.name, in: service, enum: true), at: enumeration.range,
                anchor: enumeration.name)
        }
    }

    private func message(for name: String, in service: ServiceMetadata, enum isEnum: Bool) -> FindingMessage {
        let qualifiedName = isEnum ? name : service.qualified(name).name
        let kind = isEnum ? "enum" : "type"
        // The names come split and lower-cased once per run: a message compares the name with every type's.
        let candidates = isEnum ? service.enumNameParts : service.typeNameParts
        // By index throughout: `first(where:)` and `filter` copy every type's parts they pass (a retain for each
        // of their strings), for each finding, against thousands of types.
        let lowered = (isEnum ? name : qualifiedName).lowercased()
        for index in candidates.indices
        where (isEnum ? candidates[index].lowercasedShortName : candidates[index].lowercased) == lowered {
            return .spelling(kind, name, isEnum ? candidates[index].shortName : candidates[index].name)
        }
        let short = MetadataTypeName(name: name).shortName
        if !isEnum {
            for index in candidates.indices where candidates[index].shortName == short {
                return .otherNamespace(kind, name, candidates[index].name)
            }
        }
        let namespace = MetadataTypeName(name: qualifiedName).namespace
        let nearby = candidates.indices.filter { isEnum || candidates[$0].namespace == namespace }
        let suggestion = closestMatch(to: short, in: nearby.map { candidates[$0].shortName }, maximumDistance: 2)
        if isEnum { return .unknown(kind, name, suggestion: suggestion) }
        return .unknown(
            kind, name,
            suggestion: suggestion.flatMap { found in
                let suffix = ".\(found)"
                return nearby.first { candidates[$0].name.hasSuffix(suffix) }.map { candidates[$0].name }
            })
    }
}

extension FindingMessage {
    fileprivate static func unknown(_ kind: String, _ name: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "\(kind) '\(name)' is not in the metadata", suggesting: suggestion)
    }

    fileprivate static func spelling(_ kind: String, _ name: String, _ match: String) -> FindingMessage {
        FindingMessage("\(kind) '\(name)' is spelt '\(match)' in the metadata")
    }

    fileprivate static func otherNamespace(_ kind: String, _ name: String, _ match: String) -> FindingMessage {
        FindingMessage("\(kind) '\(name)' is not in the metadata, which has '\(match)'")
    }
}
