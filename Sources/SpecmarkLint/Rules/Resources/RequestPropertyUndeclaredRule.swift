import SpecmarkContract

/// A request body sends a property the Request body table does not document. Reported by ``BodyConformanceRule``, which
/// checks each body once.
struct RequestPropertyUndeclaredRule: CompanionRule {
    let description = RuleDescription(
        id: "request-property-undeclared",
        family: .resources,
        summary: "a request body sends a property the Request body table does not document",
        defaultSeverity: .warning,
        rationale: """
            The Request body table says what a client may send; an example that sends more documents an undocumented \
            (or misspelt) property.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "name": "A", 1️⃣"colour"1️⃣: "red" }
                ```
                """,
                messages: ["request 'create_widget' sends 'colour', which the Request body table does not document"]),
            // A misspelt property: in other case, or a letter off.
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name.|
                |size|Int32|Size in bytes.|

                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { 1️⃣"Name"1️⃣: "A", 2️⃣"sise"2️⃣: 3 }
                ```
                """,
                messages: [
                    """
                    request 'create_widget' sends 'Name', which the Request body table does not document; the table \
                    spells it 'name'
                    """,
                    """
                    request 'create_widget' sends 'sise', which the Request body table does not document; did you \
                    mean 'size'?
                    """,
                ]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Request body
                |Property|Type|Description|
                |:---|:---|:---|
                |name|String|The name. Required.|

                ## Example
                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST /widgets
                Content-Type: application/json

                { "name": "A" }
                ```
                """)
        ]
    )
}
