import SpecmarkContract

/// An `[!INCLUDE]` names a file that does not exist. Reported by ``LinkBrokenRule``.
struct IncludeMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "include-missing",
        family: .links,
        summary: "an [!INCLUDE] names a file that does not exist",
        defaultSeverity: .error,
        rationale: """
            The docs build drops a missing include silently (ApiDoctor does too), so the page loses its code \
            samples or notices without anyone noticing.
            """,
        triggeringExamples: [
            RuleExample(
                "[!INCLUDE [sample](1️⃣../includes/snippets/get-widget-csharp.md1️⃣)]\n", file: "api/widget-get.md",
                messages: ["included file '../includes/snippets/get-widget-csharp.md' does not exist"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                "[!INCLUDE [sample](../includes/snippets/get-widget.md)]\n", file: "api/widget-get.md",
                otherPages: ["includes/snippets/get-widget.md": "```csharp\n```\n"])
        ]
    )
}
