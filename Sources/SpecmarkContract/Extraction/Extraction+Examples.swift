import SpecmarkMarkdown

extension Extraction {
    /// Info strings of blocks that can hold HTTP examples.
    static let httpLanguages: Set<String> = ["http", "msgraph-interactive", "", "https", "rest"]

    /// The request and response examples, annotated or recognised from their first line, and the unannotated
    /// ```` ```json ```` blocks that come right after a request (by request index), which may be its response.
    mutating func examples() -> (
        requests: [RequestExample], responses: [ResponseExample], bareJSON: [(request: Int, item: CodeItem)]
    ) {
        var requests: [RequestExample] = []
        var responses: [ResponseExample] = []
        var bareJSON: [(request: Int, item: CodeItem)] = []
        // The request that the previous code block held, if it held one.
        var previousRequest: Int?
        // By index from a local copy of the list (one retain): binding each item would copy all of its fields.
        let items = codeItems
        for index in items.indices {
            let requestsBefore = requests.count
            defer { previousRequest = requests.count > requestsBefore ? requests.count - 1 : nil }
            // Anchors of unnamed examples count examples, not lines, so they hold when text above them moves.
            let ordinal = (requests: requests.count, responses: responses.count)
            let language = items[index].code.language
            let heading = items[index].sectionPath.last ?? ""
            switch items[index].annotation?.blockType {
            case .request:
                requests.append(request(items[index], origin: .annotated, heading: heading, ordinal: ordinal.requests))
                continue
            case .response:
                responses.append(
                    response(items[index], origin: .annotated, heading: heading, ordinal: ordinal.responses))
                continue
            case .ignored:
                // Tools skip blocks annotated `ignored`, but a response after an ignored request still answers it.
                let firstLine = Self.firstNonBlankLine(items[index].code.content.text)
                if HTTPMessageParser.requestLine(in: firstLine) != nil {
                    ignoredExamples.append((items[index].code.range, isRequest: true))
                } else if firstLine.hasPrefix("HTTP"), HTTPMessageParser.statusLine(in: firstLine) != nil {
                    ignoredExamples.append((items[index].code.range, isRequest: false))
                    ignoredResponses.append(
                        IgnoredResponse(
                            range: items[index].code.range,
                            message: HTTPMessageParser.parseResponse(items[index].code.content)))
                }
                continue
            case .some:
                continue
            case nil:
                break
            }
            if let request = previousRequest, items[index].annotation == nil, !items[index].hasUnreadableAnnotation,
                language == "json", Self.startsLikeJSON(items[index].code.content.text)
            {
                bareJSON.append((request, items[index]))
                continue
            }
            // Unannotated (or unreadable, or unknown blockType): recognise HTTP by its first line, except in the
            // HTTP request section, whose blocks declare paths rather than show examples.
            guard Self.httpLanguages.contains(language),
                !Self.isInHTTPRequestSection(items[index].sectionPath)
            else { continue }
            let firstLine = Self.firstNonBlankLine(items[index].code.content.text)
            if HTTPMessageParser.requestLine(in: firstLine) != nil {
                requests.append(request(items[index], origin: .inferred, heading: heading, ordinal: ordinal.requests))
            } else if firstLine.hasPrefix("HTTP"), let status = HTTPMessageParser.statusLine(in: firstLine) {
                guard !Self.isErrorIllustration(status: status.code, sectionPath: items[index].sectionPath) else {
                    // Not a response example, but its JSON is still read: a broken body is broken anywhere.
                    let message = HTTPMessageParser.parseResponse(items[index].code.content)
                    _ = parseBody(
                        message.body, headers: message.headers, truncated: false,
                        anchor: "illustration@\(items[index].sectionPath.last ?? ""):\(status.code)")
                    continue
                }
                responses.append(
                    response(items[index], origin: .inferred, heading: heading, ordinal: ordinal.responses))
            }
        }
        return (requests, responses, bareJSON)
    }

    /// Whether an unannotated error response illustrates an error rather than answering the request above it:
    /// it sits outside the examples (`## Handling upload conflicts`), or in a section about errors (`### Errors`,
    /// `## Troubleshooting`) that is not itself an example (`### Example 2: Request with validation errors`).
    static func isErrorIllustration(status: Int, sectionPath: [String]) -> Bool {
        guard status >= 400 else { return false }
        return !isExampleContext(sectionPath)
            || sectionPath.contains { title in
                let lowered = title.lowercased()
                return !isExampleContext([title])
                    && ["error", "troubleshoot", "conflict", "known issue", "failure", "throttl"].contains {
                        lowered.containsBytes($0)
                    }
            }
    }

