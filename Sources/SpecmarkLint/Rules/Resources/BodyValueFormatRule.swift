import SpecmarkContract

/// A DateTimeOffset, Date, TimeOfDay, Guid or Duration value does not parse. Reported by ``BodyConformanceRule``, which
/// checks each body once.
struct BodyValueFormatRule: CompanionRule {
    let description = RuleDescription(
        id: "body-value-format",
        family: .resources,
        summary: "a DateTimeOffset, Date, TimeOfDay, Guid or Duration value does not parse",
        defaultSeverity: .warning,
        rationale: """
            Clients parse these strings strictly: `2021-13-01`, a timestamp without an offset or a Guid with a missing \
            digit fail at run time. Values that are visibly placeholders (`{id}`, `<date>`) are not checked.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"createdDateTime\": 1️⃣\"2021-13-01T09:00:00Z\"1️⃣ }"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget': $.createdDateTime is "2021-13-01T09:00:00Z", which is not a valid \
                    DateTimeOffset (for example 2021-06-01T09:00:00Z)
                    """
                ]),
            // A timestamp without an offset, and a Guid with a digit missing.
            RuleExample(
                ExamplePages.response(
                    """
                    {
                      "id": "1",
                      "createdDateTime": 1️⃣"2021-06-01T09:00:00"1️⃣,
                      "ownerId": 2️⃣"6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6"2️⃣
                    }
                    """),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget': $.createdDateTime is "2021-06-01T09:00:00", which is not a valid \
                    DateTimeOffset (for example 2021-06-01T09:00:00Z)
                    """,
                    """
                    response to 'get_widget': $.ownerId is "6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6", which is not a valid \
                    Guid (for example 6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c)
                    """,
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"createdDateTime\": \"2021-06-01T09:00:00.123+02:00\" }"),
                otherPages: ExamplePages.withWidget),
            // Values that are visibly placeholders are not checked.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"createdDateTime\": \"{created}\", \"ownerId\": \"<owner id>\" }"),
                otherPages: ExamplePages.withWidget),
        ]
    )
}
