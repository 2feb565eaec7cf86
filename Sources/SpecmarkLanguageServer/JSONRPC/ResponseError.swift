/// A JSON-RPC error answer: a code from the protocol's list and a message.
public struct ResponseError: Error, Hashable, Sendable, Codable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// The content is not JSON.
    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: -32700, message: message) }
    /// The JSON is not a request, a notification or a response.
    public static func invalidRequest(_ message: String) -> ResponseError {
        ResponseError(code: -32600, message: message)
    }
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: -32601, message: "unknown method '\(method)'")
    }
    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: -32602, message: message)
    }
    public static func internalError(_ message: String) -> ResponseError {
        ResponseError(code: -32603, message: message)
    }
    /// A request before `initialize`.
    public static let serverNotInitialized = ResponseError(code: -32002, message: "the server is not initialized")
    /// A request the client cancelled.
    public static let requestCancelled = ResponseError(code: -32800, message: "the request was cancelled")
}
