import Testing

@testable import SpecmarkLanguageServer

@Suite struct IncomingMessageTests {
    static func read(_ json: String) -> Result<IncomingMessage, ResponseError> {
        Result { () throws(ResponseError) in try IncomingMessage(content: Array(json.utf8)) }
    }

    @Test func requestsNotificationsAndResponsesAreTold() throws {
        #expect(
            try Self.read(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#).get().kind
                == .request(.number(7), method: "shutdown"))
        #expect(
            try Self.read(#"{"jsonrpc":"2.0","id":"a","method":"x","params":{}}"#).get().kind
                == .request(.string("a"), method: "x"))
        #expect(
            try Self.read(#"{"jsonrpc":"2.0","method":"initialized"}"#).get().kind
                == .notification(method: "initialized"))
        #expect(try Self.read(#"{"jsonrpc":"2.0","id":1,"result":null}"#).get().kind == .response(.number(1)))
    }

    @Test(arguments: [
        ("{not json", -32700), (#"[1, 2]"#, -32600), (#"{"jsonrpc":"1.0","id":1,"method":"x"}"#, -32600),
        (#"{"jsonrpc":"2.0"}"#, -32600), (#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, -32600),
    ])
    func badMessagesAreTheProtocolsErrors(json: String, code: Int) {
        guard case .failure(let error) = Self.read(json) else {
            Issue.record("\(json) read as a message")
            return
        }
        #expect(error.code == code, "\(json): \(error.message)")
    }

    @Test func paramsOfTheWrongShapeAreInvalidParams() throws {
        let message = try Self.read(#"{"jsonrpc":"2.0","id":1,"method":"x","params":{"textDocument":{"uri":3}}}"#).get()
        #expect(throws: ResponseError.self) { try message.params(DocumentParams.self) }
        do {
            _ = try message.params(DocumentParams.self)
        } catch {
            #expect(error.code == -32602)
            #expect(error.message.contains(".textDocument.uri"))
        }
    }
}
