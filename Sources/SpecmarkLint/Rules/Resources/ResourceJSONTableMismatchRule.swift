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
            Relationships may appear in the JSON; enum-typed properties may be shown as "String". A type \
            disagreement is reported once, on the table row, with the JSON line as a related location and, where \
            the response examples of the type take one side, which side is likelier wrong; the examples are \
            checked against either type, so none is blamed for the page's own contradiction. With `--metadata`, \
            the metadata decides: where it sides with the JSON, the metadata rules report the table row instead \
            (once, on the side that is wrong), and where it sides with the table, this rule reports the JSON.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The identifier.|
                1️⃣|size|Int32|Bytes.|1️⃣
                2️⃣|isActive|Boolean|Whether it is active.|2️⃣

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                {
                  "id": "String",
                  "isActive": "String",
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
                ]),
            // A collection shown as one value; an example that agrees with the JSON says the table is wrong.
            RuleExample(
                """
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The identifier.|
                1️⃣|labels|String|The labels.|1️⃣

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
                ```json
                { "id": "String", "labels": ["String"] }
                ```
                """, file: "resources/gadget.md",
                otherPages: [
                    "api/gadget-get.md": """
                    <!-- { "blockType": "response", "@odata.type": "microsoft.graph.gadget" } -->
                    ```http
                    HTTP/1.1 200 OK
                    Content-Type: application/json

                    { "id": "1", "labels": ["red", "blue"] }
                    ```
                    """
                ],
                messages: [
                    """
                    property 'labels' of gadget is String in the Properties table but Collection(String) in the JSON \
                    representation; 1 example agrees with the JSON representation, so the table is likelier wrong
                    """
                ]),
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
            // Properties of the base types, which a representation shows with the type's own ("inherits the
            // properties from x and includes the following additional properties").
            let inherited = Set(
                docs.inheritanceChain(of: resource).dropFirst().flatMap {
                    ($0.properties + $0.relationships).map(\.name)
                })
            // With metadata, what it says about each property: nil when the metadata does not cover the type.
            let service = docs.metadataType(of: resource, on: page, options: context.options)
            let metadataProperties = service.map { service in
                Dictionary(
                    service.service.allProperties(of: service.type).map { ($0.name, $0) },
                    uniquingKeysWith: { first, _ in first })
            }
            // Properties and members by index, and properties found by their position: binding or storing each
            // one would copy it (a retain for each of its strings) to read a few fields.
            let properties = resource.properties
            for index in properties.indices where !keys.contains(properties[index].name) {
                // A property the metadata lacks is metadata-property-unknown's, on the same row.
                if let metadataProperties, metadataProperties[properties[index].name] == nil { continue }
                report.report(
                    .notInRepresentation(properties[index].name, of: resource.shortName),
                    at: properties[index].range, anchor: "\(resource.name).\(properties[index].name):json")
            }
            let byName = Dictionary(
                properties.indices.map { (properties[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
            for member in members.indices where !Conformance.isAnnotationKey(members[member].key) {
                let key = members[member].key
                guard let position = byName[key] else {
                    // A property the metadata has is metadata-property-undocumented's.
                    if !navigation.contains(key), !inherited.contains(key), metadataProperties?[key] == nil {
                        report.report(
                            .notInTable(key, of: resource.shortName),
                            at: members[member].keyRange, anchor: "\(resource.name).\(key):table")
                    }
                    continue
                }
                guard let written = TypeReference.written(by: members[member].value),
                    !properties[position].type.isUnknown, !properties[position].type.admits(written: written)
                else { continue }
                let table = properties[position].type
                let row = SourceLocation(file: page.file, range: properties[position].range)
                let shownAt = SourceLocation(file: page.file, range: members[member].value.range)
                if let service, let metadataProperty = metadataProperties?[key] {
                    // The metadata sides with the JSON: the table row is metadata-property-type-mismatch's.
                    if TypeReference(metadataProperty.type, in: service.service).admits(written: written) { continue }
                    report.report(
                        .typesDisagree(
                            key, of: resource.shortName, table: table.description,
                            representation: written.description, evidence: ""),
                        at: members[member].value.range, notes: [.init("declared here", at: row)],
                        anchor: "\(resource.name).\(key):type")
                    continue
                }
                // Without metadata, the row is reported: the examples are checked against either type.
                let agreeing = Self.examples(
                    agreeingOn: key, of: resource, table: table, shown: written, docs: docs)
                report.report(
                    .typesDisagree(
                        key, of: resource.shortName, table: table.description,
                        representation: written.description, evidence: Self.evidence(agreeing)),
                    at: properties[position].range,
                    notes: [.init("the JSON representation shows \(written) here", at: shownAt)],
                    anchor: "\(resource.name).\(key):type")
            }
        }
    }

    /// How many properties of response examples of `resource` across the doc set are of a kind only the table's
    /// type takes, and how many of a kind only the type the representation shows takes.
    static func examples(
        agreeingOn property: String, of resource: ResourceDefinition, table: TypeReference, shown: TypeReference,
        docs: DocSet
    ) -> (table: Int, shown: Int) {
        let name = resource.name.lowercased()
        var counts = (table: 0, shown: 0)
        for index in docs.pages.indices {  // by index: binding each page would copy every field of every page
            for shape in docs.pages[index].exampleShapes where shape.property == property && shape.type == name {
                let asTable = table.accepts(shape.kind, docs: docs)
                let asShown = shown.accepts(shape.kind, docs: docs)
                if asTable && !asShown { counts.table += 1 }
                if asShown && !asTable { counts.shown += 1 }
            }
        }
        return counts
    }

    /// What the examples say about which side is wrong, when they take one side only.
    static func evidence(_ agreeing: (table: Int, shown: Int)) -> String {
        func examples(_ count: Int) -> String { count == 1 ? "1 example agrees" : "\(count) examples agree" }
        if agreeing.shown > 0 && agreeing.table == 0 {
            return "; \(examples(agreeing.shown)) with the JSON representation, so the table is likelier wrong"
        }
        if agreeing.table > 0 && agreeing.shown == 0 {
            return "; \(examples(agreeing.table)) with the table, so the JSON representation is likelier wrong"
        }
        return ""
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
        _ property: String, of type: String, table: String, representation: String, evidence: String
    )
        -> FindingMessage
    {
        FindingMessage(
            "property '\(property)' of \(type) is \(table) in the Properties table but \(representation) in the JSON "
                + "representation\(evidence)")
    }
}
