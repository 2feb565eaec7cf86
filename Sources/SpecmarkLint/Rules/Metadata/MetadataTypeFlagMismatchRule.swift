import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A resource annotation's `openType` or `abstract` says otherwise than the metadata.
struct MetadataTypeFlagMismatchRule: LintRule {
    let description = RuleDescription(
        id: "metadata-type-flag-mismatch",
        family: .metadata,
        summary: "a resource annotation's openType or abstract flag differs from the metadata",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, an open type accepts properties it does not declare and an abstract type is never \
            returned as itself; an annotation that states either flag otherwise than the service misleads tools \
            that read it (Specmark's own conformance checks among them). Only flags the annotation states are \
            compared: an annotation that says nothing about them is silent, not wrong.
            """,
        triggeringExamples: [
            RuleExample(
                MetadataExamples.part.replacing(
                    "\"baseType\": \"microsoft.graph.entity\"",
                    with: "\"baseType\": \"microsoft.graph.entity\", 1️⃣\"openType\"1️⃣: true"),
                file: "resources/part.md", otherPages: MetadataExamples.pages(without: "resources/part.md"),
                messages: ["microsoft.graph.part is an open type here, but not in the metadata"],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                MetadataExamples.part.replacing(
                    "\"baseType\": \"microsoft.graph.entity\"",
                    with: "\"baseType\": \"microsoft.graph.entity\", \"openType\": false"),
                file: "resources/part.md", otherPages: MetadataExamples.pages(without: "resources/part.md"),
                metadata: MetadataExamples.csdl)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let (service, type) = docs.metadataType(of: resource, on: page, options: context.options) else {
                continue
            }
            let flags: [(key: String, documented: Bool, declared: Bool, what: String)] = [
                ("openType", resource.annotation.openType, type.isOpen, "an open type"),
                ("abstract", resource.annotation.abstract, type.isAbstract, "abstract"),
            ]
            for flag in flags where resource.annotation.json.member(flag.key) != nil && flag.documented != flag.declared
            {
                report.report(
                    .flagMismatch(type.name, flag.what, documented: flag.documented),
                    at: resource.annotation.range(of: flag.key),
                    notes: [.metadata("declared in the metadata here", type.location, in: service)],
                    anchor: "\(resource.name):\(flag.key)")
            }
        }
    }
}

extension FindingMessage {
    fileprivate static func flagMismatch(_ type: String, _ what: String, documented: Bool) -> FindingMessage {
        documented
            ? FindingMessage("\(type) is \(what) here, but not in the metadata")
            : FindingMessage("\(type) is not \(what) here, but is in the metadata")
    }
}
