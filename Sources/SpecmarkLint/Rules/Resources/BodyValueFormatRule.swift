import SpecmarkContract

/// A DateTimeOffset, Date, TimeOfDay, Guid or Duration value does not parse. Reported by ``BodyConformanceRule``, which checks each body once.
struct BodyValueFormatRule: CompanionRule {
    let description = RuleDescription(
        id: "body-value-format",
        family: .resources,
        summary: "a DateTimeOffset, Date, TimeOfDay, Guid or Duration value does not parse",
        defaultSeverity: .warning,
        rationale: """
            Clients parse these strings strictly: `2021-13-01`, a timestamp without an offset or a Guid with a missing digit fail at run time. Values that are visibly placeholders (`{id}`, `<date>`) are not checked.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"createdDateTime\": 1️⃣\"2021-13-01T09:00:00Z\" }"),
                otherPages: ExamplePages.withWidget)
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"createdDateTime\": \"2021-06-01T09:00:00.123+02:00\" }"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
