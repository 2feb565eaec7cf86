import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown

/// What a service answered.
public struct LiveResponse: Sendable {
    public var status: Int
    public var reason: String
    /// Headers in order (name as sent).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The media type of Content-Type, lower-cased, without parameters.
    var mediaType: String? {
        header("Content-Type").map { value in
            (value.split(separator: ";").first.map(String.init) ?? value).trimmingSpaces().lowercased()
        }
    }
}

/// Compares a live response with the documented one and the resource definition, producing issues anchored in
/// the documented response block.
struct ResponseComparison {
    /// Headers whose presence depends on the server, the request or the moment.
    static let volatileHeaders: Set<String> = [
        "content-length", "date", "request-id", "client-request-id", "x-ms-ags-diagnostic", "cache-control",
        "strict-transport-security", "transfer-encoding", "connection", "keep-alive", "server", "content-type",
        "x-ms-resource-unit", "odata-version", "vary", "etag", "age", "expires",
    ]

    let docs: DocSet
    let page: PageContract
    let documented: ResponseExample
    /// How messages name the documented response (`response 'get_user'`), and its anchor.
    let label: String
    let responseAnchor: String
    let compare: ReplayOptions.CompareMode
    var issues: [ReplayIssue] = []
    /// JSON paths already reported, so the structural and the resource checks do not report one thing twice.
    private var reportedPaths = Set<String>()
    private var reportedAnchors = Set<String>()

    /// Compares with the page's response `index`.
    init(docs: DocSet, page: PageContract, response index: Int, compare: ReplayOptions.CompareMode) {
        self.docs = docs
        self.page = page
        self.documented = page.responses[index]
        self.label = page.label(ofResponse: index)
        self.responseAnchor = page.anchor(ofResponse: index)
        self.compare = compare
    }

    /// Adds an issue, once per kind and anchor: an array of fifty elements lacking one property is one issue.
    private mutating func report(
        _ kind: ReplayFinding, _ message: FindingMessage, at range: SourceRange, anchor: String
    ) {
        guard reportedAnchors.insert("\(kind.rawValue)\u{0}\(anchor)").inserted else { return }
        issues.append(ReplayIssue(kind, message, at: SourceLocation(file: page.file, range: range), anchor: anchor))
    }

    mutating func run(_ live: LiveResponse) {
        let anchor = responseAnchor
        let statusRange = documented.message.statusLine?.range ?? documented.range
        if let expected = documented.status, live.status != expected {
            let stated = page.method?.response?.statuses.map(\.code) ?? []
            if !stated.contains(live.status) {
                let statedText =
                    stated.isEmpty
                    ? "" : " and the Response section states \(stated.map(String.init).joined(separator: " or "))"
                report(
                    .statusMismatch,
                    .statusDiffers(live, location: live.header("Location"), label: label, expected, stated: statedText),
                    at: statusRange, anchor: "\(anchor):status")
                return  // a body of another status is not comparable
            }
        }
        if let expectedType = documented.message.headers.mediaType,
            let header = documented.message.headers["Content-Type"]
        {
            if let actual = live.mediaType, actual != expectedType {
                report(
                    .contentTypeMismatch, .contentTypeDiffers(actual, label: label, expectedType), at: header.range,
                    anchor: "\(anchor):content-type")
            } else if live.mediaType == nil, !live.body.isEmpty {
                report(
                    .contentTypeMismatch, .contentTypeMissing(label: label, expectedType), at: header.range,
                    anchor: "\(anchor):content-type")
            }
        }
        for header in documented.message.headers where !Self.volatileHeaders.contains(header.name.lowercased()) {
            if live.header(header.name) == nil {
                report(
                    .headerMissing, .headerMissing(header.name, label: label), at: header.range,
                    anchor: "\(anchor):header:\(header.name.lowercased())")
            }
        }
        guard let expected = documented.json?.value else { return }
        guard !live.body.isEmpty else {
            report(.propertyMissing, .bodyMissing(label: label), at: expected.range, anchor: "\(anchor):body")
            return
        }
        let parsed = JSONParser.parse(
            PositionedText(String(decoding: live.body, as: UTF8.self), at: SourcePosition(line: 1, column: 1)))
        guard let actual = parsed.value else {
            report(
                .bodyNotJSON, .bodyNotJSON(parsed.error?.message ?? "unreadable", label: label), at: expected.range,
                anchor: "\(anchor):body")
            return
        }
        match([expected], actual, path: "$", keyRange: nil, anchor: anchor)
        checkAgainstResource(actual, anchor: anchor)
    }

    // MARK: - Structure

