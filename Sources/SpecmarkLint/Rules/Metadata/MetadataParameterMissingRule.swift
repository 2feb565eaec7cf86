import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A required parameter of the metadata's action is missing from the Request body table. Reported by
/// ``MetadataParameterUnknownRule``, which finds the page's action once.
struct MetadataParameterMissingRule: CompanionRule {
    let description = RuleDescription(
        id: "metadata-parameter-missing",
        family: .metadata,
        summary: "a required action parameter is not in the Request body table",
        defaultSeverity: .warning,
        rationale: """
            With `--metadata`, an action's non-nullable parameters must be sent; a Request body table that does \
            not list one leaves callers to find out from an error (names compared ignoring case; a table of the \
            properties of an object parameter documents it). The finding sits on the table; a page without one \
            is checked against the bodies of its examples that call the action, at the Request body heading.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                1️⃣|Parameter|Type|Description|
                |:---|:---|:---|
                |coats|Int32|How many coats.|1️⃣
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "required parameter 'colour' of action microsoft.graph.paint is not in the Request body table"
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            // No table: the example that calls the action sends the parameter.
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                Provide the colour.

                ## Example
                <!-- { "blockType": "request", "name": "paint_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/paint
                Content-Type: application/json

                { "colour": "red" }
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
            RuleExample(
                """
                ## HTTP request
                ```http
                POST /widgets/{id}/paint
                ```

                ## Request body
                |Parameter|Type|Description|
                |:---|:---|:---|
                |colour|String|The colour.|
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
        ]
    )
}

extension FindingMessage {
    static func missing(_ name: String, of operation: String, table: Bool) -> FindingMessage {
        FindingMessage(
            "required parameter '\(name)' of action \(operation) is not in the "
                + (table ? "Request body table" : "request examples' bodies"))
    }
}
