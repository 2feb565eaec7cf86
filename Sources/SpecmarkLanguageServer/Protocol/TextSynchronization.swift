/// `textDocument/didOpen`'s params.
public struct DidOpenTextDocumentParams: Sendable, Decodable {
    public struct TextDocumentItem: Sendable, Decodable {
        public var uri: String
        public var languageId: String?
        public var version: Int
        public var text: String
    }

    public var textDocument: TextDocumentItem
}

/// `textDocument/didChange`'s params: changes in order, each a span's new text or (without a range) the whole
/// document's.
public struct DidChangeTextDocumentParams: Sendable, Decodable {
    public struct VersionedTextDocumentIdentifier: Sendable, Decodable {
        public var uri: String
        public var version: Int
    }

    public struct ContentChange: Sendable, Decodable {
        public var range: Range?
        public var text: String
    }

    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [ContentChange]
}

/// `textDocument/didClose`'s and `textDocument/didSave`'s params.
public struct DocumentParams: Sendable, Decodable {
    public var textDocument: TextDocumentIdentifier
}

/// `workspace/didChangeWatchedFiles`'s params.
public struct DidChangeWatchedFilesParams: Sendable, Decodable {
    public struct FileEvent: Sendable, Decodable {
        public var uri: String
        /// 1 created, 2 changed, 3 deleted.
        public var type: Int
    }

    public var changes: [FileEvent]
}
