/// A finding as an editor shows it.
public struct LSPDiagnostic: Hashable, Sendable, Codable {
    public struct CodeDescription: Hashable, Sendable, Codable {
        public var href: String
    }

    public struct RelatedInformation: Hashable, Sendable, Codable {
        public var location: Location
        public var message: String
    }

    public var range: Range
    /// 1 error, 2 warning, 3 information, 4 hint.
    public var severity: Int
    /// The rule id.
    public var code: String
    public var codeDescription: CodeDescription?
    public var source: String
    public var message: String
    public var relatedInformation: [RelatedInformation]?
}

/// `textDocument/publishDiagnostics`'s params.
public struct PublishDiagnosticsParams: Sendable, Codable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}

/// `textDocument/codeAction`'s params.
public struct CodeActionParams: Sendable, Decodable {
    public struct Context: Sendable, Decodable {
        public var diagnostics: [LSPDiagnostic]?
        public var only: [String]?
    }

    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: Context?
}

/// A quick fix (or a fix-all) an editor offers.
public struct CodeAction: Hashable, Sendable, Codable {
    public var title: String
    public var kind: String
    public var diagnostics: [LSPDiagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit
}
