import SpecmarkContract

/// A request example's name is also used on another page of the same API version. Reported by
/// ``ExampleNameDuplicateRule``, which indexes every name once.
struct ExampleNameReusedRule: CompanionRule {
    let description = RuleDescription(
        id: "example-name-reused",
        family: .pairing,
        summary: "a request example's name is also used on another page of the same API version",
        defaultSeverity: .warning,
        rationale: """
            Test tools, replay parameters and the mock's `Prefer: example=` selection find an example by name \
            within an API version; when two pages use one name, every tool picks one of them silently. The \
            finding is on the later page, with the first use as related location. The same name in v1.0 and beta \
            is expected: the versions are separate doc sets.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": 1️⃣"get_widget"1️⃣ } -->
                ```http
                GET /widgets/2
                ```
                """,
                file: "v1.0/api/widget-get-2.md",
                otherPages: [
                    "v1.0/api/widget-get-1.md": """
                    <!-- { "blockType": "request", "name": "get_widget" } -->
                    ```http
                    GET /widgets/1
                    ```
                    """
                ],
                messages: ["example name 'get_widget' is also used in v1.0/api/widget-get-1.md"])
        ],
        nonTriggeringExamples: [
            // v1.0 and beta are separate doc sets.
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET /widgets/2
                ```
                """,
                file: "beta/api/widget-get.md",
                otherPages: [
                    "v1.0/api/widget-get.md": """
                    <!-- { "blockType": "request", "name": "get_widget" } -->
                    ```http
                    GET /widgets/1
                    ```
                    """
                ])
        ]
    )
}