    /// Whether sections with these titles (outermost first) hold examples: an Example(s) section, or a
    /// `Request` or `Response` heading.
    static func isExampleContext(_ sectionPath: [String]) -> Bool {
        sectionPath.contains { title in
            let lowered = title.trimmingSpaces().lowercased()
            return isExamplesTitle(title) || lowered.hasPrefix("request") || lowered.hasPrefix("response")
        }
    }

    /// Whether sections with these titles (outermost first) include an HTTP request section.
    static func isInHTTPRequestSection(_ sectionPath: [String]) -> Bool {
        sectionPath.contains { $0.trimmingSpaces().equalsIgnoringCase("http request") }
    }

    static func startsLikeJSON(_ text: String) -> Bool {
        let firstByte = text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
    }

    /// The response a bare ```` ```json ```` block stands for: its content is the body; no status line, no headers.
    mutating func bareJSONResponse(_ item: CodeItem, ordinal: Int) -> ResponseExample {
        let anchor = "response#\(ordinal)"
        let message = HTTPResponseMessage(statusLine: nil, headers: HTTPHeaders(), body: item.code.content, issues: [])
        let json = parseBody(message.body, headers: message.headers, truncated: false, anchor: anchor)
        return ResponseExample(
            names: [], annotation: nil, origin: .bareJSON, hasUnreadableAnnotation: false, range: item.code.range,
            language: item.code.language, message: message, json: json, heading: item.sectionPath.last ?? "",
            sectionPath: item.sectionPath)
    }

    private mutating func request(
        _ item: CodeItem, origin: ExampleOrigin, heading: String, ordinal: Int
    ) -> RequestExample {
        let message = HTTPMessageParser.parseRequest(item.code.content)
        let names = item.annotation?.names ?? []
        let anchor = names.first ?? "request#\(ordinal)"
        record(message.issues, anchor: anchor)
        let url = message.requestLine.map { ExampleURL($0.target, serviceRoots: configuration.serviceRoots) }
        let json = parseBody(message.body, headers: message.headers, truncated: false, anchor: anchor)
        return RequestExample(
            names: names, annotation: item.annotation, origin: origin,
            hasUnreadableAnnotation: item.hasUnreadableAnnotation, range: item.code.range, language: item.code.language,
            message: message, url: url, json: json, heading: heading, sectionPath: item.sectionPath,
            leadProse: item.leadProse)
    }

    private mutating func response(
        _ item: CodeItem, origin: ExampleOrigin, heading: String, ordinal: Int
    ) -> ResponseExample {
        let message = HTTPMessageParser.parseResponse(item.code.content)
        let names = item.annotation?.names ?? []
        let anchor = names.first.map { "\($0):response" } ?? "response#\(ordinal)"
        record(message.issues, anchor: anchor)
        let json = parseBody(
            message.body, headers: message.headers, truncated: item.annotation?.truncated ?? false, anchor: anchor)
        return ResponseExample(
            names: names, annotation: item.annotation, origin: origin,
            hasUnreadableAnnotation: item.hasUnreadableAnnotation, range: item.code.range, language: item.code.language,
            message: message, json: json, heading: heading, sectionPath: item.sectionPath)
    }

    private mutating func record(_ issues: [HTTPIssue], anchor: String) {
        for issue in issues {
            self.issues.append(
                ExtractionIssue(
                    ExtractionFinding(issue.kind), issue.message, at: SourceLocation(file: file, range: issue.range),
                    anchor: anchor))
        }
    }

    /// Parses a body as JSON when it is meant to be JSON: a JSON media type, or none and it starts like JSON.
    private mutating func parseBody(
        _ body: PositionedText?, headers: HTTPHeaders, truncated: Bool, anchor: String
    ) -> JSONParseResult? {
        guard let body else { return nil }
        let firstByte = body.text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let looksLikeJSON = Self.startsLikeJSON(body.text)
        if let mediaType = headers.mediaType {
            // Markup under a JSON media type is a Content-Type mismatch (its own rule), not broken JSON.
            guard Self.isJSONMediaType(mediaType), firstByte != UInt8(ascii: "<") else { return nil }
        } else if !looksLikeJSON {
            return nil
        }
        let result = JSONParser.parse(body, tolerating: JSONParser.bodyTolerances)
        if let error = result.error {
            issues.append(
                issue(.bodyInvalidJSON, .bodyNotJSON(error.message), SourceRange(at: error.position), anchor: anchor))
        }
        for tolerance in result.tolerances where !(truncated && tolerance.kind == .ellipsis) {
            issues.append(
                issue(
                    .bodyTolerantJSON, .bodyTolerant(tolerance.kind.rawValue), tolerance.range,
                    anchor: "\(anchor):\(tolerance.kind.rawValue)"))
        }
        for duplicate in result.duplicateKeys {
            issues.append(
                issue(
                    .bodyDuplicateKey, .bodyKeyRepeated(duplicate.key), duplicate.range,
                    anchor: "\(anchor):\(duplicate.key)"))
        }
        return result
    }

