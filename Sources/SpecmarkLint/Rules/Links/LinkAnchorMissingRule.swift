import SpecmarkContract

/// A link's anchor names no heading in its target. Reported by ``LinkBrokenRule``, which resolves each target once.
struct LinkAnchorMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "link-anchor-missing",
        family: .links,
        summary: "a link's #anchor names no heading in its target page",
        defaultSeverity: .warning,
        rationale: """
            Anchors follow the docs site's slugs: the heading lower-cased, punctuation removed, spaces as hyphens \
            (`## Example 1: Get a user` is `#example-1-get-a-user`), repeated headings numbered `-1`, `-2`. A \
            renamed heading silently breaks every link to it.
            """,
        triggeringExamples: [
            RuleExample(
                "See [the values](1️⃣../resources/widget.md#widget-states).\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n\n## widgetStatus values\n"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                "See [the values](../resources/widget.md#widgetstatus-values) and [below](#examples).\n\n## Examples\n",
                file: "api/widget-get.md", otherPages: ["resources/widget.md": "# widget\n\n## widgetStatus values\n"])
        ]
    )
}
