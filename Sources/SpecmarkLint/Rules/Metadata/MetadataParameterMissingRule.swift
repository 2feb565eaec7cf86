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
                MetadataExamples.paintPage(
                    requestBody: """
                        1️⃣|Parameter|Type|Description|
                        |:---|:---|:---|
                        |coats|Int32|How many coats.|1️⃣
                        """),
                otherPages: MetadataExamples.pages,
                messages: [
                    "required parameter 'colour' of action microsoft.graph.paint is not in the Request body table"
                ],
                metadata: MetadataExamples.csdl),
            // No table: the examples that call the action are what the page sends.
            RuleExample(
                MetadataExamples.paintPage(
                    requestBody: "Provide the number of coats.", exampleBody: "{ \"coats\": 2 }",
                    heading: "1️⃣## Request body1️⃣"),
                otherPages: MetadataExamples.pages,
                messages: [
                    "required parameter 'colour' of action microsoft.graph.paint is not in the request examples' bodies"
                ],
                metadata: MetadataExamples.csdl),
        ],
        nonTriggeringExamples: [
            RuleExample(
                MetadataExamples.paintPage(
                    requestBody: """
                        |Parameter|Type|Description|
                        |:---|:---|:---|
                        |colour|String|The colour.|
                        """),
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl),
            // No table: the example that calls the action sends the parameter.
            RuleExample(
                MetadataExamples.paintPage(requestBody: "Provide the colour.", exampleBody: "{ \"colour\": \"red\" }"),
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
