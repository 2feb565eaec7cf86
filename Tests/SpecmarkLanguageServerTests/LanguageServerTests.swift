import Foundation
import Logging
import Testing

@testable import SpecmarkLanguageServer

/// What the server sent, framed, as JSON objects.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var framer = MessageFramer()
    private var received: [[String: Any]] = []

    func take(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        for case .success(let content) in framer.feed(bytes) {
            if let object = try? JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] {
                received.append(object)
            }
        }
    }

    /// The messages received since the last call.
    func drain() -> [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        defer { received = [] }
        return received
    }
}

/// An editor's exchange with the server, in process: what it sends, and every message it gets back.
final class EditorSession: @unchecked Sendable {
    let server: LanguageServer
    let folder: URL
    let inbox = Inbox()
    private var nextID = 100

    init(files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-lsp-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let inbox = self.inbox
        server = LanguageServer(
            options: .init(debounce: .milliseconds(1), usesCache: false), logger: Logger(label: "lsp-test"),
            send: { bytes in inbox.take(bytes) })
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The messages received since the last call.
    func messages() -> [[String: Any]] { inbox.drain() }

    func uri(_ path: String) -> String { folder.appendingPathComponent(path).standardizedFileURL.absoluteString }

    @discardableResult
    func send(_ object: [String: Any]) async -> Bool {
        var message = object
        message["jsonrpc"] = "2.0"
        let data = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
        return await server.receive(MessageFramer.frame(Array(data)))
    }

    func sendRaw(_ bytes: String) async -> Bool { await server.receive(Array(bytes.utf8)) }

    /// Sends a request and returns its answer once the server settles.
    func request(_ method: String, _ params: [String: Any] = [:]) async -> [String: Any]? {
        nextID += 1
        let id = nextID
        await send(["id": id, "method": method, "params": params])
        await server.settle()
        return messages().first { $0["id"] as? Int == id }
    }

    func initialize(encodings: [String] = ["utf-8", "utf-16"]) async -> [String: Any]? {
        let answer = await request(
            "initialize",
            [
                "processId": NSNull(), "rootUri": folder.absoluteString,
                "capabilities": ["general": ["positionEncodings": encodings]],
            ])
        await send(["method": "initialized", "params": [:]])
        await server.settle()
        return answer
    }

    func open(_ path: String, _ text: String, version: Int = 1) async {
        await send([
            "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": uri(path), "languageId": "markdown", "version": version, "text": text]],
        ])
        await server.settle()
    }

    /// The diagnostics last published for a document among `messages`.
    static func published(_ messages: [[String: Any]], for uri: String) -> (version: Int?, [[String: Any]])? {
        let params = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
            .compactMap { $0["params"] as? [String: Any] }.last { $0["uri"] as? String == uri }
        return params.map { ($0["version"] as? Int, $0["diagnostics"] as? [[String: Any]] ?? []) }
    }
}

func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> [String: Any] {
    ["start": ["line": startLine, "character": startCharacter], "end": ["line": endLine, "character": endCharacter]]
}

func lspRange(_ value: Any?) -> [Int] {
    guard let range = value as? [String: Any], let start = range["start"] as? [String: Int],
        let end = range["end"] as? [String: Int]
    else { return [] }
    return [start["line"] ?? -1, start["character"] ?? -1, end["line"] ?? -1, end["character"] ?? -1]
}

@Suite struct LanguageServerTests {
    static let page = """
        # Get widget

        See [the widget](../resources/widget.md) and [its parts](../resources/part.md).

        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 204 NoContent
        ```

        """

    static let files = [
        "v1.0/resources/widget.md": "# widget resource type\n",
        "v1.0/api/widget-get.md": "# Get widget\n",
    ]

