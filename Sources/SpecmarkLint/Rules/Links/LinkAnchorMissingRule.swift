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
                "See [the values](1️⃣../resources/widget.md#widget-states1️⃣).\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n\n## widgetStatus values\n"],
                messages: ["anchor '#widget-states' names no heading in '../resources/widget.md'"]),
            // An anchor on the same page, close to a heading's slug.
            RuleExample(
                """
                See [the first example](1️⃣#example-1-get-a-widgt1️⃣).

                ## Examples
                ### Example 1: Get a widget
                """, file: "api/widget-get.md",
                messages: [
                    """
                    anchor '#example-1-get-a-widgt' names no heading in this page; did you mean \
                    '#example-1-get-a-widget'?
                    """
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "See [the values](../resources/widget.md#widgetstatus-values) and [below](#examples).\n\n## Examples\n",
                file: "api/widget-get.md", otherPages: ["resources/widget.md": "# widget\n\n## widgetStatus values\n"]),
            // Punctuation is dropped from slugs, and a repeated heading is numbered.
            RuleExample(
                """
                See [the first example](#example-1-get-a-widget) and [its response](#response-1).

                ## Response
                ## Examples
                ### Example 1: Get a widget
                #### Request
                #### Response
                """, file: "api/widget-get.md"),
        ]
    )
}
