import Foundation
import SpecmarkMetadata
import Testing

/// Bad metadata is a `MetadataError` with its location, never a crash.
@Suite struct CSDLReaderErrorTests {
    private func error(reading text: String) -> MetadataError? {
        do {
            _ = try CSDLReader.read(Data(text.utf8), file: "bad.xml")
            return nil
        } catch {
            return error
        }
    }

    @Test func mismatchedEndTagIsLocated() {
        let text = """
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <Schema Namespace="microsoft.graph">
                <EntityType Name="note"></ComplexType>
            """
        let found = error(reading: text)
        #expect(found?.location?.line == 3)
        #expect(found?.reason == "not well-formed XML: an end tag does not match its start tag")
        #expect(found?.description.hasPrefix("bad.xml:3:") == true)
    }

    @Test func wellFormedXMLWithoutSchemaIsNotMetadata() {
        #expect(error(reading: "<feed><entry/></feed>")?.reason == "no CSDL Schema element: not a $metadata document")
    }

    @Test func emptyFileIsAnError() {
        #expect(error(reading: "") != nil)
    }

    @Test func missingRequiredAttributeNamesTheElement() {
        let text = """
            <Schema Namespace="microsoft.graph">
              <EntityType Name="note">
                <Property Type="Edm.String" />
              </EntityType>
            </Schema>
            """
        let found = error(reading: text)
        #expect(found?.reason == "Property has no Name attribute")
        #expect(found?.location == MetadataLocation(line: 3, column: 5))
    }

    @Test func missingFileSaysSo() {
        #expect(throws: MetadataError(file: "/no/such/file.xml", location: nil, reason: "no such file")) {
            try CSDLReader.read(contentsOf: "/no/such/file.xml")
        }
    }
}
