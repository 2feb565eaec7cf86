import SpecmarkMarkdown

extension Extraction {
    /// The types defined on the page: each `resource` annotation with its Properties and Relationships tables
    /// and its JSON representation.
    mutating func resourceDefinitions() -> [ResourceDefinition] {
        let items = codeItems.filter { $0.annotation?.blockType == .resource }
        guard !items.isEmpty else { return [] }
        let propertyTables = sections(matching: configuration.titles.properties).flatMap { section in
            ownTables(of: section).filter { definesProperties($0) }.map {
                parameterTable($0, kind: .properties, heading: section.title)
            }
        }
        let relationshipTables = sections(matching: configuration.titles.relationships).flatMap { section in
            ownTables(of: section).filter { definesProperties($0) }.map {
                parameterTable($0, kind: .relationships, heading: section.title)
            }
        }
        // The prose before Properties, read once for both questions (only a page of one type asks them).
        let introductionParagraphs = items.count == 1 ? Self.paragraphs(in: proseBeforeProperties()) : []
        let inheritsFrom = items.count == 1 ? Self.inheritanceLink(in: introductionParagraphs) : nil
        let proseSaysOpen = items.count == 1 && Self.callsItselfOpen(introductionParagraphs)
        var result: [ResourceDefinition] = []
        var previousEnd = SourcePosition(line: 0, column: 0)
        for (index, item) in items.enumerated() {
            guard let annotation = item.annotation else { continue }
            // With several resources on one page, each takes the tables between the previous one and itself.
            let belongs = { (table: ParameterTable) -> Bool in
                items.count == 1 || index == items.count - 1 && table.range.start > previousEnd
                    || (table.range.start > previousEnd && table.range.start < item.code.range.start)
            }
            let anchor = annotation.odataType ?? "resource#\(index)"
            guard let name = annotation.odataType, !name.isEmpty else {
                issues.append(issue(.resourceMissingType, .resourceWithoutType, annotation.range, anchor: anchor))
                previousEnd = item.code.range.end
                continue
            }
            let ownProperties = propertyTables.filter(belongs).flatMap { properties(of: $0, navigation: false) }
            let ownRelationships = relationshipTables.filter(belongs).flatMap { properties(of: $0, navigation: true) }
            var json: JSONValue?
            if Self.httpLanguages.contains(item.code.language) || item.code.language.hasPrefix("json") {
                let parsed = JSONParser.parse(item.code.content, tolerating: JSONParser.bodyTolerances)
                json = parsed.value
                if let value = json, let element = Self.collectionElement(of: value),
                    !(ownProperties + ownRelationships).contains(where: { $0.name == "value" })
                {
                    // A pasted collection response: the element is the type's representation.
                    issues.append(
                        issue(
                            .resourceRepresentationCollection, .representationIsCollection(of: name), value.range,
                            anchor: "\(anchor):representation"))
                    json = element
                }
                if let error = parsed.error {
                    issues.append(
                        issue(
                            .bodyInvalidJSON, .representationNotJSON(error.message), SourceRange(at: error.position),
                            anchor: anchor))
                }
            }
            var resource =
                ResourceDefinition(
                    name: name, file: file, annotation: annotation, keyProperty: annotation.keyProperty,
                    baseType: annotation.baseType, isOpenType: annotation.openType || proseSaysOpen,
                    isAbstract: annotation.abstract,
                    optionalProperties: annotation.optionalProperties,
                    nullableProperties: annotation.nullableProperties,
                    properties: ownProperties, relationships: ownRelationships,
                    jsonExample: json, inheritsFrom: inheritsFrom)
            resource.shownProperties = (json?.members ?? []).filter { !Conformance.isAnnotationKey($0.key) }.map {
                PropertyDefinition.shown(by: $0, in: file)
            }
            result.append(resource)
            previousEnd = item.code.range.end
        }
        return result
    }

    /// The first element of a JSON representation that is a collection response (`{ "value": [ { … } ] }`, with
    /// nothing but annotations beside `value`), or nil for a representation of one instance.
    static func collectionElement(of value: JSONValue) -> JSONValue? {
        guard let members = value.members else { return nil }
        let properties = members.filter { !Conformance.isAnnotationKey($0.key) }
        guard properties.count == 1, properties[0].key == "value", let elements = properties[0].value.elements,
            let first = elements.first, first.members != nil
        else { return nil }
        return first
    }

    /// The blocks of the page's prose before its Properties section.
    private func proseBeforeProperties() -> ArraySlice<Block> {
        var blocks = document.blocks[leadingBlocks]
        for section in outlineEntries {
            if configuration.titles.properties.matches(section.title) { break }
            blocks += document.blocks[section.ownBlocks]
        }
        return blocks
    }

