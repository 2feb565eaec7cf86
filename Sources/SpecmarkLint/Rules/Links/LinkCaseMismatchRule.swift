import SpecmarkContract

/// A relative link's target exists only with other letter case. Reported by ``LinkBrokenRule``, which resolves each
/// target once.
struct LinkCaseMismatchRule: CompanionRule {
    let description = RuleDescription(
        id: "link-case-mismatch",
        family: .links,
        summary: "a relative link's target exists only with other letter case",
        defaultSeverity: .warning,
        rationale: """
            `[user](../resources/User.md)` finds `user.md` on a case-insensitive file system (the author's Mac or \
            Windows machine) and a 404 on GitHub, the docs site's Linux build and every case-sensitive host. Spell \
            the link as the file is named. A target that does not exist in any case is `link-broken`.
            """,
        triggeringExamples: [
            RuleExample(
                "Returns a [widget](1️⃣../resources/Widget.md1️⃣) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"],
                messages: [
                    """
                    link target '../resources/Widget.md' exists only as 'widget.md'; the case differs, which breaks \
                    on case-sensitive hosts
                    """
                ])
        ],
        nonTriggeringExamples: [
            RuleExample(
                "Returns a [widget](../resources/widget.md) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"]),
            // A target missing in every case is link-broken's finding.
            RuleExample(
                "Returns a [gadget](../resources/Gadget.md) object.\n", file: "api/widget-get.md",
                otherPages: ["resources/widget.md": "# widget\n"]),
        ]
    )
}