    @Test func anEditorExchangeFromOpenToExit() async throws {
        let session = try EditorSession(files: Self.files)
        defer { session.remove() }
        let initialized = await session.initialize()
        let capabilities = (initialized?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-8")
        #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)

        // The unsaved text is checked against the rest of the set: one link's page exists, the other's does not.
        let uri = session.uri("v1.0/api/widget-get.md")
        await session.open("v1.0/api/widget-get.md", Self.page)
        let (version, diagnostics) = try #require(EditorSession.published(session.messages(), for: uri))
        #expect(version == 1)
        #expect(
            diagnostics.map { $0["code"] as? String } == [
                "front-matter-required", "link-broken", "example-response-unpaired", "http-reason-phrase",
            ])
        let byCode = Dictionary(grouping: diagnostics) { $0["code"] as? String ?? "" }
        let phrase = try #require(byCode["http-reason-phrase"]?.first)
        #expect(lspRange(phrase["range"]) == [6, 13, 6, 22])
        #expect(phrase["severity"] as? Int == 2)
        #expect(phrase["source"] as? String == "specmark")
        #expect(
            phrase["message"] as? String
                == "status 204 has reason phrase 'NoContent'; the standard phrase is 'No Content'")
        let link = try #require(byCode["link-broken"]?.first)
        #expect(lspRange(link["range"]) == [2, 57, 2, 77])
        #expect(byCode["link-broken"]?.count == 1)

        // The quick fix for the phrase, and the action that fixes the whole page.
        let answer = await session.request(
            "textDocument/codeAction",
            ["textDocument": ["uri": uri], "range": range(6, 15, 6, 15), "context": ["diagnostics": []]])
        let actions = try #require(answer?["result"] as? [[String: Any]])
        #expect(actions.map { $0["kind"] as? String } == ["quickfix", "source.fixAll.specmark"])
        #expect(actions.first?["title"] as? String == "Write 'No Content'")
        let edits = ((actions.first?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
        #expect(edits?.count == 1)
        #expect(lspRange(edits?.first?["range"]) == [6, 13, 6, 22])
        #expect(edits?.first?["newText"] as? String == "No Content")

        // The editor applies it; the finding goes.
        await session.send([
            "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [["range": range(6, 13, 6, 22), "text": "No Content"]],
            ],
        ])
        await session.server.settle()
        let (secondVersion, after) = try #require(EditorSession.published(session.messages(), for: uri))
        #expect(secondVersion == 2)
        #expect(
            after.map { $0["code"] as? String } == [
                "front-matter-required", "link-broken", "example-response-unpaired",
            ])

