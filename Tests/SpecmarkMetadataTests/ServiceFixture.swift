import Foundation
import SpecmarkMetadata

/// The fixture service (`Fixtures/service.csdl.xml`), read once for every suite.
enum ServiceFixture {
    /// The fixture's model, named `service.csdl.xml` so dumps do not depend on where the checkout is.
    static let metadata: ServiceMetadata = {
        do {
            return try CSDLReader.read(try GoldenFile.fixtureData("service.csdl.xml"), file: "service.csdl.xml")
        } catch {
            // An empty model makes every test that uses it fail, with the reason in the file name.
            return ServiceMetadata(file: "unreadable fixture: \(error)", schemas: [], types: [], enums: [])
        }
    }()
}
