import SpecmarkContract
import SpecmarkMetadata

extension ServiceMetadata {
    /// The metadata's enum for a docs enum table (named without a namespace): exact name first, then case.
    func enumType(documentedAs name: String) -> EnumType? {
        let short = MetadataTypeName(name: name).shortName
        return enums.first { $0.shortName == short } ?? enums.first { $0.shortName.lowercased() == short.lowercased() }
    }
}
