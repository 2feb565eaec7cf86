import SpecmarkContract
import SpecmarkMarkdown

/// A body value's JSON type contradicts the type its resource declares; the same pass reports the other body
/// findings (see `reportsFor`), so each body is checked once.
struct BodyConformanceRule: LintRule {
    static let undeclared = "body-property-undeclared"
    static let placeholder = "body-value-placeholder"
    static let format = "body-value-format"
    static let enumValue = "body-enum-value-unknown"
    static let missing = "response-property-missing"
    static let unknownType = "odata-type-unknown"
    static let shape = "response-collection-shape"
    static let requestUndeclared = "request-property-undeclared"
    static let requestMissing = "request-property-missing"

    let description = RuleDescription(
        id: "body-property-type-mismatch",
        family: .resources,
        summary: "a body value's JSON type contradicts the type its resource declares",
        defaultSeverity: .error,
        rationale: """
            A string where the resource says Boolean, a number where it says String, an object where it says a \
            collection: a client generated from the resource definition cannot read the example, and one of \
            them is wrong. Checked recursively into complex types and collection items, following base types \
            and `@odata.type` in the body; integers are valid Single and Double values.
            """,
        triggeringExamples: [
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"isActive\": 1️⃣\"yes\"1️⃣, \"size\": 2️⃣12.52️⃣, \"tags\": 3️⃣\"blue\"3️⃣ }"),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget': $.isActive is the string \"yes\" but its type is Boolean",
                    "response to 'get_widget': $.size is 12.5 but its type is Int32, a whole number",
                    """
                    response to 'get_widget': $.tags is the string "blue" but its type is Collection(String) (an \
                    array)
                    """,
                ]),
            // Complex types are checked property by property; an object is not a collection.
            RuleExample(
                ExamplePages.response(
                    """
                    {
                      "id": "1",
                      "dimensions": { "height": 1️⃣"tall"1️⃣ },
                      "tags": 2️⃣{ "first": "blue" }2️⃣
                    }
                    """),
                otherPages: ExamplePages.withWidget,
                messages: [
                    "response to 'get_widget': $.dimensions.height is the string \"tall\" but its type is Double",
                    "response to 'get_widget': $.tags is an object but its type is Collection(String) (an array)",
                ]),
            // Collection items are checked one by one.
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"tags\": [ \"blue\", 1️⃣71️⃣ ] }"),
                otherPages: ExamplePages.withWidget,
                messages: ["response to 'get_widget': $.tags[1] is the number 7 but its type is String"]),
            // A derived type is checked with the properties it inherits.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"capacity\": 1️⃣\"lots\"1️⃣, \"isActive\": 2️⃣\"no\"2️⃣ }",
                    annotation: "\"@odata.type\": \"microsoft.graph.bigWidget\""),
                otherPages: ExamplePages.withBigWidget,
                messages: [
                    "response to 'get_widget': $.capacity is the string \"lots\" but its type is Int32",
                    "response to 'get_widget': $.isActive is the string \"no\" but its type is Boolean",
                ]),
            // An example that agrees with neither the table nor the JSON representation is still wrong.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"isFolded\": 1️⃣[1]1️⃣ }", annotation: "\"@odata.type\": \"microsoft.graph.gadget\""),
                otherPages: ExamplePages.withGadget,
                messages: ["response to 'get_widget': $.isFolded is an array but its type is String"]),
            // An @odata.type in the body says which type the body is.
            RuleExample(
                ExamplePages.response(
                    "{ \"@odata.type\": \"#microsoft.graph.bigWidget\", \"id\": \"1\", \"capacity\": 1️⃣\"lots\"1️⃣ }"),
                otherPages: ExamplePages.withBigWidget,
                messages: ["response to 'get_widget': $.capacity is the string \"lots\" but its type is Int32"]),
        ],
        nonTriggeringExamples: [
            // Integers are valid Double values.
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"isActive\": true, \"size\": 12, \"weight\": 3, \"tags\": [\"blue\"] }"),
                otherPages: ExamplePages.withWidget),
            // A type name written as a value is body-value-placeholder's finding, not a contradiction.
            RuleExample(
                ExamplePages.response("{ \"id\": \"1\", \"isActive\": \"Boolean\", \"size\": \"Int32\" }"),
                otherPages: ExamplePages.withWidget),
            // The resource's table says String where its own JSON representation shows a Boolean: an example that
            // agrees with the representation is not blamed (resource-json-table-mismatch reports the row once).
            RuleExample(
                ExamplePages.response(
                    "{ \"id\": \"1\", \"isFolded\": true }", annotation: "\"@odata.type\": \"microsoft.graph.gadget\""),
                otherPages: ExamplePages.withGadget),
            // Elided values (`"..."`, `[..]`, `{ ... }`) stand for any value of the type.
            RuleExample(
                ExamplePages.response(
                    """
                    { "id": "1", "isActive": "...", "size": "…", "tags": [..], "dimensions": { ... } }
                    """),
                otherPages: ExamplePages.withWidget),
        ]
    )

    let reportsFor = [
        undeclared, placeholder, format, enumValue, missing, unknownType, shape, requestUndeclared, requestMissing,
    ]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // Most pages have no example (the corpus's includes): they skip the copy of the doc set a checker holds.
        guard !page.responses.isEmpty || !page.requests.isEmpty else { return }
        let conformance = Conformance(docs: docs)
        // By index: binding each example would copy it (a retain for each of its strings and arrays).
        for index in page.responses.indices {
            checkResponse(
                page.responses[index], index: index, page: page, docs: docs, conformance: conformance, report: &report)
        }
        for index in page.requests.indices {
            checkRequest(
                page.requests[index], index: index, page: page, docs: docs, conformance: conformance, report: &report)
        }
    }

    // MARK: - Responses

    private func checkResponse(
        _ response: ResponseExample, index: Int, page: PageContract, docs: DocSet, conformance: Conformance,
        report: inout Findings
    ) {
        // Made at the first finding: most responses have none.
        lazy var label = page.label(ofResponse: index)
        lazy var anchor = page.anchor(ofResponse: index)
        guard let annotation = response.annotation else {
            if let body = response.json?.value {
                checkBodyTypes(body, label: label, docs: docs, anchor: anchor, report: &report)
            }
            return
        }
        var resource: ResourceDefinition?
        if let name = annotation.odataType, !name.isEmpty, !DocSet.isPrimitiveTypeName(name) {
            let member = annotation.json.member("@odata.type") ?? annotation.json.member("@type")
            let range = member?.value.range ?? annotation.range
            switch docs.lookup(name) {
            case .found(let found): resource = found
            case .caseMismatch(let found):
                resource = found
                report.report(
                    .typeSpelling(label, DocSet.normalizedTypeName(name), found.name),
                    at: range,
                    anchor: "\(anchor):@odata.type", ruleID: Self.unknownType)
            case .missing:
                report.report(
                    .typeUndefined(label, DocSet.normalizedTypeName(name), suggestion: docs.suggestion(forType: name)),
                    at: range, anchor: "\(anchor):@odata.type", ruleID: Self.unknownType)
            }
        }
        guard let status = response.status, status < 400, let body = response.json?.value else { return }
        guard let resource else {
            checkBodyTypes(body, label: label, docs: docs, anchor: anchor, report: &report)
            return
        }
        let collectionKey = annotation.collectionProperty ?? "value"
        let collection = body[collectionKey]?.elements
        var instances: [(JSONValue, String)] = []
        if annotation.describesCollection {
            if let collection {
                instances = collection.enumerated().map { ($1, "$.\(collectionKey)[\($0)]") }
            } else if body.members != nil || body.elements != nil {
                report.report(
                    .collectionWithoutArray(label, of: resource.shortName, key: collectionKey),
                    at: body.range, anchor: "\(anchor):shape", ruleID: Self.shape)
                if let elements = body.elements { instances = elements.enumerated().map { ($1, "$[\($0)]") } }
            }
        } else if let collection, resource.property(named: collectionKey) == nil,
            docs.allProperties(of: resource).first(where: { $0.name == collectionKey }) == nil
        {
            let addressesOne =
                page.request(pairedWith: index)?.url.map { Self.addressesOneEntity($0.template) } ?? false
            report.report(
                .collectionNotAnnotated(
                    label, of: resource.shortName, key: collectionKey, requestAddressesOne: addressesOne),
                at: body.range, anchor: "\(anchor):shape", ruleID: Self.shape)
            instances = collection.enumerated().map { ($1, "$.\(collectionKey)[\($0)]") }
        } else {
            instances = [(body, "$")]
        }
        let checkRequired = !annotation.truncated
        for (instance, path) in instances {
            let issues = conformance.check(instance, as: resource, path: path, checkRequired: checkRequired)
            forward(issues, label: label, anchor: anchor, report: &report)
        }
    }

    /// Bodies with no declared type still have `@odata.type` values that must name known types.
    private func checkBodyTypes(
        _ body: JSONValue, label makeLabel: @autoclosure () -> String, docs: DocSet,
        anchor makeAnchor: @autoclosure () -> String, report: inout Findings
    ) {
        lazy var label = makeLabel()
        lazy var anchor = makeAnchor()
        // Only objects and arrays are walked, and a pending value's path is its parent's step and its own key or
        // index: the text (`$.value[0].owner`) is made only for a finding, not for every member of every body.
        var steps: [(parent: Int, key: String?, index: Int)] = [(-1, nil, 0)]
        func path(_ step: Int) -> String {
            var pieces: [String] = []
            var current = step
            while current > 0 {
                pieces.append(steps[current].key.map { ".\($0)" } ?? "[\(steps[current].index)]")
                current = steps[current].parent
            }
            return "$" + pieces.reversed().joined()
        }
        func isContainer(_ value: JSONValue) -> Bool {
            switch value.kind {
            case .object, .array: true
            default: false
            }
        }
        var stack = [(body, 0)]
        while let (value, step) = stack.popLast() {
            switch value.kind {
            case .object(let members):
                // By index: binding each member would copy it (its key and value) to read its key.
                for member in members.indices {
                    if members[member].key == "@odata.type", let name = members[member].value.string,
                        !DocSet.isPrimitiveTypeName(name)
                    {
                        if case .missing = docs.lookup(name) {
                            let path = path(step)
                            report.report(
                                .bodyTypeUndefined(
                                    label, path, DocSet.normalizedTypeName(name),
                                    suggestion: docs.suggestion(forType: name)),
                                at: members[member].value.range, anchor: "\(anchor):\(path).@odata.type",
                                ruleID: Self.unknownType)
                        }
                    } else if isContainer(members[member].value) {
                        steps.append((step, members[member].key, 0))
                        stack.append((members[member].value, steps.count - 1))
                    }
                }
            case .array(let elements):
                for index in elements.indices where isContainer(elements[index]) {
                    steps.append((step, nil, index))
                    stack.append((elements[index], steps.count - 1))
                }
            default:
                break
            }
        }
    }

    // MARK: - Requests

    private func checkRequest(
        _ request: RequestExample, index: Int, page: PageContract, docs: DocSet, conformance: Conformance,
        report: inout Findings
    ) {
        guard let body = request.json?.value, let members = body.members else { return }
        lazy var label = page.label(ofRequest: index)
        lazy var anchor = page.anchor(ofRequest: index)
        let resource = requestResource(request, index: index, page: page, docs: docs)
        // A related endpoint the page calls on purpose takes another body than the Request body table's.
        let tables =
            callsRelatedEndpoint(index, page: page, docs: docs)
            ? [] : page.method?.tables(.requestBody).filter { !$0.parameters.isEmpty } ?? []
        guard !tables.isEmpty else {
            if let resource {
                let issues = conformance.check(body, as: resource, path: "$").filter {
                    $0.kind != .missingRequiredProperty
                }
                forward(issues, label: label, anchor: anchor, report: &report)
            } else {
                checkBodyTypes(body, label: label, docs: docs, anchor: anchor, report: &report)
            }
            return
        }
        let parameters = tables.flatMap(\.parameters)
        let byName = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // An open type (an open extension) takes properties no table can list.
        let isOpen = resource.map(docs.isOpenType) ?? false
        for member in members where !Conformance.isAnnotationKey(member.key) {
            guard let parameter = byName[member.key] else {
                if isOpen { continue }
                let caseMatch = parameters.first { $0.name.equalsIgnoringCase(member.key) }?.name
                let hint =
                    caseMatch.map { "; the table spells it '\($0)'" }
                    ?? closestMatch(to: member.key, in: parameters.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                report.report(
                    .requestPropertyUndocumented(label, member.key, hint: hint),
                    at: member.keyRange, anchor: "\(anchor):$.\(member.key)", ruleID: Self.requestUndeclared)
                continue
            }
            if let type = parameter.type, !type.isUnknown {
                // A value contradicting the Request body table points at its row.
                let row = SourceLocation(file: page.file, range: parameter.range)
                let issues = conformance.check(member.value, as: type, owner: resource, path: "$.\(member.key)").map {
                    issue in
                    var issue = issue
                    if issue.declaration == nil, issue.kind.contradictsDeclaration { issue.declaration = row }
                    return issue
                }
                forward(issues, label: label, anchor: anchor, report: &report)
            }
        }
        // An update sends only what changes; "Required." rows speak of creation.
        guard request.method != "PATCH" else { return }
        let present = Set(members.map(\.key))
        for parameter in parameters where parameter.isRequired == true && !present.contains(parameter.name) {
            report.report(
                .requiredPropertyMissing(label, parameter.name),
                at: body.range,
                notes: [.init("documented here", at: SourceLocation(file: page.file, range: parameter.range))],
                anchor: "\(anchor):$.\(parameter.name)", ruleID: Self.requestMissing)
        }
    }

    /// Whether a request path addresses one entity by its key: it ends in a placeholder (`/riskyUsers/{id}`) or
    /// in a segment that reads as a key rather than a name (a digit, `-`, `=` or `!` in it: `/users/48d3…`,
    /// `/drives/b!q3Xf`), not in a function call.
    static func addressesOneEntity(_ template: PathTemplate) -> Bool {
        guard let last = template.segmentNames.last else { return false }
        guard let name = last else { return true }
        return !name.containsByte(UInt8(ascii: "("))
            && name.utf8.contains { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "!")
            }
    }

    /// Whether the request calls a related endpoint on purpose (see `PageContract.callsRelatedEndpoint`).
    private func callsRelatedEndpoint(_ index: Int, page: PageContract, docs: DocSet) -> Bool {
        guard let declared = page.method?.declaredPaths, !declared.isEmpty, let url = page.requests[index].url
        else { return false }
        let aliases = docs.pathAliases
        let templates = declared.map { $0.template.applying(aliases) }
        let path = url.template.applying(aliases)
        return !templates.contains { $0.matches(path) }
            && page.callsRelatedEndpoint(request: index, declared: templates, aliases: aliases)
    }

    /// The resource a request body creates or updates, where the page tells: the type the paired response
    /// declares (for POST, PUT and PATCH), or a single resource the Request body section links to.
    private func requestResource(
        _ request: RequestExample, index: Int, page: PageContract, docs: DocSet
    ) -> ResourceDefinition? {
        guard let method = request.method, ["POST", "PUT", "PATCH"].contains(method) else { return nil }
        if let response = page.response(pairedWith: index), let name = response.annotation?.odataType,
            !(response.annotation?.describesCollection ?? false), let resource = docs.resource(named: name)
        {
            return resource
        }
        return nil
    }

    private func forward(
        _ issues: [ConformanceIssue], label makeLabel: @autoclosure () -> String,
        anchor makeAnchor: @autoclosure () -> String, report: inout Findings
    ) {
        guard !issues.isEmpty else { return }
        let label = makeLabel()
        let anchor = makeAnchor()
        for issue in issues {
            let id: String
            switch issue.kind {
            case .undeclaredProperty: id = Self.undeclared
            case .typeMismatch: id = description.id
            case .placeholderValue: id = Self.placeholder
            case .invalidFormat: id = Self.format
            case .unknownEnumMember: id = Self.enumValue
            case .missingRequiredProperty: id = Self.missing
            case .unknownType: id = Self.unknownType
            }
            report.report(
                .conformance(label, issue.message, suggestion: issue.suggestion), at: issue.range,
                notes: issue.declaration.map { [.init("declared here", at: $0)] } ?? [],
                anchor: "\(anchor):\(issue.path)", ruleID: id)
        }
    }
}

