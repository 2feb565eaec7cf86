/// The rules Specmark ships.
public enum BuiltInRules {
    /// Every built-in rule, sorted by type name; ids are unique.
    public static let all: [any LintRule] = [
        AnnotationDuplicateKeyRule(),
        AnnotationInvalidJSONRule(),
        AnnotationOrphanedRule(),
        AnnotationTolerantJSONRule(),
        AnnotationUnknownBlockTypeRule(),
        AnnotationUnknownKeyRule(),
        AnnotationValueTypeRule(),
        BodyContentTypeMismatchRule(),
        BodyContentTypeMissingRule(),
        BodyDuplicateKeyRule(),
        BodyInvalidJSONRule(),
        BodyTolerantJSONRule(),
        CodeFenceUnclosedRule(),
        EncodingBOMRule(),
        EncodingInvalidUTF8Rule(),
        EncodingNULByteRule(),
        ExampleHostUnknownRule(),
        ExampleMethodUndeclaredRule(),
        ExampleNameDuplicateRule(),
        ExamplePathUndeclaredRule(),
        ExampleRequestUnpairedRule(),
        ExampleResponseUnpairedRule(),
        ExampleUnannotatedRule(),
        ExampleVersionMismatchRule(),
        FileSymlinkLoopRule(),
        FileUnreadableRule(),
        FrontMatterDuplicateKeyRule(),
        FrontMatterInvalidRule(),
        FrontMatterUnclosedRule(),
        HTMLCommentUnclosedRule(),
        HTTPHeaderInvalidRule(),
        HTTPMissingBlankLineRule(),
        HTTPMultipleRequestLinesRule(),
        HTTPProseInBlockRule(),
        HTTPReasonPhraseRule(),
        HTTPRequestLineInvalidRule(),
        HTTPStatusLineInvalidRule(),
        HTTPStatusLineNoVersionRule(),
        MarkdownNestingTooDeepRule(),
        RequestBodyNotAllowedRule(),
        ResourceBaseTypeCycleRule(),
        ResourceDuplicateRule(),
        ResourceMissingTypeRule(),
        Response204HasContentRule(),
        ResponseBodyMissingRule(),
        ResponseContentTypeMissingRule(),
        ResponseStatusMismatchRule(),
        TableCellCountRule(),
    ]

    /// The rule with `id`, if there is one.
    public static func rule(withID id: String) -> (any LintRule)? {
        all.first { $0.description.id == id }
    }
}
