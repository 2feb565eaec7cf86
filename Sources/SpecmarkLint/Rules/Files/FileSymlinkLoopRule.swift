import SpecmarkContract
import SpecmarkMarkdown

/// A symbolic link leads back into a directory already being walked.
///
/// Produced by ``FileDiscovery``, while it walks the directories, as an ``ExtractionFinding`` this rule reports.
struct FileSymlinkLoopRule: DocSetExtractedRule {
    let finding = ExtractionFinding.fileSymlinkLoop

    let description = RuleDescription(
        id: "file-symlink-loop",
        family: .files,
        summary: "a symbolic link leads back into a directory already being walked",
        defaultSeverity: .warning,
        rationale: """
            Directories are followed through symbolic links, but a link back to an ancestor would make the walk endless; Specmark skips it and says where it is.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: []
    )
}
