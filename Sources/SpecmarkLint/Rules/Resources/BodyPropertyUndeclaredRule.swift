import SpecmarkContract

/// A body has a property its resource does not define. Reported by ``BodyConformanceRule``, which checks each body once.
struct BodyPropertyUndeclaredRule: CompanionRule {
    let description = RuleDescription(
        id: "body-property-undeclared",
        family: .resources,
        summary: "a body has a property its resource does not define",
        defaultSeverity: .warning,
        rationale: """
            An example that shows a property the resource (and its base types) does not define documents something clients cannot rely on — often a renamed or misspelt property. Open types, `@odata.*` control information and `name@odata.x` annotations are exempt.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", 1️⃣\"colour\": \"red\", 2️⃣\"IsActive\": true }"),
                otherPages: ExamplePages.withWidget)
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    "{ \"@odata.context\": \"x\", \"id\": \"1\", \"name@odata.type\": \"String\", \"name\": \"A\" }"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
