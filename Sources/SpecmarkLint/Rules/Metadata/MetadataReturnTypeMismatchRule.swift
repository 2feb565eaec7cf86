import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// A response annotation's `@odata.type` or `isCollection` contradicts what the request's path returns. Reported
/// by ``MetadataPathUnresolvedRule``, which resolves the page's paths once.
struct MetadataReturnTypeMismatchRule: CompanionRule {
    let description = RuleDescription(
        id: "metadata-return-type-mismatch",
        family: .metadata,
        summary: "a response annotation's type or isCollection contradicts what the metadata says the request returns",
        defaultSeverity: .error,
        rationale: """
            With `--metadata`, the request's path decides what the response holds: a function's or action's \
            return type, a navigation property's type, an entity set's collection. A response annotated with \
            another type, or as a single value where the path returns a collection (or the reverse), documents a \
            response the service does not send, and conformance checks the example against the wrong type. A \
            type derived from the returned one, or its base, is fine; a create or update answers with one entity; \
            only an `isCollection` the annotation states is compared.
            """,
        triggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "measure_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/measure(unit='mm')
                ```

                <!-- { "blockType": "response", 1️⃣"@odata.type"1️⃣: "microsoft.graph.part" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "label": "a" }
                ```

                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets
                ```

                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget", 2️⃣"isCollection"2️⃣: false } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [] }
                ```
                """,
                otherPages: MetadataExamples.pages,
                messages: [
                    "response is annotated microsoft.graph.part, but request 'measure_widget' returns microsoft.graph.widgetDimensions in the metadata",
                    "response is annotated as a single value, but request 'list_widgets' returns Collection(microsoft.graph.widget) in the metadata",
                ],
                metadata: MetadataExamples.csdl)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                <!-- { "blockType": "request", "name": "measure_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1/measure(unit='mm')
                ```

                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetDimensions" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "height": 1, "width": 2 }
                ```

                <!-- { "blockType": "request", "name": "get_big_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/2
                ```

                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.bigWidget" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "capacity": 3 }
                ```

                <!-- { "blockType": "request", "name": "create_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets
                Content-Type: application/json

                { "name": "w" }
                ```

                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget", "isCollection": false } -->
                ```http
                HTTP/1.1 201 Created
                Content-Type: application/json

                { "id": "1", "name": "w" }
                ```

                <!-- { "blockType": "request", "name": "list_widgets" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets
                ```

                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                { "value": [] }
                ```
                """,
                otherPages: MetadataExamples.pages, metadata: MetadataExamples.csdl)
        ]
    )

    static let id = "metadata-return-type-mismatch"

    /// Reports the responses whose annotation contradicts what their request's path returns.
    static func report(_ page: PageContract, _ resolutions: MetadataPageResolutions, report: inout Findings) {
        let service = resolutions.service
        for (index, request) in page.requests.enumerated() {
            guard let target = resolutions.requests[index]?.target,
                var returned = target.type, ![.count, .value, .ref].contains(target.kind),
                let method = request.method?.uppercased(), method != "DELETE"
            else { continue }
            // A create (POST to a collection) and an update answer with the one entity, not the collection; a
            // write to a property (an upload to a stream) answers with what the service chooses.
            if target.operation == nil, method != "GET" {
                if target.kind == .property { continue }
                returned = returned.element
            }
            for responseIndex in page.responses(answering: index) {
                let response = page.responses[responseIndex]
                guard let annotation = response.annotation, let status = response.status, (200..<300).contains(status),
                    status != 204, let annotated = annotation.odataType, !annotated.isEmpty
                else { continue }
                let label = page.label(ofRequest: index)
                let returnedText = returned.description
                let annotatedName = service.qualified(annotated).name
                if !Self.related(annotatedName, returned.name, in: service) {
                    report.report(
                        .typeMismatch(annotated: annotated, label, returns: returnedText),
                        at: annotation.range(of: "@odata.type"), notes: notes(for: target, in: service),
                        anchor: "\(label):@odata.type:metadata", ruleID: id)
                } else if annotation.json.member("isCollection") != nil,
                    annotation.isCollection != returned.isCollection
                {
                    report.report(
                        .collectionMismatch(annotatedCollection: annotation.isCollection, label, returns: returnedText),
                        at: annotation.range(of: "isCollection"), notes: notes(for: target, in: service),
                        anchor: "\(label):isCollection:metadata", ruleID: id)
                }
            }
        }
    }

    private static func notes(for target: PathResolution.Segment, in service: ServiceMetadata) -> [Diagnostic.Note] {
        if let operation = target.operation {
            return [.metadata("the metadata's \(operation.name)", operation.location, in: service)]
        }
        if let property = target.property {
            return [.metadata("declared in the metadata here", property.location, in: service)]
        }
        return []
    }

    /// The same type, one derived from the other, or the same primitive written with or without `Edm.`.
    static func related(_ annotated: String, _ returned: String, in service: ServiceMetadata) -> Bool {
        let strip = { (name: String) in
            name.hasPrefix("Edm.") ? String(name.dropFirst(4)).lowercased() : name.lowercased()
        }
        if strip(annotated) == strip(returned) { return true }
        if returned.hasPrefix("Edm.") || annotated.hasPrefix("Edm.") {
            return TypeReference.parse(strip(annotated)).primitive == TypeReference.parse(strip(returned)).primitive
                && TypeReference.parse(strip(annotated)).primitive != nil
        }
        return service.isType(annotated, derivedFrom: returned) || service.isType(returned, derivedFrom: annotated)
    }
}

extension FindingMessage {
    fileprivate static func typeMismatch(annotated: String, _ label: String, returns: String) -> FindingMessage {
        FindingMessage("response is annotated \(annotated), but \(label) returns \(returns) in the metadata")
    }

    fileprivate static func collectionMismatch(
        annotatedCollection: Bool, _ label: String, returns: String
    )
        -> FindingMessage
    {
        FindingMessage(
            "response is annotated as \(annotatedCollection ? "a collection" : "a single value"), but \(label) returns \(returns) in the metadata"
        )
    }
}