    /// Whether the page's prose before its Properties section says the type is open ("This is an open type",
    /// "It is an _Open Type_"), which the annotation's `openType` would otherwise say.
    private static func callsItselfOpen(_ introduction: [Paragraph]) -> Bool {
        introduction.contains { paragraph in
            // ASCII text (each character a byte) is lower-cased and rid of emphasis marks byte by byte, in one
            // pass and no string; other text by Characters.
            guard paragraph.text.isAllASCII else {
                let text = paragraph.text.lowercased().filter { $0 != "_" && $0 != "*" }
                return text.containsBytes("is an open type") && !text.containsBytes("not an open type")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(paragraph.text.utf8.count)
            for byte in paragraph.text.utf8 where byte != UInt8(ascii: "_") && byte != UInt8(ascii: "*") {
                bytes.append(ByteSearch.lowered(byte))
            }
            return ByteSearch.firstIndex(of: openPhrase, in: bytes) != nil
                && ByteSearch.firstIndex(of: notOpenPhrase, in: bytes) == nil
        }
    }

    private static let openPhrase = Array("is an open type".utf8)
    private static let notOpenPhrase = Array("not an open type".utf8)

    /// The phrases that say, before a link to the base type's page, what a type inherits from.
    private static let inheritancePhrases = [
        "inherits from", "inherits the properties from", "inherits properties from", "inherits its properties from",
        "a subclass of", "derived from", "derives from",
    ]

    /// The link right after a phrase of inheritance ("inherits from", "inherits the properties from", "a subclass
    /// of", "derived from") in the page's prose before its Properties section.
    private static func inheritanceLink(in introduction: [Paragraph]) -> Link? {
        for paragraph in introduction {
            let text = paragraph.text.lowercased()
            for phrase in inheritancePhrases {
                guard let phraseEnd = text.indexAfter(phrase) else { continue }
                // The first link whose text follows the phrase, with at most an article or a space between.
                let rest = String(text[phraseEnd...])
                for link in paragraph.links where !link.isImage && link.destination.hasSuffix(".md") {
                    let linkText = link.text.lowercased()
                    guard !linkText.isEmpty, let end = rest.indexAfter(linkText),
                        rest.distance(from: rest.startIndex, to: end) - linkText.count <= inheritanceGap
                    else { continue }
                    return link
                }
            }
        }
        return nil
    }

    /// How many characters may stand between a phrase of inheritance and its link's text (" the base class ").
    private static let inheritanceGap = 16

    /// Whether a table under Properties or Relationships lists properties: its header names a property (or name)
    /// column or a type column. Tables of values there (`Member | Description`, `Pre-set constant | Color`,
    /// `Property Type | Remarks`) explain a property's values and define none.
    func definesProperties(_ table: Table) -> Bool {
        let headings = configuration.tableHeadings
        let columns = table.header.cells.map(\.text)
        if Self.column(in: columns, named: headings.nameColumns) != nil { return true }
        // A `Value` column is a type column in some tables, but here it is what a table of values has.
        let typeColumns = headings.typeColumns.filter { !headings.valueColumns.contains($0) }
        return Self.column(in: columns, named: typeColumns, excluding: 0) != nil
    }

    private func properties(of table: ParameterTable, navigation: Bool) -> [PropertyDefinition] {
        table.parameters.map { parameter in
            let lowered = parameter.description.lowercased()
            let nullable =
                lowered.containsBytes("nullable") && !lowered.containsBytes("not nullable")
                && !lowered.containsBytes("non-nullable") && !lowered.containsBytes("not null")
            let readOnly = lowered.containsBytes("read-only") || lowered.containsBytes("read only")
            return PropertyDefinition(
                name: parameter.name,
                type: parameter.type
                    ?? TypeReference(raw: "", primitive: nil, typeName: nil, isCollection: false, link: nil),
                description: parameter.description, range: parameter.range, isNullable: nullable, isReadOnly: readOnly,
                isNavigation: navigation, file: file)
        }
    }

    /// Enumerations: sections titled `{x} values` (and the other variants) whose own table has a member column
    /// (an enum section's sub-sections that are enum sections themselves define their own enums: a page titled
    /// "Enum values" is not an enum named `Enum`).
    func enumDefinitions() -> [EnumDefinition] {
        let headings = configuration.tableHeadings
        var result: [EnumDefinition] = []
        for section in sections(matching: configuration.titles.enumValues) {
            for table in ownTables(of: section) {
                let columns = table.header.cells.map(\.text)
                guard let memberColumn = Self.column(in: columns, named: headings.memberColumns) else { continue }
                let valueColumn = Self.column(in: columns, named: headings.valueColumns, excluding: memberColumn)
                let descriptionColumn = Self.column(in: columns, named: ["Description"], excluding: memberColumn)
                var members: [EnumDefinition.Member] = []
                for row in table.rows where !row.isGroup {
                    guard let cell = row[column: memberColumn], !cell.text.isEmpty else { continue }
                    members.append(
                        EnumDefinition.Member(
                            name: Self.parameterName(cell.text), value: valueColumn.flatMap { row[column: $0]?.text },
                            description: descriptionColumn.flatMap { row[column: $0]?.text } ?? "", range: row.range))
                }
                let name = enumName(from: section.title)
                result.append(
                    EnumDefinition(
                        name: name, file: file, range: section.heading.range, members: members,
                        memberColumn: memberColumn, valueColumn: valueColumn))
            }
        }
        return result
    }

    /// `riskLevel values` → `riskLevel`; a bare `Members` section takes the name from the page title.
    private func enumName(from title: String) -> String {
        var text = title.trimmingSpaces()
        let suffixes = [
            " property values", " enumeration values", " enumeration", " values", " members", " flags", " enum type",
            " enum",
        ]
        for suffix in suffixes where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            break
        }
        if ["members", "enumerated values"].contains(text.lowercased()) {
            let pageTitle = headings.first { $0.level == 1 }?.text ?? ""
            return enumName(from: pageTitle)
        }
        return text.lastPiece(separatedBy: UInt8(ascii: " ")).map(String.init) ?? text
    }
}

extension FindingMessage {
    fileprivate static let resourceWithoutType = FindingMessage(
        "resource annotation has no '@odata.type', so no type is defined")

    fileprivate static func representationIsCollection(of type: String) -> FindingMessage {
        FindingMessage(
            "the JSON representation of '\(type)' is a collection response ('value' array); show one instance, "
                + "whose properties are read from the first element")
    }

    fileprivate static func representationNotJSON(_ error: String) -> FindingMessage {
        FindingMessage("resource JSON representation is not valid JSON: \(error)")
    }
}
