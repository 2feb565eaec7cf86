import SpecmarkContract

/// An @odata.type (in an annotation or a body) names no type the doc set defines. Reported by ``BodyConformanceRule``,
/// which checks each body once.
struct ODataTypeUnknownRule: CompanionRule {
    let description = RuleDescription(
        id: "odata-type-unknown",
        family: .resources,
        summary: "an @odata.type (in an annotation or a body) names no type the doc set defines",
        defaultSeverity: .error,
        rationale: """
            Every `@odata.type` must name a type some page defines; otherwise the example cannot be checked against \
            anything and readers follow a dead name. A name that differs only in case is reported as such; others get \
            the closest defined name when one is close.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\" }", annotation: "\"@odata.type\": 1️⃣\"microsoft.graph.widgit\"1️⃣"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget' declares type 'microsoft.graph.widgit', which no page defines; did you \
                    mean 'microsoft.graph.widget'?
                    """
                ]),
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\" }", annotation: "\"@odata.type\": 1️⃣\"microsoft.graph.Widget\"1️⃣"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget' declares type 'microsoft.graph.Widget', which is spelt \
                    'microsoft.graph.widget'
                    """
                ]),
            RuleExample(
                ExamplePages.response("{ \"@odata.type\": 1️⃣\"#microsoft.graph.Widget\"1️⃣, \"id\": \"1\" }"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    """
                    response to 'get_widget': $.@odata.type names 'microsoft.graph.Widget', which is spelt \
                    'microsoft.graph.widget'
                    """
                ]),
            // In a body whose annotation declares no type.
            RuleExample(
                ExamplePages.response(
                    "{ \"value\": [ { \"@odata.type\": 1️⃣\"#microsoft.graph.gizmo\"1️⃣ } ] }", annotation: ""),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget': $.value[0].@odata.type names 'microsoft.graph.gizmo', which no page defines"
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                ExamplePages.response("{ \"@odata.type\": \"#microsoft.graph.widget\", \"id\": \"1\" }"),
                otherPages: ExamplePages.withWidget)
        ]
    )
}
