import Foundation
import Testing

/// `specmark lsp` over a real stdin and stdout.
@Suite struct LSPCommandTests {
    static func frame(_ json: String) -> Data {
        Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
    }

    /// The JSON contents of the framed messages in `output`.
    static func messages(_ output: String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var rest = Substring(output)
        while let header = rest.range(of: "\r\n\r\n") {
            let length =
                Int(rest[..<header.lowerBound].split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
                ?? 0
            let body = rest[header.upperBound...].utf8.prefix(length)
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                result.append(object)
            }
            rest = Substring(String(decoding: rest[header.upperBound...].utf8.dropFirst(length), as: UTF8.self))
        }
        return result
    }

    @Test func aSessionOverStdioEndsWithStatusZeroAfterShutdownAndExit() async throws {
        let runner = try CLIRunner(files: ["v1.0/api/widget-get.md": "# Get widget\n"])
        defer { runner.remove() }
        let root = runner.directory.standardizedFileURL.absoluteString
        var input = Self.frame(
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root)","capabilities":{}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let output = try await runner.run(arguments: ["lsp", "--no-cache"], input: input)
        #expect(output.status == 0)
        let messages = Self.messages(output.standardOutput)
        let initialized = messages.first { $0["id"] as? Int == 1 }?["result"] as? [String: Any]
        #expect((initialized?["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16")
        #expect((initialized?["serverInfo"] as? [String: Any])?["name"] as? String == "specmark")
        #expect(messages.contains { $0["id"] as? Int == 2 && $0.keys.contains("result") })
    }

    @Test func aClientThatGoesAwayWithoutExitEndsTheServerWithStatusOne() async throws {
        let runner = try CLIRunner()
        defer { runner.remove() }
        let input =
            Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + Data("Content-Length: 4\r\n\r\n{no}".utf8)
        let output = try await runner.run(arguments: ["lsp", "--no-cache"], input: input)
        #expect(output.status == 1)
        let messages = Self.messages(output.standardOutput)
        #expect(messages.count == 2)
        #expect((messages.last?["error"] as? [String: Any])?["code"] as? Int == -32700)
    }
}
