import Foundation

/// One message from the client, as its envelope reads: a request (method and id), a notification (method only)
/// or a response to a request of ours (id only). The params stay in the message's bytes until a handler decodes
/// them as its own type.
public struct IncomingMessage: Sendable {
    public enum Kind: Hashable, Sendable {
        case request(RequestID, method: String)
        case notification(method: String)
        case response(RequestID)
    }

    public let kind: Kind
    /// The whole message's content.
    public let content: [UInt8]

    private struct Envelope: Decodable {
        var jsonrpc: String?
        var id: RequestID?
        var method: String?
    }

    private struct ParamsEnvelope<Params: Decodable>: Decodable {
        var params: Params
    }

    /// Reads a message's envelope; a content that is not a JSON-RPC 2.0 message is an error to answer with.
    public init(content: [UInt8]) throws(ResponseError) {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(content))
        } catch {
            // JSON that is not an object with these fields is an invalid request; bytes that are not JSON at all
            // are a parse error.
            if (try? JSONSerialization.jsonObject(with: Data(content), options: [.fragmentsAllowed])) != nil {
                throw .invalidRequest("the message is not a JSON-RPC request, notification or response")
            }
            throw .parseError("the message is not JSON")
        }
        guard envelope.jsonrpc == "2.0" else { throw .invalidRequest("the message is not JSON-RPC 2.0") }
        switch (envelope.method, envelope.id) {
        case (let method?, let id?): kind = .request(id, method: method)
        case (let method?, nil): kind = .notification(method: method)
        case (nil, let id?): kind = .response(id)
        case (nil, nil): throw .invalidRequest("the message has neither a method nor an id")
        }
        self.content = content
    }

    /// The message's params as `Params`; a missing or ill-typed params is an invalid-params error.
    public func params<Params: Decodable>(_ type: Params.Type) throws(ResponseError) -> Params {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<Params>.self, from: Data(content)).params
        } catch let error as DecodingError {
            throw .invalidParams("the params do not read as \(Params.self): \(Self.describe(error))")
        } catch {
            throw .invalidParams("the params do not read as \(Params.self)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