    /// Compares a value sent with the documented values at the same place: one for a plain member, every
    /// documented element for an array's elements. Documented objects differ in shape (a driveItem with `folder`,
    /// the next with `file`): a property is required only where every documented object shows it, and its value
    /// is compared with every documented value of it.
    private mutating func match(
        _ documented: [JSONValue], _ actual: JSONValue, path: String, keyRange: SourceRange?, anchor: String
    ) {
        let shown = documented.filter {
            switch $0.kind {
            case .ellipsis, .null: false
            default: true
            }
        }
        guard let expected = shown.first else { return }
        let shownAt = keyRange ?? expected.range
        switch expected.kind {
        case .ellipsis, .null:
            return
        case .object:
            guard let actualMembers = actual.members else {
                if case .null = actual.kind { return }
                mismatch(path, expected: "an object", actual: actual, at: shownAt, anchor: anchor)
                return
            }
            let shapes = shown.compactMap(\.members)
            let byKey = Dictionary(actualMembers.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            for shape in shapes {
                for member in shape where !Self.isControlKey(member.key) && seen.insert(member.key).inserted {
                    let memberPath = "\(path).\(member.key)"
                    let occurrences = shapes.compactMap { $0.first { $0.key == member.key } }
                    guard let value = byKey[member.key] else {
                        if occurrences.count == shapes.count {
                            reportedPaths.insert(memberPath)
                            report(
                                .propertyMissing, .propertyMissing(member.key, path: memberPath, label: label),
                                at: member.keyRange, anchor: "\(anchor):\(Self.generalized(memberPath))")
                        }
                        continue
                    }
                    match(occurrences.map(\.value), value, path: memberPath, keyRange: member.keyRange, anchor: anchor)
                }
            }
        case .array:
            guard let actualElements = actual.elements else {
                if case .null = actual.kind { return }
                mismatch(path, expected: "an array", actual: actual, at: shownAt, anchor: anchor)
                return
            }
            // Arrays are compared by element type: every element sent against every documented element.
            let elements = shown.flatMap { $0.elements ?? [] }
            for (index, element) in actualElements.enumerated().prefix(50) {
                match(elements, element, path: "\(path)[\(index)]", keyRange: keyRange, anchor: anchor)
            }
        case .string(let text):
            guard let actualText = actual.string else {
                if case .null = actual.kind { return }
                mismatch(path, expected: "a string", actual: actual, at: shownAt, anchor: anchor)
                return
            }
            if compare == .values, Self.isStableLiteral(text, path: path), actualText != text {
                report(
                    .valueMismatch, .valueDiffers(quotedJSON(actualText), path: path, label: label, quotedJSON(text)),
                    at: expected.range, anchor: "\(anchor):\(Self.generalized(path)):value")
            }
        case .number(let number):
            guard case .number(let actualNumber) = actual.kind else {
                if case .null = actual.kind { return }
                mismatch(path, expected: "a number", actual: actual, at: shownAt, anchor: anchor)
                return
            }
            if compare == .values, Self.isStableKey(path), actualNumber.doubleValue != number.doubleValue {
                report(
                    .valueMismatch, .valueDiffers(actualNumber.literal, path: path, label: label, number.literal),
                    at: expected.range, anchor: "\(anchor):\(Self.generalized(path)):value")
            }
        case .bool(let flag):
            guard let actualFlag = actual.bool else {
                if case .null = actual.kind { return }
                mismatch(path, expected: "a boolean", actual: actual, at: shownAt, anchor: anchor)
                return
            }
            if compare == .values, Self.isStableKey(path), actualFlag != flag {
                report(
                    .valueMismatch, .valueDiffers("\(actualFlag)", path: path, label: label, "\(flag)"),
                    at: expected.range, anchor: "\(anchor):\(Self.generalized(path)):value")
            }
        }
    }

    private mutating func mismatch(
        _ path: String, expected: String, actual: JSONValue, at range: SourceRange, anchor: String
    ) {
        reportedPaths.insert(path)
        report(
            .propertyTypeMismatch, .typeDiffers(actual.kindDescription, path: path, label: label, expected), at: range,
            anchor: "\(anchor):\(Self.generalized(path))")
    }

    // MARK: - Resource definition

    /// The live body against the type the annotation declares: undeclared properties are warnings, type
    /// contradictions errors.
    private mutating func checkAgainstResource(_ actual: JSONValue, anchor: String) {
        guard let annotation = documented.annotation, let name = annotation.odataType,
            let resource = docs.resource(named: name)
        else { return }
        let conformance = Conformance(docs: docs)
        var instances: [(JSONValue, String)] = [(actual, "$")]
        if annotation.describesCollection {
            let key = annotation.collectionProperty ?? "value"
            instances = (actual[key]?.elements ?? []).enumerated().prefix(50).map { ($1, "$.\(key)[\($0)]") }
        }
        let bodyRange = documented.json?.value?.range ?? documented.range
        for (instance, path) in instances {
            for issue in conformance.check(instance, as: resource, path: path) where !reportedPaths.contains(issue.path)
            {
                // At the documented property when the example shows it, else at the body.
                let range = documented.json?.value.flatMap { Self.keyRange(issue.path, in: $0) } ?? bodyRange
                switch issue.kind {
                case .undeclaredProperty:
                    report(
                        .propertyUndeclared, .propertyUndeclared(issue.path, type: resource.shortName), at: range,
                        anchor: "\(anchor):\(Self.generalized(issue.path)):undeclared")
                case .typeMismatch:
                    report(
                        .propertyTypeMismatch, .typeContradictsResource(issue.message), at: range,
                        anchor: "\(anchor):\(Self.generalized(issue.path)):type")
                default:
                    continue
                }
                reportedPaths.insert(issue.path)
            }
        }
    }

    /// The key range of the member at `path` (`$.value[3].id`) in the documented body, taking the first element of
    /// every array; nil when the example does not show it.
    static func keyRange(_ path: String, in root: JSONValue) -> SourceRange? {
        var current = root
        var range: SourceRange?
        var rest = Substring(path)
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard let member = current.members?.first(where: { $0.key == name }) else { return nil }
                current = member.value
                range = member.keyRange
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                guard
                    let first = current.elements?.first(where: {
                        if case .ellipsis = $0.kind { return false } else { return true }
                    })
                else { return nil }
                current = first
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return range
    }

    /// `$.value[3].id` → `$.value[*].id`.
    static func generalized(_ path: String) -> String {
        var result = ""
        var inIndex = false
        for character in path {
            if character == "[" {
                inIndex = true
                result += "[*"
            } else if character == "]" {
                inIndex = false
                result += "]"
            } else if !inIndex {
                result.append(character)
            }
        }
        return result
    }

    // MARK: - Values

    /// OData control information is never compared.
    static func isControlKey(_ key: String) -> Bool {
        key.hasPrefix("@odata.") || key.contains("@odata.")
    }

    /// Keys whose values differ between calls: ids, timestamps, etags, links.
    static func isStableKey(_ path: String) -> Bool {
        let key = (path.split(separator: ".").last.map(String.init) ?? path).lowercased()
        let volatile = ["id", "etag", "ctag", "version", "token", "url", "link", "odata"]
        if volatile.contains(where: { key == $0 || key.hasSuffix($0) }) { return false }
        if key.contains("date") || key.contains("time") || key.hasSuffix("id") || key.hasSuffix("ids") { return false }
        return true
    }

    /// A literal worth comparing: not volatile by key, not an id or a timestamp by form.
    static func isStableLiteral(_ text: String, path: String) -> Bool {
        guard isStableKey(path) else { return false }
        let bytes = Array(text.utf8)
        if bytes.count == 36, bytes.filter({ $0 == UInt8(ascii: "-") }).count == 4 { return false }  // a Guid
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") { return false }  // a date
        return !text.hasPrefix("http")
    }

}

extension FindingMessage {
    fileprivate static func statusDiffers(
        _ live: LiveResponse, location: String?, label: String, _ expected: Int, stated: String
    ) -> FindingMessage {
        FindingMessage(
            "the service answered \(live.status)\(live.reason.isEmpty ? "" : " " + live.reason)\(location.map { " (Location: \($0))" } ?? "") where \(label) shows \(expected)\(stated)"
        )
    }

