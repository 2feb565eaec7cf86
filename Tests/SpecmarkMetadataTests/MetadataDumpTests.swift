import SpecmarkMetadata
import Testing

/// The fixture's whole model as text against `Fixtures/service.dump.txt` (`SPECMARK_UPDATE_GOLDEN=1` rewrites it).
@Suite struct MetadataDumpTests {
    @Test func dumpOfTheFixtureMatchesItsGoldenFile() throws {
        try GoldenFile.check(ServiceFixture.metadata.dump(), against: "service.dump.txt")
    }

    @Test func dumpOfAnEmptyModelNamesTheFileOnly() {
        let empty = ServiceMetadata(file: "empty.xml", schemas: [], types: [], enums: [])
        #expect(empty.dump() == "metadata empty.xml\n")
    }

    @Test func dumpQuotesDescriptionsOnOneLine() {
        var note = TargetAnnotations()
        note.description = "two\nlines with \"quotes\""
        note.isDeletable = false
        let model = ServiceMetadata(file: "a.xml", schemas: [], types: [], enums: [], annotations: ["x.y": note])
        #expect(
            model.dump()
                == "metadata a.xml\nannotations\n  x.y: description \"two\\nlines with \\\"quotes\\\"\", not deletable\n"
        )
    }
}
