import SpecmarkContract

/// An @odata.type (in an annotation or a body) names no type the doc set defines. Reported by ``BodyConformanceRule``, which checks each body once.
struct ODataTypeUnknownRule: CompanionRule {
    let description = RuleDescription(
        id: "odata-type-unknown",
        family: .resources,
        summary: "an @odata.type (in an annotation or a body) names no type the doc set defines",
        defaultSeverity: .error,
        rationale: """
            Every `@odata.type` must name a type some page defines; otherwise the example cannot be checked against anything and readers follow a dead name. A name that differs only in case is reported as such; others get the closest defined name.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\" }", annotation: "\"@odata.type\": 1️⃣\"microsoft.graph.widgit\""),
                otherPages: ExamplePages.withWidget),
            RuleExample(
                ExamplePages.response("{ \"@odata.type\": 1️⃣\"#microsoft.graph.Widget\", \"id\": \"1\" }"),
                otherPages: ExamplePages.withWidget),
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"@odata.type\": \"#microsoft.graph.widget\", \"id\": \"1\" }"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
