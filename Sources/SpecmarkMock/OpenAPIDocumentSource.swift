import NIOConcurrencyHelpers

/// The JSON text of an OpenAPI document, made when first asked for and kept: a large doc set's document takes
/// seconds to encode, which a server that may never be asked for it should not spend before it starts.
public final class OpenAPIDocumentSource: Sendable {
    private let make: @Sendable () -> String?
    private let document: NIOLockedValueBox<String??> = NIOLockedValueBox(nil)

    public init(_ make: @escaping @Sendable () -> String?) {
        self.make = make
    }

    /// The document, made on the first call. The lock is not held while it is made: two first calls at once may
    /// both make it, and the first one kept is the answer to both.
    public var text: String? {
        if let cached = document.withLockedValue({ $0 }) { return cached }
        let made = make()
        return document.withLockedValue { cached in
            if let cached { return cached }
            cached = .some(made)
            return made
        }
    }
}
