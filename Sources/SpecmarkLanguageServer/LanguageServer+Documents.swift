import Foundation
import Logging
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown

extension LanguageServer {
    func open(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        guard let path = Self.path(fromURI: item.uri) else { return }
        documents[item.uri] = OpenDocument(
            path: path, version: item.version, text: DocumentText(item.text), changed: .now)
        stale.insert(item.uri)
        schedule(item.uri, after: .zero)
    }

    func change(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else { return }
        for change in params.contentChanges {
            if let range = change.range {
                document.text.replace(range, with: change.text, in: encoding)
            } else {
                document.text = DocumentText(change.text)
            }
        }
        document.version = params.textDocument.version
        document.changed = .now
        documents[uri] = document
        stale.insert(uri)
        schedule(uri, after: options.debounce)
        // What this page says can change what others find (a link to it, a type it defines).
        for other in documents.keys where other != uri {
            documents[other]?.diagnostics = nil
            schedule(other, after: options.debounce * 2)
        }
    }

    func close(_ params: DocumentParams) {
        let uri = params.textDocument.uri
        guard let document = documents.removeValue(forKey: uri) else { return }
        document.lint?.cancel()
        stale.remove(uri)
        // The file on disk stands for the page again; its findings leave the editor with it.
        if workspace != nil {
            let text: [UInt8]? = if case .success(let bytes) = FileReader.read(document.path) { bytes } else { nil }
            workspace?.update([document.path: text])
            forgetFindings()
            for other in documents.keys { schedule(other, after: options.debounce) }
        }
        notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    func filesChanged(_ params: DidChangeWatchedFilesParams) {
        var texts: [String: [UInt8]?] = [:]
        var configurationChanged = false
        for event in params.changes {
            guard let path = Self.path(fromURI: event.uri) else { continue }
            if path.hasSuffix("/.specmark.yml") {
                configurationChanged = true
                continue
            }
            // An open document's text stands for its file until it is closed.
            guard documents.values.allSatisfy({ $0.path != path }), path.hasSuffix(".md") else { continue }
            if event.type == 3 {
                texts[path] = .some(nil)
            } else if case .success(let bytes) = FileReader.read(path) {
                texts[path] = bytes
            } else {
                texts[path] = .some(nil)  // gone before it could be read
            }
        }
        if configurationChanged {
            workspace = nil
            stale = Set(documents.keys)
            loadWorkspace()
            return
        }
        guard !texts.isEmpty, workspace != nil else { return }
        workspace?.update(texts)
        forgetFindings()
        for uri in documents.keys { schedule(uri, after: options.debounce) }
    }

    /// Forgets every open document's last findings: the rest of the doc set changed under them.
    func forgetFindings() {
        for uri in documents.keys { documents[uri]?.diagnostics = nil }
    }

    /// Lints a document after `delay`, replacing a lint already scheduled for it.
    func schedule(_ uri: String, after delay: Duration) {
        guard var document = documents[uri] else { return }
        document.lint?.cancel()
        activity += 1
        document.lint = Task {
            if delay > .zero {
                do { try await Task.sleep(for: delay) } catch { return }
            }
            await self.lint(uri)
        }
        documents[uri] = document
    }

    /// Lints a document's current text against the workspace and publishes the findings, unless the text changed
    /// again meanwhile (its own lint is scheduled then).
    func lint(_ uri: String) async {
        guard !Task.isCancelled, state == .running, workspace != nil, let document = documents[uri] else { return }
        guard let findings = await diagnostics(of: uri), let current = documents[uri],
            current.version == document.version, !Task.isCancelled
        else { return }
        let published = findings.filter { $0.suppression == nil }
        guard workspace?.covers(document.path) == true else {
            // A document outside the doc set has no findings; say so, in case an earlier configuration had some.
            notify(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: []))
            return
        }
        notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams(
                uri: uri, version: document.version,
                diagnostics: published.map { lspDiagnostic($0, in: current.text) }))
        latencies.append(ContinuousClock.now - document.changed)
    }

    /// The findings on a document's current text (suppressed ones marked), linting it when the last lint read
    /// another version; nil when the workspace is not read or the document is not open.
    func diagnostics(of uri: String) async -> [Diagnostic]? {
        guard let document = documents[uri], var current = workspace else { return nil }
        if let known = document.diagnostics, known.version == document.version { return known.items }
        if !stale.isEmpty {
            let texts = Dictionary(
                uniqueKeysWithValues: stale.compactMap { documents[$0] }.map { ($0.path, Optional($0.text.bytes)) })
            current.update(texts)
            workspace = current
            stale = []
        }
        guard current.covers(document.path) else { return [] }
        let found = await current.lint(document.path, logger: logger)
        if documents[uri]?.version == document.version { documents[uri]?.diagnostics = (document.version, found) }
        return found
    }

    /// A finding as the editor shows it; positions of other files are read from their text (open or on disk).
    func lspDiagnostic(_ diagnostic: Diagnostic, in text: DocumentText) -> LSPDiagnostic {
        let severity =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        let related = diagnostic.notes.compactMap { note -> LSPDiagnostic.RelatedInformation? in
            guard let location = note.location else { return nil }
            let path = absolute(location.file)
            let uri = Self.uri(fromPath: path)
            let noteText =
                documents[uri]?.text
                ?? (try? FileReader.read(path).get()).map { DocumentText($0) }
            guard let noteText else { return nil }
            return .init(
                location: Location(uri: uri, range: noteText.range(of: location.range, in: encoding)),
                message: note.message)
        }
        return LSPDiagnostic(
            range: text.range(of: diagnostic.location.range, in: encoding), severity: severity,
            code: diagnostic.ruleID,
            codeDescription: workspace?.configuration.documentationURL(of: diagnostic.ruleID).map { .init(href: $0) },
            source: "specmark", message: diagnostic.message, relatedInformation: related.isEmpty ? nil : related)
    }

    /// A path as the file system reads it, from a report's file name.
    func absolute(_ file: String) -> String {
        file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
    }
}
