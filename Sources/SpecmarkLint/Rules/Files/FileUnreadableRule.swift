import SpecmarkContract
import SpecmarkMarkdown

/// A file or directory under the lint root cannot be read.
///
/// Produced by ``FileDiscovery`` (directories, dangling links) and ``FileReader`` (pages), while the doc set is loaded,
/// as an ``ExtractionFinding`` this rule reports.
struct FileUnreadableRule: DocSetExtractedRule {
    let finding = ExtractionFinding.fileUnreadable

    let description = RuleDescription(
        id: "file-unreadable",
        family: .files,
        summary: "a file or directory under the lint root cannot be read",
        defaultSeverity: .error,
        rationale: """
            Specmark reports every page it could not read instead of stopping the run, so one bad file never hides the findings of the others. Fix the permissions, or exclude the path.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
