import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A resource page's JSON representation and its Properties table disagree.
struct ResourceJSONTableMismatchRule: LintRule {
    let description = RuleDescription(
        id: "resource-json-table-mismatch",
        family: .resources,
        summary: "a resource page's JSON representation and its Properties table disagree",
        defaultSeverity: .warning,
        rationale: """
            The Properties table and the JSON representation describe the same type; a property in one and not \
            the other, or a Boolean in one and a String in the other, leaves readers to guess which is right. \
            Relationships may appear in the JSON; enum-typed properties may be shown as "String". With \
            `--metadata`, the metadata decides: where it sides with the JSON, the metadata rules report the table \
            row instead (once, on the side that is wrong), and where it sides with the table, this rule reports \
            the JSON.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The identifier.|
                1️⃣|size|Int32|Bytes.|1️⃣
                |isActive|Boolean|Whether it is active.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                {
                  "id": "String",
                  "isActive": 2️⃣"String"2️⃣,
                  3️⃣"colour"3️⃣: "String"
                }
                ```
                """, file: "resources/gadget.md",
                messages: [
                    "property 'size' of gadget is in the Properties table but not in the JSON representation",
                    """
                    property 'isActive' of gadget is Boolean in the Properties table but String in the JSON \
                    representation
                    """,
                    "property 'colour' of gadget is in the JSON representation but not in the Properties table",
                ])
        ],
        nonTriggeringExamples: [
            // An enum-typed property shown as "String", and a relationship in the JSON.
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The identifier.|
                |status|[gadgetStatus](gadgetstatus.md)|The state.|
                |tags|String collection|Labels.|

                ## Relationships
                |Relationship|Type|Description|
                |:---|:---|:---|
                |parts|[part](part.md) collection|The parts of the gadget.|

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                {
                  "@odata.type": "#microsoft.graph.gadget",
                  "id": "String (identifier)",
                  "status": "String",
                  "tags": ["String"],
                  "parts": [{ "@odata.type": "microsoft.graph.part" }]
                }
                ```
                """, file: "resources/gadget.md")
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let json = resource.jsonExample, let members = json.members, !resource.properties.isEmpty else {
                continue
            }
            let keys = Set(members.map(\.key))
            let navigation = Set(resource.relationships.map(\.name))
            // With metadata, what it says about each property: nil when the metadata does not cover the type.
            let service = docs.metadataType(of: resource, on: page, options: context.options)
            let metadataProperties = service.map { service in
                Dictionary(
                    service.service.allProperties(of: service.type).map { ($0.name, $0) },
                    uniquingKeysWith: { first, _ in first })
            }
            for property in resource.properties where !keys.contains(property.name) {
                // A property the metadata lacks is metadata-property-unknown's, on the same row.
                if let metadataProperties, metadataProperties[property.name] == nil { continue }
                report.report(
                    .notInRepresentation(property.name, of: resource.shortName),
                    at: property.range, anchor: "\(resource.name).\(property.name):json")
            }
            let byName = Dictionary(resource.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for member in members where !Conformance.isAnnotationKey(member.key) {
                guard let property = byName[member.key] else {
                    // A property the metadata has is metadata-property-undocumented's.
                    if !navigation.contains(member.key), metadataProperties?[member.key] == nil {
                        report.report(
                            .notInTable(member.key, of: resource.shortName),
                            at: member.keyRange, anchor: "\(resource.name).\(member.key):table")
                    }
                    continue
                }
                if let written = Self.primitive(writtenAs: member.value), let declared = property.type.primitive,
                    !property.type.isCollection, !Self.compatible(written, declared)
                {
                    // The metadata sides with the JSON: the table row is metadata-property-type-mismatch's.
                    if let service, let metadataProperty = metadataProperties?[member.key],
                        let primitive = TypeReference(metadataProperty.type, in: service.service).primitive,
                        Self.compatible(written, primitive)
                    {
                        continue
                    }
                    report.report(
                        .typesDisagree(
                            member.key, of: resource.shortName, table: declared.rawValue,
                            representation: written.rawValue),
                        at: member.value.range,
                        notes: [.init("declared here", at: SourceLocation(file: page.file, range: property.range))],
                        anchor: "\(resource.name).\(member.key):type")
                }
            }
        }
    }

    /// The primitive a JSON representation value names: `"Boolean"`, `"String (timestamp)"`, `true`, `3`.
    static func primitive(writtenAs value: JSONValue) -> TypeReference.Primitive? {
        switch value.kind {
        case .bool: return .boolean
        case .string(let text):
            let type = TypeReference.parse(text)
            if text.lowercased().containsBytes("timestamp") { return .dateTimeOffset }
            return type.isCollection ? nil : type.primitive
        default: return nil
        }
    }

    /// Written and declared primitives that agree: String stands for every string-valued type, and numbers for
    /// each other.
    static func compatible(_ written: TypeReference.Primitive, _ declared: TypeReference.Primitive) -> Bool {
        if written == declared { return true }
        let stringValued: Set<TypeReference.Primitive> = [
            .string, .dateTimeOffset, .date, .timeOfDay, .duration, .guid, .binary, .stream,
        ]
        if written == .string && stringValued.contains(declared) { return true }
        if written.isNumeric && declared.isNumeric { return true }
        return declared == .untyped
    }
}

extension FindingMessage {
    fileprivate static func notInRepresentation(_ property: String, of type: String) -> FindingMessage {
        FindingMessage(
            "property '\(property)' of \(type) is in the Properties table but not in the JSON representation")
    }

    fileprivate static func notInTable(_ property: String, of type: String) -> FindingMessage {
        FindingMessage(
            "property '\(property)' of \(type) is in the JSON representation but not in the Properties table")
    }

    fileprivate static func typesDisagree(
        _ property: String, of type: String, table: String, representation: String
    )
        -> FindingMessage
    {
        FindingMessage(
            "property '\(property)' of \(type) is \(table) in the Properties table but \(representation) in the JSON representation"
        )
    }
}
