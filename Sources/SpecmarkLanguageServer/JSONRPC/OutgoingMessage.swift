import Foundation

/// The messages the server sends, encoded as JSON-RPC 2.0.
public enum OutgoingMessage {
    private struct Response<Result: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let id: RequestID?
        let result: Result
    }

    private struct ErrorResponse: Encodable {
        let jsonrpc = "2.0"
        let id: RequestID?
        let error: ResponseError

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            // A parse error has no id to answer, and says so with null.
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }
    }

    private struct Notification<Params: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let method: String
        let params: Params
    }

    private struct Request<Params: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let id: RequestID
        let method: String
        let params: Params
    }

    /// `null` as a result.
    public struct Null: Encodable, Sendable {
        public init() {}
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value here is a plain struct of strings and numbers, which always encodes.
        return (try? Array(encoder.encode(value))) ?? Array(#"{"jsonrpc":"2.0"}"#.utf8)
    }

    public static func response(_ id: RequestID, result: some Encodable) -> [UInt8] {
        encode(Response(id: id, result: result))
    }

    public static func error(_ id: RequestID?, _ error: ResponseError) -> [UInt8] {
        encode(ErrorResponse(id: id, error: error))
    }

    public static func notification(_ method: String, params: some Encodable) -> [UInt8] {
        encode(Notification(method: method, params: params))
    }

    public static func request(_ id: RequestID, _ method: String, params: some Encodable) -> [UInt8] {
        encode(Request(id: id, method: method, params: params))
    }
}
