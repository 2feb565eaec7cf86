import SpecmarkContract
import SpecmarkMarkdown

/// Applies a page's suppressions to its diagnostics — inline `specmark-disable` comments and the page
/// annotation's `suppressions` list, both scoped to that page only — and reports the ones that suppress nothing.
enum Suppressions {
    /// Marks suppressed diagnostics; returns `suppression-unused` diagnostics in the files where `reportUnused`
    /// gives a severity (nil: the rule is off there).
    static func apply(
        to diagnostics: inout [Diagnostic], pages: [Int], of docs: DocSet, knownRules: Set<String>,
        reportUnused: (_ file: String) -> Severity?
    ) -> [Diagnostic] {
        var unused: [Diagnostic] = []
        let byFile = Dictionary(grouping: diagnostics.indices, by: { diagnostics[$0].location.file })
        // Only pages with suppressions are bound (copied); most have none.
        for pageIndex in pages where suppressesAnything(docs.pages[pageIndex]) {
            let page = docs.pages[pageIndex]
            let indexes = byFile[page.file] ?? []
            var used = Set<Int>()
            var usedEntries = Set<Int>()
            for index in indexes where diagnostics[index].ruleID != SuppressionUnusedRule.id {
                let diagnostic = diagnostics[index]
                if let (directive, suppression) = inlineSuppression(of: diagnostic, in: page) {
                    diagnostics[index].suppression = suppression
                    used.insert(directive)
                } else if let (entry, suppression) = annotationSuppression(
                    of: diagnostic, in: page, knownRules: knownRules)
                {
                    diagnostics[index].suppression = suppression
                    usedEntries.insert(entry)
                }
            }
            guard let severity = reportUnused(page.file) else { continue }
            for (index, directive) in page.suppressionDirectives.enumerated() where !used.contains(index) {
                let name: String
                switch directive.kind {
                case .enable: continue
                case .disable: name = "specmark-disable"
                case .disableNextBlock: name = "specmark-disable-next-block"
                }
                let target = directive.rules.isEmpty ? "every rule" : directive.rules.joined(separator: ", ")
                unused.append(
                    Diagnostic(
                        ruleID: SuppressionUnusedRule.id, severity: severity,
                        message: FindingMessage.directiveUnused(name, target).text,
                        location: SourceLocation(file: page.file, range: directive.range),
                        anchor: "\(name):\(directive.rules.joined(separator: ","))"))
            }
            for (index, entry) in (page.pageAnnotation?.suppressions ?? []).enumerated()
            where !usedEntries.contains(index) && knownRules.contains(entry.text.trimmingSpaces()) {
                unused.append(
                    Diagnostic(
                        ruleID: SuppressionUnusedRule.id, severity: severity,
                        message: FindingMessage.annotationEntryUnused(entry.text.trimmingSpaces()).text,
                        location: SourceLocation(file: page.file, range: entry.range),
                        anchor: "annotation:\(entry.text)"))
            }
        }
        return unused
    }

    /// Whether `page` suppresses anything: inline directives, or its annotation's `suppressions` list.
    static func suppressesAnything(_ page: borrowing PageContract) -> Bool {
        !page.suppressionDirectives.isEmpty || !(page.pageAnnotation?.suppressions.isEmpty ?? true)
    }

    /// The inline directive (its index) that suppresses `diagnostic`, if any.
    private static func inlineSuppression(of diagnostic: Diagnostic, in page: PageContract) -> (Int, Suppression)? {
        let position = diagnostic.location.range.start
        var disabled: (index: Int, directive: SuppressionDirective)?
        for (index, directive) in page.suppressionDirectives.enumerated() {
            switch directive.kind {
            case .disableNextBlock(let scope):
                if directive.covers(diagnostic.ruleID), scope.contains(position) {
                    return (index, suppression(directive, file: page.file))
                }
            case .disable:
                if directive.range.start <= position, directive.covers(diagnostic.ruleID) {
                    disabled = (index, directive)
                }
            case .enable:
                if directive.range.start <= position, directive.covers(diagnostic.ruleID) { disabled = nil }
            }
        }
        return disabled.map { ($0.index, suppression($0.directive, file: page.file)) }
    }

    private static func suppression(_ directive: SuppressionDirective, file: String) -> Suppression {
        Suppression(
            kind: .inlineComment, justification: directive.reason,
            location: SourceLocation(file: file, range: directive.range))
    }

    /// The page-annotation entry (its index) that suppresses `diagnostic`: an entry naming the rule id, or an
    /// entry in ApiDoctor's text form (`Error: …`, `Warning: …`) contained in the message.
    private static func annotationSuppression(
        of diagnostic: Diagnostic, in page: PageContract, knownRules: Set<String>
    ) -> (Int, Suppression)? {
        guard let entries = page.pageAnnotation?.suppressions else { return nil }
        for (index, entry) in entries.enumerated() {
            let text = entry.text.trimmingSpaces()
            let matches: Bool
            if knownRules.contains(text) {
                matches = text == diagnostic.ruleID
            } else {
                var body = Substring(text)
                for prefix in ["Error:", "Warning:", "Note:"] where body.hasPrefix(prefix) {
                    body = body.dropFirst(prefix.count)
                }
                let needle = String(body).trimmingSpaces()
                matches = !needle.isEmpty && diagnostic.message.containsBytes(needle)
            }
            if matches {
                return (
                    index,
                    Suppression(
                        kind: .pageAnnotation, justification: "page annotation: \(text)",
                        location: SourceLocation(file: page.file, range: entry.range))
                )
            }
        }
        return nil
    }
}

extension FindingMessage {
    fileprivate static func directiveUnused(_ directive: String, _ target: String) -> FindingMessage {
        FindingMessage("\(directive) for \(target) suppresses nothing")
    }

    fileprivate static func annotationEntryUnused(_ entry: String) -> FindingMessage {
        FindingMessage("page annotation suppression '\(entry)' suppresses nothing")
    }
}
