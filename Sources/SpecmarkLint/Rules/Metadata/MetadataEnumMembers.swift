import SpecmarkContract
import SpecmarkMetadata

extension ServiceMetadata {
    /// The metadata's enum for a docs enum table (named without a namespace): exact name first, then case.
    func enumType(documentedAs name: String) -> EnumType? {
        enumType(shortName: MetadataTypeName(name: name).shortName, ignoringCase: true)
    }
}
