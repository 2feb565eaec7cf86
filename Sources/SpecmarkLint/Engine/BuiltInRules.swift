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
        BodyConformanceRule(),
        BodyContentTypeMismatchRule(),
        BodyContentTypeMissingRule(),
        BodyDuplicateKeyRule(),
        BodyEnumValueUnknownRule(),
        BodyInvalidJSONRule(),
        BodyPropertyUndeclaredRule(),
        BodyTolerantJSONRule(),
        BodyValueFormatRule(),
        BodyValuePlaceholderRule(),
        CodeFenceUnclosedRule(),
        EncodingBOMRule(),
        EncodingInvalidUTF8Rule(),
        EncodingNULByteRule(),
        ExampleHostUnknownRule(),
        ExampleMethodUndeclaredRule(),
        ExampleNameDuplicateRule(),
        ExampleNameReusedRule(),
        ExamplePathUndeclaredRule(),
        ExampleRequestUnpairedRule(),
        ExampleResponseUnpairedRule(),
        ExampleUnannotatedRule(),
        ExampleVersionMismatchRule(),
        FileSymlinkLoopRule(),
        FileUnreadableRule(),
        FrontMatterDocTypeRule(),
        FrontMatterDuplicateKeyRule(),
        FrontMatterInvalidRule(),
        FrontMatterRequiredRule(),
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
        IncludeMissingRule(),
        LinkAnchorMissingRule(),
        LinkBrokenRule(),
        LinkCaseMismatchRule(),
        MarkdownNestingTooDeepRule(),
        ODataTypeUnknownRule(),
        OutlineHeadingCaseRule(),
        OutlineHeadingMisspeltRule(),
        OutlineRule(),
        OutlineSectionOrderRule(),
        PathParameterUnknownRule(),
        PermissionNameUnknownRule(),
        PermissionsLabelUnknownRule(),
        PermissionsMissingRule(),
        PermissionsNotSupportedSpellingRule(),
        PermissionsRowEmptyRule(),
        QueryParameterUndocumentedRule(),
        RequestBodyNotAllowedRule(),
        RequestHeaderMissingRule(),
        RequestHeaderUndocumentedRule(),
        RequestPropertyMissingRule(),
        RequestPropertyUndeclaredRule(),
        ResourceBaseTypeCycleRule(),
        ResourceBaseTypeMissingRule(),
        ResourceDuplicateRule(),
        ResourceJSONTableMismatchRule(),
        ResourceMissingTypeRule(),
        Response204HasContentRule(),
        ResponseBodyMissingRule(),
        ResponseCollectionShapeRule(),
        ResponseContentTypeMissingRule(),
        ResponsePropertyMissingRule(),
        ResponseStatusMismatchRule(),
        SuppressionUnusedRule(),
        TabGroupInvalidRule(),
        TableCellCountRule(),
    ]

    /// The rules whose findings `specmark replay` reports (the linter never runs them), sorted by type name.
    public static let replay: [any LintRule] = [
        ReplayBodyNotJSONRule(),
        ReplayContentTypeMismatchRule(),
        ReplayHeaderMissingRule(),
        ReplayPropertyMissingRule(),
        ReplayPropertyTypeMismatchRule(),
        ReplayPropertyUndeclaredRule(),
        ReplayRequestFailedRule(),
        ReplayStatusMismatchRule(),
        ReplayValueMismatchRule(),
    ]

    /// Every rule a configuration may name: the lint rules and the replay rules.
    public static var configurable: [any LintRule] { all + replay }

    /// The lint and replay rules by id.
    static let byID: [String: any LintRule] = Dictionary(
        configurable.map { ($0.description.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The lint or replay rule with `id`, if there is one.
    public static func rule(withID id: String) -> (any LintRule)? {
        byID[id]
    }
}