extension FindingMessage {
    fileprivate static func conformance(_ label: String, _ issue: String, suggestion: String?) -> FindingMessage {
        FindingMessage("\(label): \(issue)", suggesting: suggestion)
    }

    fileprivate static func typeSpelling(_ label: String, _ written: String, _ defined: String) -> FindingMessage {
        FindingMessage("\(label) declares type '\(written)', which is spelt '\(defined)'")
    }

    fileprivate static func typeUndefined(_ label: String, _ type: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "\(label) declares type '\(type)', which no page defines", suggesting: suggestion
        )
    }

    fileprivate static func collectionWithoutArray(_ label: String, of type: String, key: String) -> FindingMessage {
        FindingMessage("\(label) is annotated as a collection of \(type) but its body has no '\(key)' array")
    }

    fileprivate static func collectionNotAnnotated(
        _ label: String, of type: String, key: String, requestAddressesOne: Bool
    ) -> FindingMessage {
        guard requestAddressesOne else {
            return FindingMessage(
                "\(label) is annotated as one \(type) but its body is a '\(key)' collection; add \"isCollection\": true"
            )
        }
        return FindingMessage(
            """
            \(label) is annotated as one \(type) but its body is a '\(key)' collection, and the request addresses \
            one \(type) by its key: the body should be that \(type) itself
            """)
    }

    fileprivate static func bodyTypeUndefined(
        _ label: String, _ path: String, _ type: String, suggestion: String?
    )
        -> FindingMessage
    {
        FindingMessage(
            "\(label): \(path).@odata.type names '\(type)', which no page defines", suggesting: suggestion
        )
    }

    fileprivate static func requestPropertyUndocumented(_ label: String, _ key: String, hint: String) -> FindingMessage
    {
        FindingMessage("\(label) sends '\(key)', which the Request body table does not document\(hint)")
    }

    fileprivate static func requiredPropertyMissing(_ label: String, _ name: String) -> FindingMessage {
        FindingMessage("\(label) has no '\(name)', which the Request body table marks as required")
    }
}
