import SpecmarkContract

/// A request body lacks a property the Request body table marks as required. Reported by ``BodyConformanceRule``, which
/// checks each body once.
struct RequestPropertyMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "request-property-missing",
        family: .resources,
        summary: "a request body lacks a property the Request body table marks as required",
        defaultSeverity: .warning,
        rationale: """
            An example that leaves out a required property shows a request the service rejects.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name. Required.|
                |size|Int32|Optional.|

                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                1️⃣{ "size": 3 }1️⃣
                ```
                """,
                messages: ["request 'create_widget' has no 'name', which the Request body table marks as required"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name. Required.|
                |size|Int32|Optional.|

                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "name": "A" }
                ```
                """),
            // A PATCH sends only what changes: required rows are not checked.
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name. Required.|
                |size|Int32|Optional.|

                ## Example
                <!-- { "blockType": "request", "name": "update_widget" } -->
                ```http
                PATCH /widgets/1
                Content-Type: application/json

                { "size": 3 }
                ```
                """),
        ]
    )
}
