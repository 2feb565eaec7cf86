public import SpecmarkMarkdown

/// Every kind of problem reading the pages can find, before any rule runs: the file, its Markdown, its
/// annotations, its HTTP blocks and JSON bodies, and the merge of the doc set.
///
/// Extraction records a kind, never a severity: the raw value is the id of the lint rule that documents the
/// finding, and that rule's default severity, changed only by configuration, decides how it is reported.
public enum ExtractionFinding: String, Hashable, Sendable, CaseIterable {
    // Files: FileDiscovery and FileReader.
    case fileUnreadable = "file-unreadable"
    case fileSymlinkLoop = "file-symlink-loop"
    // Markdown: MarkdownDocument, FrontMatter and the cmark converter (tables in CommonMarkConverter+Tables).
    case encodingInvalidUTF8 = "encoding-invalid-utf8"
    case encodingNULByte = "encoding-nul-byte"
    case encodingBOM = "encoding-bom"
    case frontMatterInvalid = "front-matter-invalid"
    case frontMatterUnclosed = "front-matter-unclosed"
    case frontMatterDuplicateKey = "front-matter-duplicate-key"
    case codeFenceUnclosed = "code-fence-unclosed"
    case htmlCommentUnclosed = "html-comment-unclosed"
    case tableCellCount = "table-cell-count"
    case markdownNestingTooDeep = "markdown-nesting-too-deep"
    // Annotations: AnnotationDecoder, and PageExtractor for annotations bound to nothing.
    case annotationInvalidJSON = "annotation-invalid-json"
    case annotationTolerantJSON = "annotation-tolerant-json"
    case annotationDuplicateKey = "annotation-duplicate-key"
    case annotationUnknownKey = "annotation-unknown-key"
    case annotationUnknownBlockType = "annotation-unknown-block-type"
    case annotationValueType = "annotation-value-type"
    case annotationOrphaned = "annotation-orphaned"
    // HTTP blocks: HTTPMessageParser.
    case httpRequestLineInvalid = "http-request-line-invalid"
    case httpStatusLineInvalid = "http-status-line-invalid"
    case httpStatusLineNoVersion = "http-status-line-no-version"
    case httpProseInBlock = "http-prose-in-block"
    case httpMultipleRequestLines = "http-multiple-request-lines"
    case httpHeaderInvalid = "http-header-invalid"
    case httpMissingBlankLine = "http-missing-blank-line"
    case httpHeadersAfterBody = "http-headers-after-body"
    // Example bodies: PageExtractor, through JSONParser.
    case bodyInvalidJSON = "body-invalid-json"
    case bodyTolerantJSON = "body-tolerant-json"
    case bodyDuplicateKey = "body-duplicate-key"
    // Types: PageExtractor for one page, DocSet for the merge.
    case resourceMissingType = "resource-missing-type"
    case resourceRepresentationCollection = "resource-representation-collection"
    case resourceDuplicate = "resource-duplicate"
    case resourceBaseTypeCycle = "resource-base-type-cycle"

    /// The id of the rule that documents and configures this kind.
    public var ruleID: String { rawValue }

    /// The kind of a problem the Markdown layer found.
    public init(_ kind: MarkdownProblem.Kind) {
        switch kind {
        case .invalidUTF8: self = .encodingInvalidUTF8
        case .nulByte: self = .encodingNULByte
        case .byteOrderMark: self = .encodingBOM
        case .frontMatterInvalid: self = .frontMatterInvalid
        case .frontMatterUnclosed: self = .frontMatterUnclosed
        case .frontMatterDuplicateKey: self = .frontMatterDuplicateKey
        case .unclosedFence: self = .codeFenceUnclosed
        case .unclosedComment: self = .htmlCommentUnclosed
        case .tableCellCount: self = .tableCellCount
        case .nestingTooDeep: self = .markdownNestingTooDeep
        }
    }

    /// The kind of a problem the HTTP parser found.
    public init(_ kind: HTTPIssue.Kind) {
        switch kind {
        case .requestLineInvalid: self = .httpRequestLineInvalid
        case .statusLineInvalid: self = .httpStatusLineInvalid
        case .statusLineWithoutVersion: self = .httpStatusLineNoVersion
        case .proseInBlock: self = .httpProseInBlock
        case .multipleRequestLines: self = .httpMultipleRequestLines
        case .headerInvalid: self = .httpHeaderInvalid
        case .missingBlankLine: self = .httpMissingBlankLine
        case .headersAfterBody: self = .httpHeadersAfterBody
        }
    }
}
