/// Why a CSDL document could not be read: the file and, when the XML parser got that far, the line and column.
public struct MetadataError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var location: MetadataLocation?
    public var reason: String

    public init(file: String, location: MetadataLocation?, reason: String) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    public var description: String {
        if let location { return "\(file):\(location.line):\(location.column): \(reason)" }
        return "\(file): \(reason)"
    }
}
