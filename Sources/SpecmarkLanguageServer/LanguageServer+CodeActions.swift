import Logging
import SpecmarkContract
import SpecmarkLint

extension LanguageServer {
    /// Answers `textDocument/codeAction`: a quick fix for each fixable finding the range touches, and one action
    /// that applies every fix of the document.
    func answerCodeAction(_ id: RequestID, _ params: CodeActionParams) async {
        let uri = params.textDocument.uri
        // A document the server does not check has no actions.
        guard documents[uri] != nil, let found = await diagnostics(of: uri), let document = documents[uri] else {
            finish(id, result: [CodeAction]())
            return
        }
        let fixable = LintFixer.fixable(found)
        let wanted = params.context?.only
        func offered(_ kind: String) -> Bool {
            wanted.map { kinds in kinds.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        var actions: [CodeAction] = []
        if offered(CodeActionKind.quickFix) {
            for diagnostic in fixable {
                let shown = lspDiagnostic(diagnostic, in: document.text)
                guard shown.range.touches(params.range), let fix = diagnostic.fix,
                    let edits = FixApplier.resolve(fix, in: document.text.bytes)
                else { continue }
                actions.append(
                    CodeAction(
                        title: fix.title, kind: CodeActionKind.quickFix, diagnostics: [shown], isPreferred: true,
                        edit: WorkspaceEdit(changes: [uri: textEdits(edits, in: document.text)])))
            }
        }
        if offered(CodeActionKind.fixAll), !fixable.isEmpty {
            let outcome = FixApplier.apply(fixable.compactMap(\.fix), to: document.text.bytes)
            if !outcome.edits.isEmpty {
                actions.append(
                    CodeAction(
                        title: "Fix all Specmark findings (\(outcome.applied.count))", kind: CodeActionKind.fixAll,
                        diagnostics: nil, isPreferred: nil,
                        edit: WorkspaceEdit(changes: [uri: textEdits(outcome.edits, in: document.text)])))
            }
        }
        finish(id, result: actions)
    }

    func textEdits(_ edits: [ByteEdit], in text: DocumentText) -> [TextEdit] {
        edits.map { edit in
            TextEdit(
                range: Range(
                    start: text.position(ofOffset: edit.range.lowerBound, in: encoding),
                    end: text.position(ofOffset: edit.range.upperBound, in: encoding)),
                newText: String(decoding: edit.replacement, as: UTF8.self))
        }
    }
}