    fileprivate static func contentTypeDiffers(_ actual: String, label: String, _ expected: String) -> FindingMessage {
        FindingMessage("the service sent Content-Type \(actual) where \(label) shows \(expected)")
    }

    fileprivate static func contentTypeMissing(label: String, _ expected: String) -> FindingMessage {
        FindingMessage("the service sent no Content-Type where \(label) shows \(expected)")
    }

    fileprivate static func headerMissing(_ name: String, label: String) -> FindingMessage {
        FindingMessage("the service sent no '\(name)' header, which \(label) shows")
    }

    fileprivate static func bodyMissing(label: String) -> FindingMessage {
        FindingMessage("the service sent no body where \(label) shows one")
    }

    fileprivate static func bodyNotJSON(_ error: String, label: String) -> FindingMessage {
        FindingMessage("the service's body is not JSON (\(error)) where \(label) shows JSON")
    }

    fileprivate static func propertyMissing(_ key: String, path: String, label: String) -> FindingMessage {
        FindingMessage("the service's response has no '\(key)' (\(path)), which \(label) shows")
    }

    fileprivate static func valueDiffers(
        _ actual: String, path: String, label: String, _ expected: String
    )
        -> FindingMessage
    {
        FindingMessage("the service sent \(actual) for \(path) where \(label) shows \(expected)")
    }

    fileprivate static func typeDiffers(
        _ actual: String, path: String, label: String, _ expected: String
    )
        -> FindingMessage
    {
        FindingMessage("the service sent \(actual) for \(path) where \(label) shows \(expected)")
    }

    fileprivate static func propertyUndeclared(_ path: String, type: String) -> FindingMessage {
        FindingMessage("the service sent \(path), which \(type) does not define")
    }

    fileprivate static func typeContradictsResource(_ conformance: String) -> FindingMessage {
        FindingMessage("the service's \(conformance)")
    }
}
