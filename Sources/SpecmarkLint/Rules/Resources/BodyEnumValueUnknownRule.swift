import SpecmarkContract

/// A body value is not a member of the enum its property declares. Reported by ``BodyConformanceRule``, which checks
/// each body once.
struct BodyEnumValueUnknownRule: CompanionRule {
    let description = RuleDescription(
        id: "body-enum-value-unknown",
        family: .resources,
        summary: "a body value is not a member of the enum its property declares",
        defaultSeverity: .warning,
        rationale: """
            An enum value the enum does not define is a member that was renamed or never existed; clients that switch \
            over the members will not handle it.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"status\": 1️⃣\"archived\"1️⃣ }"),
                otherPages: ExamplePages.withWidget,
                messages: ["response to 'get_widget': $.status is \"archived\", which is not a member of widgetStatus"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"status\": \"retired\" }"), otherPages: ExamplePages.withWidget
            )
        ]
    )
}
