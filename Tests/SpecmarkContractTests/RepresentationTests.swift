import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

/// What a resource's JSON representation declares: the types its values show, pasted collection responses, open
/// types named in prose, and types with no Properties table.
@Suite struct RepresentationTests {
    private func value(_ json: String) throws -> JSONValue {
        try #require(JSONParser.parse(json, tolerating: JSONParser.bodyTolerances).value)
    }

    @Test func typesTheRepresentationShows() throws {
        let shown = try [
            "\"Boolean\"", "true", "3", "\"String (timestamp)\"", "[\"String\"]", "\"String collection\"",
            "{ \"@odata.type\": \"#microsoft.graph.identitySet\" }", "\"2021-01-01\"", "null", "[]", "{}",
            "\"active\"", "{ \"@odata.type\": \"collection(microsoft.graph.part)\" }", "\"4.2\"",
            "\"contoso.example.com\"", "\"boolean | currency\"",
        ].map { try TypeReference.written(by: value($0))?.description ?? "nil" }
        #expect(
            shown == [
                "Boolean", "Boolean", "Int64", "String", "Collection(String)", "Collection(String)",
                "microsoft.graph.identitySet", "String", "nil", "nil", "nil", "nil", "Collection(microsoft.graph.part)",
                "nil", "nil",
                "nil",
            ])
    }

    @Test func declaredTypesAdmitWhatTheRepresentationShows() throws {
        func admits(_ declared: String, _ json: String) throws -> Bool {
            TypeReference.parse(declared).admits(written: try #require(TypeReference.written(by: try value(json))))
        }
        #expect(try admits("DateTimeOffset", "\"String\""))
        #expect(try admits("Double", "3"))
        #expect(try admits("riskLevel", "\"String\""))
        #expect(try admits("String collection", "[\"String\"]"))
        #expect(try !admits("String", "true"))
        #expect(try !admits("Boolean", "\"String\""))
        #expect(try !admits("String", "[\"String\"]"))
        #expect(try !admits("String collection", "\"String\""))
    }

    @Test func aTypeCellIsACollectionWhenProseFollowsTheCollectionWord() {
        let prose = TypeReference.parse("educationOutcome collection. Holds grades", linkText: "educationOutcome")
        #expect(prose.description == "Collection(educationOutcome)")
        #expect(!prose.isBare)
        #expect(TypeReference.parse("String (identifier)").description == "String")
        #expect(!TypeReference.parse("String (identifier)").isBare)
        for bare in [
            "String", "Edm.Int32", "String collection", "Collection(microsoft.graph.user)", "user collection",
            "String (enum)",
        ] {
            #expect(TypeReference.parse(bare).isBare, "\(bare)")
        }
    }

    @Test func aPastedCollectionResponseIsReadFromItsElement() throws {
        let text = """
            # gadget resource type

            ## JSON representation
            <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
            ```json
            {
              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#gadgets",
              "value": [ { "id": "String", "isFolded": true } ]
            }
            ```
            """
        let page = PageExtractor().extract(MarkdownDocument.parse(text, path: "gadget.md"), file: "gadget.md")
        let resource = try #require(page.resources.first)
        #expect(resource.jsonExample?.members?.map(\.key) == ["id", "isFolded"])
        let issue = try #require(page.issues.first { $0.kind == .resourceRepresentationCollection })
        #expect(issue.location.range.start == SourcePosition(line: 6, column: 1))
        // With no table, the representation declares the properties, typed as it shows them.
        let docs = DocSet(pages: [page])
        let table = docs.propertyTable(of: resource)
        #expect(table.properties.map(\.name) == ["id", "isFolded"])
        #expect(table.property(named: "isFolded")?.type.primitive == .boolean)
        #expect(table.property(named: "isFolded")?.range.start == SourcePosition(line: 8, column: 32))
    }

    @Test func proseCanCallATypeOpen() throws {
        func resource(_ prose: String) throws -> ResourceDefinition {
            let text = """
                # gadgetNotes resource type

                \(prose)

                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadgetNotes" } -->
                ```json
                { "note": "String" }
                ```
                """
            let page = PageExtractor().extract(MarkdownDocument.parse(text, path: "notes.md"), file: "notes.md")
            return try #require(page.resources.first)
        }
        #expect(try resource("The notes on a gadget. This is an _Open Type_.").isOpenType)
        #expect(try resource("It is an [open type](https://example.com/open-types).").isOpenType)
        #expect(try !resource("The notes on a gadget, used in the open type gadgetBook.").isOpenType)
        #expect(try !resource("This is not an open type.").isOpenType)
        // Text that is not ASCII is read by Characters, to the same effect.
        #expect(try resource("Le gadget — this is an **Open** Type.").isOpenType)
        #expect(try !resource("Le gadget — this is not an _open type_.").isOpenType)
    }

    @Test func directoryExtensionNames() {
        #expect(Conformance.isDirectoryExtension("extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCentre"))
        #expect(!Conformance.isDirectoryExtension("extension_0a1b2c3d_costCentre"))
        #expect(!Conformance.isDirectoryExtension("extensionAttribute1"))
        #expect(!Conformance.isDirectoryExtension("extension_0a1b2c3d4e5f60718293a4b5c6d7e8fZ_x"))
    }
}