        // Unknown methods are the protocol's error; shutdown, then exit.
        let unknown = await session.request("widget/frobnicate")
        #expect((unknown?["error"] as? [String: Any])?["code"] as? Int == -32601)
        let shutdown = await session.request("shutdown")
        #expect(shutdown?.keys.contains("result") == true)
        let late = await session.request("textDocument/codeAction", ["textDocument": ["uri": uri]])
        #expect((late?["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect(await session.send(["method": "exit"]) == false)
        #expect(await session.server.exitStatus == 0)
        #expect(await session.server.latencies.count == 2)
    }

    @Test func utf16IsTheDefaultEncoding() async throws {
        let session = try EditorSession(files: Self.files)
        defer { session.remove() }
        let initialized = await session.initialize(encodings: [])
        let capabilities = (initialized?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-16")
        // "é" before the link counts two bytes but one UTF-16 unit: the link's bytes 58–77 are characters 57–76.
        let uri = session.uri("v1.0/api/widget-get.md")
        await session.open("v1.0/api/widget-get.md", Self.page.replacingOccurrences(of: "See [", with: "Sée ["))
        let (_, diagnostics) = try #require(EditorSession.published(session.messages(), for: uri))
        let phrase = diagnostics.first { $0["code"] as? String == "http-reason-phrase" }
        #expect(lspRange(phrase?["range"]) == [6, 13, 6, 22])
        let link = diagnostics.first { $0["code"] as? String == "link-broken" }
        #expect(lspRange(link?["range"]) == [2, 57, 2, 77])
    }

    @Test func badMessagesGetTheProtocolsErrorsAndTheServerGoesOn() async throws {
        let session = try EditorSession(files: Self.files)
        defer { session.remove() }
        // Before initialize, requests are refused.
        let early = await session.request("textDocument/codeAction", [:])
        #expect((early?["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = await session.initialize()
        // Not JSON: a parse error with a null id.
        #expect(await session.sendRaw("Content-Length: 9\r\n\r\n{not json") == true)
        let parseError = session.messages().first
        #expect((parseError?["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(parseError?["id"] is NSNull)
        // Ill-typed params.
        let bad = await session.request("textDocument/codeAction", ["textDocument": ["uri": 7]])
        #expect((bad?["error"] as? [String: Any])?["code"] as? Int == -32602)
        // A page outside the workspace: no findings, no actions.
        await session.send([
            "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": "file:///elsewhere/page.md", "version": 1, "text": Self.page]],
        ])
        await session.server.settle()
        let outside = EditorSession.published(session.messages(), for: "file:///elsewhere/page.md")
        #expect(outside?.1.isEmpty ?? true)
        let none = await session.request(
            "textDocument/codeAction",
            ["textDocument": ["uri": "file:///elsewhere/page.md"], "range": range(0, 0, 9, 0)])
        #expect((none?["result"] as? [Any])?.isEmpty == true)
        // A notification for a document never opened is ignored.
        await session.send([
            "method": "textDocument/didChange",
            "params": ["textDocument": ["uri": "file:///nowhere.md", "version": 2], "contentChanges": []],
        ])
        // The client leaves without shutdown: exit status 1.
        #expect(await session.send(["method": "exit"]) == false)
        #expect(await session.server.exitStatus == 1)
    }

    @Test func aCancelledRequestIsAnsweredAsCancelled() async throws {
        let session = try EditorSession(files: Self.files)
        defer { session.remove() }
        _ = await session.initialize()
        let uri = session.uri("v1.0/api/widget-get.md")
        await session.open("v1.0/api/widget-get.md", Self.page)
        _ = session.messages()
        // The request and its cancellation arrive in one read, before the request's work can start.
        let request = try JSONSerialization.data(withJSONObject: [
            "jsonrpc": "2.0", "id": 9, "method": "textDocument/codeAction",
            "params": ["textDocument": ["uri": uri], "range": range(6, 15, 6, 15)],
        ])
        let cancel = try JSONSerialization.data(withJSONObject: [
            "jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 9],
        ])
        _ = await session.server.receive(MessageFramer.frame(Array(request)) + MessageFramer.frame(Array(cancel)))
        await session.server.settle()
        let answer = session.messages().first { $0["id"] as? Int == 9 }
        #expect((answer?["error"] as? [String: Any])?["code"] as? Int == -32800)
    }

    @Test func aFileChangedOnDiskIsReadAgain() async throws {
        let session = try EditorSession(files: Self.files)
        defer { session.remove() }
        _ = await session.initialize()
        let uri = session.uri("v1.0/api/widget-get.md")
        await session.open("v1.0/api/widget-get.md", Self.page)
        #expect(
            EditorSession.published(session.messages(), for: uri)?.1.contains { $0["code"] as? String == "link-broken" }
                == true)
        // The missing page is created on disk: the link is no longer broken.
        let part = session.folder.appendingPathComponent("v1.0/resources/part.md")
        try Data("# part resource type\n".utf8).write(to: part)
        await session.send([
            "method": "workspace/didChangeWatchedFiles",
            "params": ["changes": [["uri": part.standardizedFileURL.absoluteString, "type": 1]]],
        ])
        await session.server.settle()
        let after = EditorSession.published(session.messages(), for: uri)
        #expect(
            after?.1.map { $0["code"] as? String } == [
                "front-matter-required", "example-response-unpaired", "http-reason-phrase",
            ])
    }
}
