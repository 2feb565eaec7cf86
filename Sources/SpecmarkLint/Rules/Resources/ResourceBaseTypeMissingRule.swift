import SpecmarkContract
import SpecmarkMarkdown

/// A resource annotation has no baseType though the page says what the type inherits from.
struct ResourceBaseTypeMissingRule: LintRule {
    let description = RuleDescription(
        id: "resource-base-type-missing",
        family: .resources,
        summary: "a resource annotation has no baseType though the page says the type inherits from another",
        defaultSeverity: .warning,
        rationale: """
            Tools read inheritance from the annotation's `baseType`; without it every inherited property looks \
            undeclared in every example. Specmark follows the prose ("inherits from [mailFolder](mailfolder.md)") \
            so the examples are checked correctly, and reports the annotation once here.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Inherits from [widget](widget.md).

                1️⃣<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.bigWidget" } -->1️⃣
                ```json
                {}
                ```
                """,
                file: "resources/bigwidget.md", otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    resource annotation of 'microsoft.graph.bigWidget' has no baseType, but the page says it inherits \
                    from microsoft.graph.widget; add "baseType": "microsoft.graph.widget"
                    """
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Inherits from [widget](widget.md).

                <!-- {
                  "blockType": "resource", "@odata.type": "microsoft.graph.bigWidget",
                  "baseType": "microsoft.graph.widget"
                } -->
                ```json
                {}
                ```
                """,
                file: "resources/bigwidget.md", otherPages: ExamplePages.withWidget)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        for resource in page.resources {
            guard let merged = docs.resource(named: resource.name), merged.file == page.file, merged.baseTypeIsInferred,
                let base = merged.baseType
            else { continue }
            report.report(
                .baseTypeMissing(resource.name, base),
                at: resource.annotation.range, anchor: "\(resource.name):baseType")
        }
    }
}

extension FindingMessage {
    fileprivate static func baseTypeMissing(_ type: String, _ base: String) -> FindingMessage {
        FindingMessage(
            "resource annotation of '\(type)' has no baseType, but the page says it inherits from \(base); add \"baseType\": \"\(base)\""
        )
    }
}
