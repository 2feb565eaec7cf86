import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A declared `METHOD /path` names a path the metadata cannot address. One pass resolves the page's declared and
/// example paths once and reports for the rules that read them: case-only differences, methods, action
/// parameters and return types.
struct MetadataPathUnresolvedRule: LintRule {
    let description = RuleDescription(
        id: "metadata-path-unresolved",
        family: .metadata,
        summary: "a declared path is not one the metadata can address",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, every URL the service answers starts at an entity set, a singleton or an operation \
            import and follows keys, navigation and structural properties, casts and bound actions and functions \
            that the metadata declares. A declared path that leaves that graph is a typo, a beta-only segment, or \
            a relationship the service does not have. The finding points at the first segment that fails and \
            says why; configured `path-aliases` apply. A segment that differs from the metadata only in case is \
            `metadata-path-case-mismatch`.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/1️⃣prts1️⃣
                GET /2️⃣gadgets2️⃣/{id}
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "path segment 'prts' does not resolve: no property, navigation property, bound action or function of microsoft.graph.widget; did you mean 'parts'?",
                    "path segment 'gadgets' does not resolve: no entity set, singleton or operation import has this name",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/parts/{part-id}
                POST /widgets/{id}/paint
                GET https://graph.microsoft.com/v1.0/widgets/{id}/measure(unit='mm')
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
            // Only the case differs: metadata-path-case-mismatch.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/Parts
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
        ]
    )

    static let caseMismatch = "metadata-path-case-mismatch"
    static let methodNotAllowed = "metadata-method-not-allowed"
    let reportsFor = [
        caseMismatch, methodNotAllowed, MetadataParameterUnknownRule.id, MetadataParameterUnknownRule.parameterMissing,
        MetadataReturnTypeMismatchRule.id,
    ]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // A page without a declared path or a request example has nothing to resolve: the service is not looked
        // up for the corpus's includes.
        guard page.method != nil || !page.requests.isEmpty, let service = docs.metadata(forFile: page.file) else {
            return
        }
        // The aliases, not the doc set, go in: passing the doc set to the initializer copied it (every index it
        // holds retained and released) for each page.
        let resolutions = MetadataPageResolutions(
            page, aliases: docs.configuration.pathAliases, service: service, cache: context.pathResolutions)
        MetadataParameterUnknownRule.report(page, resolutions, report: &report)
        MetadataReturnTypeMismatchRule.report(page, resolutions, report: &report)
        guard let method = page.method else { return }
        for (index, declared) in method.declaredPaths.enumerated() {
            let resolution = resolutions.declared[index]
            guard let failure = resolution.failure else {
                reportMethod(declared, index: index, resolution: resolution, service: service, report: &report)
                continue
            }
            var notes: [Diagnostic.Note] = []
            if let last = resolution.segments.last?.type, let type = service.type(named: last.name) {
                notes.append(.metadata("the metadata's \(type.name)", type.location, in: service))
            }
            var isCaseOnly = false
            if case .caseMismatch = failure.reason { isCaseOnly = true }
            report.report(
                .unresolved(failure.segment, failure.reason, suggestion: failure.suggestion),
                at: declared.range(ofPathBytes: failure.offset, length: failure.segment.utf8.count), notes: notes,
                anchor: "request#\(index):\(failure.segment)", ruleID: isCaseOnly ? Self.caseMismatch : nil)
        }
    }
}

extension MetadataPathUnresolvedRule {
    /// `metadata-method-not-allowed`: the method of a path that resolved.
    fileprivate func reportMethod(
        _ declared: DeclaredPath, index: Int, resolution: PathResolution, service: ServiceMetadata,
        report: inout Findings
    ) {
        guard let problem = service.check(method: declared.method.uppercased(), on: resolution),
            let target = resolution.target
        else { return }
        var notes: [Diagnostic.Note] = []
        if let operation = target.operation {
            notes.append(.metadata("the metadata's \(operation.name)", operation.location, in: service))
        }
        report.report(
            .notAllowed(problem, target: target), at: declared.methodRange, notes: notes,
            anchor: "request#\(index):\(declared.method)", ruleID: Self.methodNotAllowed)
    }
}

extension FindingMessage {
    fileprivate static func unresolved(
        _ segment: String, _ reason: PathResolution.Reason, suggestion: String?
    ) -> FindingMessage {
        FindingMessage(
            "path segment '\(visible(segment))' does not resolve: \(reason)", suggesting: suggestion)
    }
}
