/// `initialize`'s params: what the client can do and where its workspace is.
public struct InitializeParams: Sendable, Decodable {
    public struct ClientCapabilities: Sendable, Decodable {
        public struct General: Sendable, Decodable {
            public var positionEncodings: [String]?
        }

        public struct Workspace: Sendable, Decodable {
            public struct DidChangeWatchedFiles: Sendable, Decodable {
                public var dynamicRegistration: Bool?
            }

            public var didChangeWatchedFiles: DidChangeWatchedFiles?
        }

        public var general: General?
        public var workspace: Workspace?
    }

    public struct WorkspaceFolder: Sendable, Decodable {
        public var uri: String
        public var name: String?
    }

    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: ClientCapabilities?
}

/// `initialize`'s result: what the server does.
public struct InitializeResult: Sendable, Encodable {
    public struct ServerCapabilities: Sendable, Encodable {
        public struct TextDocumentSync: Sendable, Encodable {
            public var openClose = true
            /// 2: incremental changes.
            public var change = 2
            public var save = true
        }

        public struct CodeActionOptions: Sendable, Encodable {
            public var codeActionKinds: [String]
        }

        public var positionEncoding: String
        public var textDocumentSync = TextDocumentSync()
        public var codeActionProvider: CodeActionOptions
    }

    public struct ServerInfo: Sendable, Encodable {
        public var name: String
        public var version: String
    }

    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo
}

/// `$/cancelRequest`'s params.
public struct CancelParams: Sendable, Decodable {
    public var id: RequestID
}

/// `client/registerCapability`'s params: the file watchers the server asks for.
struct RegistrationParams: Sendable, Encodable {
    struct Registration: Sendable, Encodable {
        var id: String
        var method: String
        var registerOptions: WatchOptions
    }

    struct WatchOptions: Sendable, Encodable {
        struct Watcher: Sendable, Encodable {
            var globPattern: String
        }

        var watchers: [Watcher]
    }

    var registrations: [Registration]
}