    /// Whether a media type carries JSON (`application/json`, `application/problem+json`, `text/json`).
    static func isJSONMediaType(_ mediaType: String) -> Bool {
        mediaType.hasSuffix("/json") || mediaType.hasSuffix("+json")
    }

    static func firstNonBlankLine(_ text: String) -> String {
        // Byte by byte, stopping at the first line with text: a code block can be thousands of lines long.
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = String(text[start..<end]).trimmingSpaces()
            if !line.isEmpty { return line }
            start = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        return ""
    }

    // MARK: - Pairing

    /// Pairs responses with requests: first by name (a response annotation that names its request), then by
    /// adjacency (the first unpaired response after a request and before the next request). Blocks annotated
    /// `ignored` take part in adjacency: an example next to an ignored counterpart is accounted for, not paired.
    func pair(
        requests: [RequestExample], responses: [ResponseExample]
    )
        -> (pairs: [ExamplePair], accountedRequests: [Int], accountedResponses: [Int])
    {
        var pairs: [ExamplePair] = []
        var pairedRequests = Set<Int>()
        var pairedResponses = Set<Int>()
        // A response that names several requests (`"name": ["get_by_id", "get_by_path"]`) answers each of them.
        for (responseIndex, response) in responses.enumerated() {
            for name in response.names {
                guard
                    let requestIndex = requests.indices.first(where: { index in
                        !pairedRequests.contains(index) && requests[index].names.contains(name)
                    })
                else { continue }
                pairs.append(ExamplePair(request: requestIndex, response: responseIndex, pairedBy: .name))
                pairedRequests.insert(requestIndex)
                pairedResponses.insert(responseIndex)
            }
        }
        // One sequence of every HTTP block in page order: real requests and responses, and ignored ones.
        enum Entry {
            case request(Int), response(Int), ignoredRequest, ignoredResponse
        }
        var entries: [(position: SourcePosition, entry: Entry)] = []
        entries += requests.indices.map { (requests[$0].range.start, .request($0)) }
        entries += responses.indices.map { (responses[$0].range.start, .response($0)) }
        entries += ignoredExamples.map { ($0.range.start, $0.isRequest ? .ignoredRequest : .ignoredResponse) }
        entries.sort { $0.position < $1.position }
        var accountedRequests: [Int] = []
        var accountedResponses: [Int] = []
        var openRequest: Entry?
        // The request the last response answered, while no other request has come: a further response is an
        // alternative answer to it ("if an error occurred, it returns the following").
        var answered: Entry?
        for (_, entry) in entries {
            switch entry {
            case .request(let index):
                openRequest = pairedRequests.contains(index) ? nil : entry
                answered = pairedRequests.contains(index) ? entry : nil
            case .ignoredRequest:
                // An ignored request while a request still waits for its answer is another form of it ("the
                // following request uses an app token"): the next response answers the waiting request. An
                // unannotated sample in the page's prose, outside the examples, waits for nothing.
                if case .request(let waiting)? = openRequest,
                    requests[waiting].origin != .inferred || requests[waiting].isInExampleSection
                {
                    continue
                }
                openRequest = entry
                answered = nil
            case .response(let index):
                guard !pairedResponses.contains(index) else { continue }
                if case .request(let requestIndex)? = openRequest {
                    pairs.append(ExamplePair(request: requestIndex, response: index, pairedBy: .adjacency))
                    pairedRequests.insert(requestIndex)
                    pairedResponses.insert(index)
                    answered = openRequest
                    openRequest = nil
                } else if case .ignoredRequest? = openRequest {
                    accountedResponses.append(index)
                    answered = openRequest
                    openRequest = nil
                } else if case .request(let requestIndex)? = answered {
                    pairs.append(ExamplePair(request: requestIndex, response: index, pairedBy: .alternative))
                    pairedResponses.insert(index)
                } else if case .ignoredRequest? = answered {
                    accountedResponses.append(index)
                }
            case .ignoredResponse:
                if case .request(let requestIndex)? = openRequest {
                    accountedRequests.append(requestIndex)
                    answered = openRequest
                    openRequest = nil
                }
            }
        }
        return (pairs.sorted { $0.request < $1.request }, accountedRequests, accountedResponses)
    }
}

extension FindingMessage {
    fileprivate static func bodyNotJSON(_ error: String) -> FindingMessage {
        FindingMessage("body is not valid JSON: \(error)")
    }

    fileprivate static func bodyTolerant(_ tolerance: String) -> FindingMessage {
        FindingMessage("body is readable only tolerantly: \(tolerance)")
    }

    fileprivate static func bodyKeyRepeated(_ key: String) -> FindingMessage {
        FindingMessage("key '\(key)' appears more than once in one object")
    }
}
