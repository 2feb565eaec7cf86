import Foundation
public import Logging
import SpecmarkContract
import SpecmarkLint

/// Specmark as a Language Server Protocol 3.17 server: findings on open pages as the author types, and the safe
/// fixes as quick fixes, with the workspace's doc set as context.
///
/// The server is driven by bytes: the client's stream goes to ``receive(_:)`` however it was cut into reads, and
/// every message the server sends goes, framed, to the `send` function it was made with. Requests are answered in
/// the order they come unless they wait for a lint (code actions), which `$/cancelRequest` can cancel. Nothing a
/// client sends stops the server but `exit`, or the end of its stream.
public actor LanguageServer {
    /// How the server behaves.
    public struct Options: Sendable {
        /// How long after a change a page is linted: a pause in typing, so each keystroke does not start a lint.
        public var debounce: Duration
        /// The configuration file to use instead of the workspace's nearest `.specmark.yml`.
        public var configurationPath: String?
        /// Whether the context cache (under the workspace's `.specmark-cache`) is read and written at start.
        public var usesCache: Bool

        public init(debounce: Duration = .milliseconds(150), configurationPath: String? = nil, usesCache: Bool = true) {
            self.debounce = debounce
            self.configurationPath = configurationPath
            self.usesCache = usesCache
        }
    }

    enum State {
        case uninitialized, running, shutDown
    }

    /// An open document: the editor's text, which stands for the file while it is open.
    struct OpenDocument {
        var path: String
        var version: Int
        var text: DocumentText
        /// When the text last changed, for the latency from a change to its diagnostics.
        var changed: ContinuousClock.Instant
        /// The findings of the last lint, and the version it read.
        var diagnostics: (version: Int, items: [Diagnostic])?
        var lint: Task<Void, Never>?
    }

    let options: Options
    let logger: Logger
    let send: @Sendable ([UInt8]) -> Void
    var framer = MessageFramer()
    var state = State.uninitialized
    var encoding = PositionEncoding.utf16
    var root: String?
    /// The client's process, which the server outlives by at most a moment (`initialize`'s `processId`).
    public internal(set) var clientProcessID: Int?
    /// Whether the client takes file watchers the server registers.
    var watchesFiles = false
    var workspace: LintWorkspace?
    var workspaceLoad: Task<Void, Never>?
    var documents: [String: OpenDocument] = [:]
    /// Open documents whose text the workspace has not taken yet.
    var stale: Set<String> = []
    var requests: [RequestID: Task<Void, Never>] = [:]
    var nextRequestID = 1
    var exited = false
    /// Counts the tasks started, so ``settle()`` knows when no more were.
    var activity = 0
    /// The time from each change to the publication of its diagnostics.
    public internal(set) var latencies: [Duration] = []

    public init(options: Options = Options(), logger: Logger, send: @escaping @Sendable ([UInt8]) -> Void) {
        self.options = options
        self.logger = logger
        self.send = send
    }

    /// The exit status once the client has left: 0 after `shutdown` then `exit`, 1 otherwise (as the protocol asks).
    public var exitStatus: Int32 { state == .shutDown ? 0 : 1 }

    /// Takes bytes from the client's stream; returns false once the client sent `exit`.
    public func receive(_ bytes: [UInt8]) async -> Bool {
        for frame in framer.feed(bytes) {
            switch frame {
            case .success(let content): await handle(content)
            case .failure(let error):
                logger.warning("unreadable message frame", metadata: ["reason": "\(error)"])
                respond(nil, error: .parseError(error.description))
            }
            if exited { return false }
        }
        return !exited
    }

    /// The client's stream ended without `exit`: stop everything.
    public func clientClosed() {
        for document in documents.values { document.lint?.cancel() }
        for request in requests.values { request.cancel() }
        workspaceLoad?.cancel()
        exited = true
    }

    /// Waits until every scheduled lint and pending request has finished, those they start included (for tests
    /// and measurements).
    public func settle() async {
        while true {
            let before = activity
            if let load = workspaceLoad { await load.value }
            for task in documents.values.compactMap(\.lint) + Array(requests.values) { await task.value }
            if activity == before { return }
        }
    }

    // MARK: Sending

    func write(_ content: [UInt8]) { send(MessageFramer.frame(content)) }

    func respond(_ id: RequestID?, error: ResponseError) {
        write(OutgoingMessage.error(id, error))
    }

    func respond(_ id: RequestID, result: some Encodable) {
        write(OutgoingMessage.response(id, result: result))
    }

    func notify(_ method: String, _ params: some Encodable) {
        write(OutgoingMessage.notification(method, params: params))
    }

    /// Tells the user something through the editor (`window/showMessage`; 1 error, 2 warning, 3 info).
    func show(_ message: String, type: Int) {
        struct ShowMessageParams: Encodable {
            var type: Int
            var message: String
        }
        notify("window/showMessage", ShowMessageParams(type: type, message: message))
    }

    // MARK: Dispatch

    private func handle(_ content: [UInt8]) async {
        let message: IncomingMessage
        do {
            message = try IncomingMessage(content: content)
        } catch {
            logger.warning("unreadable message", metadata: ["reason": "\(error.message)"])
            respond(nil, error: error)
            return
        }
        switch message.kind {
        case .request(let id, let method): await handleRequest(id, method: method, message)
        case .notification(let method): await handleNotification(method, message)
        case .response: break  // the answer to a registration; nothing depends on it
        }
    }

    private func handleRequest(_ id: RequestID, method: String, _ message: IncomingMessage) async {
        switch (state, method) {
        case (.uninitialized, "initialize"):
            do {
                respond(id, result: initialize(try message.params(InitializeParams.self)))
            } catch {
                respond(id, error: error)
            }
        case (.uninitialized, _):
            respond(id, error: .serverNotInitialized)
        case (.shutDown, _):
            respond(id, error: .invalidRequest("the server is shut down; only 'exit' is accepted"))
        case (.running, "initialize"):
            respond(id, error: .invalidRequest("the server is already initialized"))
        case (.running, "shutdown"):
            state = .shutDown
            for document in documents.values { document.lint?.cancel() }
            respond(id, result: OutgoingMessage.Null())
        case (.running, "textDocument/codeAction"):
            do {
                let params = try message.params(CodeActionParams.self)
                activity += 1
                requests[id] = Task { await self.answerCodeAction(id, params) }
            } catch {
                respond(id, error: error)
            }
        case (.running, _):
            respond(id, error: .methodNotFound(method))
        }
    }

    private func handleNotification(_ method: String, _ message: IncomingMessage) async {
        if method == "exit" {
            exited = true
            clientClosed()
            return
        }
        guard state == .running else { return }
        do {
            switch method {
            case "initialized": initialized()
            case "textDocument/didOpen": open(try message.params(DidOpenTextDocumentParams.self))
            case "textDocument/didChange": change(try message.params(DidChangeTextDocumentParams.self))
            case "textDocument/didClose": close(try message.params(DocumentParams.self))
            case "textDocument/didSave": break  // the editor's text is already what is checked
            case "workspace/didChangeWatchedFiles": filesChanged(try message.params(DidChangeWatchedFilesParams.self))
            case "$/cancelRequest": cancel(try message.params(CancelParams.self))
            default: break  // unknown notifications (`$/setTrace`, …) are ignored, as the protocol allows
            }
        } catch {
            logger.warning("notification ignored", metadata: ["method": "\(method)", "reason": "\(error.message)"])
        }
    }

    private func cancel(_ params: CancelParams) {
        requests[params.id]?.cancel()
    }

    /// Records a request's answer unless it was cancelled, which is answered as such; forgets the request.
    func finish(_ id: RequestID, result: some Encodable) {
        guard requests.removeValue(forKey: id) != nil else { return }
        if Task.isCancelled {
            respond(id, error: .requestCancelled)
        } else {
            respond(id, result: result)
        }
    }
}
