import SpecmarkContract
import SpecmarkMarkdown

/// An example's URL path matches none of the paths the HTTP request section declares.
struct ExamplePathUndeclaredRule: LintRule {
    let description = RuleDescription(
        id: "example-path-undeclared",
        family: .paths,
        summary: "an example's URL path matches none of the paths the HTTP request section declares",
        defaultSeverity: .error,
        rationale: """
            The HTTP request section is the method's contract; an example that calls another path documents a \
            different method, or a typo that readers will copy. Placeholders (`{id}`, `{id | userPrincipalName}`) \
            match one segment, OData key syntax (`users('a')`) equals `users/a`, path aliases (by default \
            `/me` for `/users/{id}`, `/drive` for `/users/{id}/drive`, `/education/me` for `/education/users/{id}`) \
            are applied on both sides, and the forms that address a drive item (`root`, \
            `root:/path:`, `items/{id}`, `items/{id}:/path:`, `special/{name}` after `drive` or `drives/{id}`) are \
            one. An example inside an HTTP request section (a second operation's own `### HTTP request`) declares \
            the path it shows, and so does an example the prose leading to it introduces as a related endpoint (its \
            last segment named there: "this request updates the **font**", or its method: "in a PATCH \
            operation"). The note names the closest declared path. When two or more examples miss a declared path in the \
            same segment, all spelling it the same way a small edit from the declared spelling, or when the declared \
            path writes a sample key (a GUID, a number) where a placeholder belongs, the declared path is likelier \
            wrong: the finding is reported once, on the declared path, with the examples as notes.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensor/6f1c1️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_sensor' calls /sensor/6f1c, which matches no path declared in the HTTP request \
                    section
                    """
                ]),
            // A placeholder matches one segment, not two.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor_readings" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings1️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_sensor_readings' calls /sensors/6f1c/readings, which matches no path declared in the \
                    HTTP request section
                    """
                ]),
            // `root` addresses a drive item, but a misspelt segment after it is still a typo.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /me/drive/items/{item-id}/children
                ```
                ## Example
                <!-- { "blockType": "request", "name": "list_root_children" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/me/drive/root/chidlren1️⃣
                ```
                """,
                messages: [
                    """
                    request 'list_root_children' calls /me/drive/root/chidlren, which matches no path declared in the \
                    HTTP request section
                    """
                ]),
            // Two examples agree on `sensors`; the declared `sensor` is the likelier typo, reported once there.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET 1️⃣/sensor/{id}/readings1️⃣
                ```
                ## Examples
                ### Example 1: Get the readings
                <!-- { "blockType": "request", "name": "get_readings" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings
                ```
                ### Example 2: Get the first five readings
                <!-- { "blockType": "request", "name": "get_readings_top" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/sensors/9d2e/readings?$top=5
                ```
                """,
                messages: [
                    """
                    declared path /sensor/{id}/readings has 'sensor' where all 2 examples call 'sensors'; the declared \
                    path is likelier wrong
                    """
                ]),
            // A sample key in the declared path, where a placeholder belongs.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET 1️⃣/sensors/5d2b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/readings1️⃣
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_readings" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/sensors/77aa01/readings
                ```
                """,
                messages: [
                    """
                    declared path /sensors/5d2b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/readings writes the key \
                    '5d2b3f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' where a placeholder belongs, so examples with other keys \
                    miss it; the declared path is likelier wrong
                    """
                ]),
            // A look-alike character is written by code point: the no-break space is what differs.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}/readings
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_readings" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensors/6f1c/readings\u{2011}v21️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_readings' calls /sensors/6f1c/readings<U+2011>v2, which matches no path declared in \
                    the HTTP request section
                    """
                ]),
            // The prose names the new last segment, but an earlier segment is misspelt: still a typo.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}/readings
                ```
                ## Example
                ### Get the sensor's calibration
                This request reads the calibration of the sensor instead of its readings.
                <!-- { "blockType": "request", "name": "get_calibration" } -->
                ```http
                1️⃣GET https://graph.microsoft.com/v1.0/sensrs/6f1c/calibration1️⃣
                ```
                """,
                messages: [
                    """
                    request 'get_calibration' calls /sensrs/6f1c/calibration, which matches no path declared in the \
                    HTTP request section
                    """
                ]),
        ],
        nonTriggeringExamples: [
            // A related endpoint the prose leading to the example introduces: its last segment, or its method.
            RuleExample(
                """
                ## HTTP request
                ```http
                PATCH /sheets/{id}/range/format
                POST /sheets/{id}/members/$ref
                ```
                ## Examples
                ### Example 1: Update the font as well
                This request updates the font of the same range.
                <!-- { "blockType": "request", "name": "update_font" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/sheets/4/range/format/font
                ```
                ### Example 2: Add several members at once
                To add several members in one request, send a PATCH to the sheet itself.
                <!-- { "blockType": "request", "name": "add_members" } -->
                ```http
                PATCH https://graph.microsoft.com/v1.0/sheets/4
                ```
                """),
            // A second operation on the page, with its own HTTP request subsection: its example declares its path.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}/parts
                ```
                ## Get one part
                ### HTTP request
                <!-- { "blockType": "request", "name": "get_part" } -->
                ```http
                GET /widgets/{id}/parts/{part-id}
                ```
                """),
            // A sample request in the page's prose (unannotated, answered by nothing, outside the examples) shows
            // a form of the call, not an example of a declared path.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                To read the widget's label as text instead, send:
                ```http
                GET /widgets/{id}/label[?format=text]
                ```
                ## Examples
                <!-- { "blockType": "request", "name": "get_widget" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/1
                ```
                """),
            // `root`, `root:/path:` and `special/{name}` address a drive item, like `items/{item-id}`.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /me/drive/items/{item-id}/children
                GET /drives/{drive-id}/items/{item-id}/children
                ```
                ## Examples
                <!-- { "blockType": "request", "name": "list_root_children" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/drive/root/children
                ```
                <!-- { "blockType": "request", "name": "list_folder_children" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/drives/b!q3Xf/root:/Plans/2026:/children
                ```
                <!-- { "blockType": "request", "name": "list_app_folder_children" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/drive/special/approot/children
                ```
                """),
            // The other way round: a declared `root` path and an example by item id.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /me/drive/root:/{item-path}:/content
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_content_by_id" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/drive/items/01QW7ZK/content
                ```
                """),
            // `{id | userPrincipalName}` is one placeholder, and /me is /users/{id}.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /users/{id | userPrincipalName}/sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_my_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/me/sensors/6f1c?$select=id
                ```
                """),
            // The alias applies to the declared path too.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /me/sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_user_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/users/4a1e/sensors/6f1c
                ```
                """),
            // OData key syntax: sensors('6f1c') is sensors/6f1c.
            RuleExample(
                """
                ## HTTP request
                ```http
                GET /sensors/{id}
                ```
                ## Example
                <!-- { "blockType": "request", "name": "get_sensor" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/sensors('6f1c')
                ```
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let declared = page.method?.declaredPaths, !declared.isEmpty else { return }
        let aliases = docs.pathAliases
        let templates = declared.map { $0.template.applying(aliases) }
        var misses: [Miss] = []
        var matched = Set<Int>()
        for (index, request) in page.requests.enumerated() {
            guard let url = request.url, let line = request.message.requestLine,
                url.host == nil || url.serviceRoot != nil, !page.isProseSample(request: index),
                !request.declaresItsOwnPath
            else { continue }
            let path = url.template.applying(aliases)
            let matching = templates.indices.filter { templates[$0].matches(path) }
            guard matching.isEmpty else {
                matched.formUnion(matching)
                continue
            }
            if page.callsRelatedEndpoint(request: index, declared: templates, aliases: aliases) { continue }
            let closest = templates.indices.min { templates[$0].distance(to: path) < templates[$1].distance(to: path) }
            misses.append(
                Miss(
                    request: index, line: line.range, path: url.template.path, closest: closest,
                    difference: closest.flatMap { templates[$0].literalDifference(from: path) },
                    sampleKeys: closest.flatMap { templates[$0].literalKeys(differingFrom: path) }))
        }
        let typos = declaredTypos(misses, matched: matched)
        // The examples each finding on a declared path folds in: every miss of a typo, the misses by sample key.
        var folded: [Int: [Miss]] = [:]
        for miss in misses {
            guard let closest = miss.closest, typos[closest] != nil || miss.sampleKeys != nil else { continue }
            folded[closest, default: []].append(miss)
        }
        for (declaredIndex, group) in folded.sorted(by: { $0.key < $1.key }) {
            let candidate = declared[declaredIndex]
            let notes = group.map { miss in
                Diagnostic.Note(
                    "\(page.label(ofRequest: miss.request)) calls \(FindingMessage.visible(miss.path))",
                    at: SourceLocation(file: page.file, range: miss.line))
            }
            let message: FindingMessage
            if let typo = typos[declaredIndex] {
                message = .declaredPathTypo(candidate.template.path, typo.declared, typo.written, examples: notes.count)
            } else {
                message = .declaredPathSampleKeys(candidate.template.path, group[0].sampleKeys ?? [])
            }
            report.report(
                message, at: candidate.pathRange, notes: notes, anchor: "declared:\(candidate.template.path)")
        }
        let foldedRequests = Set(folded.values.flatMap { $0.map(\.request) })
        for miss in misses where !foldedRequests.contains(miss.request) {
            var notes: [Diagnostic.Note] = []
            if let closest = miss.closest {
                let candidate = declared[closest]
                notes.append(
                    .init(
                        "closest declared path: \(candidate.method) \(FindingMessage.visible(candidate.template.path))",
                        at: SourceLocation(file: page.file, range: candidate.range)))
            }
            report.report(
                .pathUndeclared(page.label(ofRequest: miss.request), miss.path),
                at: miss.line, notes: notes, anchor: page.anchor(ofRequest: miss.request))
        }
    }

    /// An example whose path matches no declared path.
    private struct Miss {
        var request: Int
        var line: SourceRange
        var path: String
        /// The index of the closest declared path.
        var closest: Int?
        /// The one literal segment where the example differs from the closest declared path, if it differs in one.
        var difference: PathTemplate.LiteralDifference?
        /// The sample keys written in the closest declared path where the example has others, if those are all
        /// the two differ in.
        var sampleKeys: [String]?
    }

    /// Declared paths that are likelier wrong than the examples: two or more examples miss the path in the same
    /// literal segment, all writing it the same way, a small edit from the declared spelling, and no example
    /// matches the declared path as written.
    private func declaredTypos(_ misses: [Miss], matched: Set<Int>) -> [Int: (declared: String, written: String)] {
        var groups: [Int: [Miss]] = [:]
        for miss in misses {
            if let closest = miss.closest { groups[closest, default: []].append(miss) }
        }
        var result: [Int: (declared: String, written: String)] = [:]
        for (index, group) in groups where group.count >= 2 && !matched.contains(index) {
            guard let first = group[0].difference,
                group.allSatisfy({ miss in
                    guard let difference = miss.difference else { return false }
                    return difference.position == first.position && difference.actual.equalsIgnoringCase(first.actual)
                }),
                closestMatch(to: first.declared, in: [first.actual], maximumDistance: 3) != nil
            else { continue }
            result[index] = (first.declared, first.actual)
        }
        return result
    }
}

extension FindingMessage {
    fileprivate static func pathUndeclared(_ label: String, _ path: String) -> FindingMessage {
        FindingMessage("\(label) calls \(visible(path)), which matches no path declared in the HTTP request section")
    }

    fileprivate static func declaredPathTypo(
        _ path: String, _ declared: String, _ written: String, examples: Int
    ) -> FindingMessage {
        FindingMessage(
            """
            declared path \(visible(path)) has '\(visible(declared))' where all \(examples) examples call \
            '\(visible(written))'; the declared path is likelier wrong
            """)
    }

    fileprivate static func declaredPathSampleKeys(_ path: String, _ keys: [String]) -> FindingMessage {
        FindingMessage(
            """
            declared path \(visible(path)) writes \(keys.count == 1 ? "the key" : "the keys") \
            '\(visible(keys.joined(separator: "', '")))' where \(keys.count == 1 ? "a placeholder belongs" : "placeholders belong"), \
            so examples with other keys miss it; the declared path is likelier wrong
            """)
    }
}
