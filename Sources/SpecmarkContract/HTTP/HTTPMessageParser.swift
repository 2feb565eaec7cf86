public import SpecmarkMarkdown

/// Reads HTTP request and response examples out of code-block content.
///
/// It never throws: a missing version, a missing blank line before the body, prose inside the block
/// ("Request body" before the JSON), several request lines in one block — each becomes an ``HTTPIssue`` at
/// its exact range, and the parse keeps what it can.
public enum HTTPMessageParser {
    /// Parses a request example.
    public static func parseRequest(_ content: PositionedText) -> HTTPRequestMessage {
        var lines = Lines(content)
        var issues: [HTTPIssue] = []
        lines.skipBlank()
        var requestLine: HTTPRequestLine?
        var pasted: HTTPStatusLine?
        // Prose before the request line ("Request", "The request:") is recorded, not fatal.
        while let line = lines.current, !line.isBlank {
            if let parsed = parseRequestLine(line) {
                requestLine = parsed
                lines.advance()
                break
            }
            if let status = pastedStatusLine(line) {
                pasted = status
                lines.advance()
                break
            }
            if line.looksLikeProse {
                issues.append(
                    .prose(line.text.trimmingSpaces(), partOf: "an HTTP request", at: line.range))
                lines.advance()
                continue
            }
            issues.append(
                .requestLineUnreadable(line.text.trimmingSpaces(), at: line.range))
            lines.advance()
            break
        }
        if requestLine == nil && pasted == nil && issues.isEmpty {
            issues.append(
                .noRequestLine(at: content.range.ordered))
        }
        var headers = HTTPHeaders()
        var additional: [HTTPRequestLine] = []
        if pasted == nil {
            let read = parseHeaders(&lines, issues: &issues, acceptsRequestLines: true)
            (headers, additional, pasted) = (read.headers, read.requestLines, read.statusLine)
            // Request lines after the blank line are more requests, not a body ("GET /me" then "GET /users/{id}").
            lines.skipBlank()
            while let line = lines.current, let extra = parseRequestLine(line) {
                additional.append(extra)
                issues.append(
                    .secondRequestLine(extra))
                lines.advance()
                lines.skipBlank()
            }
            // A status line where the body should start, as among the headers, begins a pasted response.
            if pasted == nil, let line = lines.current, let status = pastedStatusLine(line) {
                pasted = status
                lines.advance()
            }
        }
        if pasted != nil {
            // The pasted response's headers say nothing about the request: read past them, keep only its body.
            var ignored: [HTTPIssue] = []
            _ = parseHeaders(&lines, issues: &ignored, acceptsRequestLines: false)
        }
        let body = parseBody(&lines, content: content, headers: &headers, issues: &issues)
        return HTTPRequestMessage(
            requestLine: requestLine, additionalRequestLines: additional, headers: headers, body: body, issues: issues,
            pastedStatusLine: pasted)
    }

    /// Parses a response example.
    public static func parseResponse(_ content: PositionedText) -> HTTPResponseMessage {
        var lines = Lines(content)
        var issues: [HTTPIssue] = []
        lines.skipBlank()
        var statusLine: HTTPStatusLine?
        while let line = lines.current, !line.isBlank {
            if let parsed = parseStatusLine(line) {
                statusLine = parsed
                if parsed.version == nil {
                    issues.append(
                        .statusLineWithoutVersion(
                            line.text.trimmingSpaces(), code: parsed.code, reason: parsed.reason, at: line.range))
                }
                lines.advance()
                break
            }
            if line.looksLikeProse {
                issues.append(
                    .prose(line.text.trimmingSpaces(), partOf: "an HTTP response", at: line.range))
                lines.advance()
                continue
            }
            let text = line.text.trimmingSpaces()
            issues.append(
                parseRequestLine(line) != nil
                    ? .requestLineInResponse(text, at: line.range) : .statusLineUnreadable(text, at: line.range))
            lines.advance()
            break
        }
        if statusLine == nil && issues.isEmpty {
            issues.append(.noStatusLine(at: content.range.ordered))
        }
        var headers = parseHeaders(&lines, issues: &issues, acceptsRequestLines: false).headers
        let body = parseBody(&lines, content: content, headers: &headers, issues: &issues)
        return HTTPResponseMessage(statusLine: statusLine, headers: headers, body: body, issues: issues)
    }

    /// Every line of `content` that reads as a request line (`METHOD /path`), with file positions: how the
    /// HTTP request section's declared paths are read.
    public static func requestLines(in content: PositionedText) -> [HTTPRequestLine] {
        Lines(content).all.compactMap(parseRequestLine)
    }

    /// Whether `line` reads as a request line, `METHOD URL`: how unannotated blocks are recognised.
    public static func requestLine(in text: String) -> HTTPRequestLine? {
        parseRequestLine(Line(text: Substring(text), origin: SourcePosition(line: 1, column: 1)))
    }

    /// Whether `line` reads as a status line, `HTTP/1.1 200 OK` or `HTTP 200`.
    public static func statusLine(in text: String) -> HTTPStatusLine? {
        parseStatusLine(Line(text: Substring(text), origin: SourcePosition(line: 1, column: 1)))
    }

    // MARK: - Lines

    fileprivate struct Line {
        var text: Substring
        var origin: SourcePosition

        var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

        var range: SourceRange {
            let leading = text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let trimmed = text.utf8.count - text.utf8.reversed().prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.count
            return SourceRange(
                origin.line, origin.column + leading, origin.line, origin.column + max(leading, trimmed) - 1)
        }

        /// The line's bytes, copied at once from the string's storage (`Array(text.utf8)` copies a substring's
        /// bytes one at a time).
        var bytes: [UInt8] {
            text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        }

        func position(_ utf8Offset: Int) -> SourcePosition {
            SourcePosition(line: origin.line, column: origin.column + utf8Offset)
        }

        /// Words and spaces, no JSON, no header colon, no URL: "Request body", "Here is the response:".
        var looksLikeProse: Bool {
            let trimmed = text.trimmingSpaces()
            guard let first = trimmed.first, first.isLetter else { return false }
            if trimmed.contains("{") || trimmed.contains("[") || trimmed.contains("/") || trimmed.contains("=") {
                return false
            }
            if let colon = trimmed.firstIndex(of: ":"), colon != trimmed.index(before: trimmed.endIndex) {
                return false
            }
            return trimmed.contains(" ") || trimmed.hasSuffix(":")
        }
    }

    fileprivate struct Lines {
        let all: [Line]
        var index = 0

        /// One line per line of `content`, each a view of its text (no copy), found from its line offsets.
        init(_ content: PositionedText) {
            let text = content.text
            let utf8 = text.utf8
            let offsets = content.lineOffsets
            var result: [Line] = []
            result.reserveCapacity(offsets.count)
            for (line, offset) in offsets.enumerated() {
                let end = line + 1 < offsets.count ? offsets[line + 1] - 1 : utf8.count
                let range = utf8.index(utf8.startIndex, offsetBy: offset)..<utf8.index(utf8.startIndex, offsetBy: end)
                result.append(Line(text: text[range], origin: content.lineOrigins[line]))
            }
            self.all = result
        }

        var current: Line? { index < all.count ? all[index] : nil }

        mutating func advance() { index += 1 }

        mutating func skipBlank() {
            while let line = current, line.isBlank { advance() }
        }
    }

    // MARK: - Parts

    private static func parseRequestLine(_ line: Line) -> HTTPRequestLine? {
        let utf8 = line.bytes
        var start = 0
        while start < utf8.count && (utf8[start] == 0x20 || utf8[start] == 0x09) { start += 1 }
        var methodEnd = start
        while methodEnd < utf8.count && utf8[methodEnd] >= UInt8(ascii: "A") && utf8[methodEnd] <= UInt8(ascii: "Z") {
            methodEnd += 1
        }
        guard methodEnd > start, methodEnd < utf8.count, utf8[methodEnd] == 0x20 || utf8[methodEnd] == 0x09 else {
            return nil
        }
        let method = String(decoding: utf8[start..<methodEnd], as: UTF8.self)
        guard HTTPMethod.all.contains(method) else { return nil }
        var targetStart = methodEnd
        while targetStart < utf8.count && (utf8[targetStart] == 0x20 || utf8[targetStart] == 0x09) { targetStart += 1 }
        var end = utf8.count
        while end > targetStart && (utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 || utf8[end - 1] == 0x0D) {
            end -= 1
        }
        guard end > targetStart else { return nil }
        var targetEnd = end
        var version: String?
        // A trailing " HTTP/1.1" is the version; the target itself may hold spaces ("{id | userPrincipalName}").
        if let space = utf8[targetStart..<end].lastIndex(where: { $0 == 0x20 || $0 == 0x09 }) {
            let tail = String(decoding: utf8[(space + 1)..<end], as: UTF8.self)
            if tail.hasPrefix("HTTP/") {
                version = String(tail.dropFirst(5))
                targetEnd = space
                while targetEnd > targetStart && (utf8[targetEnd - 1] == 0x20 || utf8[targetEnd - 1] == 0x09) {
                    targetEnd -= 1
                }
            }
        }
        let target = String(decoding: utf8[targetStart..<targetEnd], as: UTF8.self)
        guard let first = target.first, first == "/" || first == "~" || first == "{" || first.isLetter else {
            return nil
        }
        return HTTPRequestLine(
            method: method, target: target, version: version,
            range: SourceRange(start: line.position(start), end: line.position(end - 1)),
            methodRange: SourceRange(start: line.position(start), end: line.position(methodEnd - 1)),
            targetRange: SourceRange(start: line.position(targetStart), end: line.position(targetEnd - 1)))
    }

    private static func parseStatusLine(_ line: Line) -> HTTPStatusLine? {
        let utf8 = line.bytes
        var index = 0
        while index < utf8.count && (utf8[index] == 0x20 || utf8[index] == 0x09) { index += 1 }
        let start = index
        var version: String?
        let prefix = Array("HTTP".utf8)
        if utf8.count >= index + 4, utf8[index..<(index + 4)].elementsEqual(prefix) {
            index += 4
            if index < utf8.count, utf8[index] == UInt8(ascii: "/") {
                let versionStart = index + 1
                index = versionStart
                while index < utf8.count && (isDigitByte(utf8[index]) || utf8[index] == UInt8(ascii: ".")) {
                    index += 1
                }
                guard index > versionStart else { return nil }
                version = String(decoding: utf8[versionStart..<index], as: UTF8.self)
            }
            guard index < utf8.count, utf8[index] == 0x20 || utf8[index] == 0x09 else { return nil }
            while index < utf8.count && (utf8[index] == 0x20 || utf8[index] == 0x09) { index += 1 }
        }
        let codeStart = index
        while index < utf8.count && isDigitByte(utf8[index]) { index += 1 }
        guard index - codeStart == 3,
            index == utf8.count || utf8[index] == 0x20 || utf8[index] == 0x09 || utf8[index] == 0x0D,
            let code = Int(String(decoding: utf8[codeStart..<index], as: UTF8.self))
        else { return nil }
        // A bare "200 OK" without any HTTP prefix is only a status line when the block starts with it.
        let codeEnd = index
        while index < utf8.count && (utf8[index] == 0x20 || utf8[index] == 0x09) { index += 1 }
        var end = utf8.count
        while end > index && (utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 || utf8[end - 1] == 0x0D) { end -= 1 }
        let reason = String(decoding: utf8[index..<end], as: UTF8.self)
        return HTTPStatusLine(
            version: version, code: code, reason: reason,
            range: SourceRange(start: line.position(start), end: line.position(max(end, codeEnd) - 1)),
            codeRange: SourceRange(start: line.position(codeStart), end: line.position(codeEnd - 1)),
            reasonRange: end > index ? SourceRange(start: line.position(index), end: line.position(end - 1)) : nil)
    }

    /// Reads header lines up to the blank line; in a request, further request lines are collected too, and a
    /// status line (a pasted response) ends the headers.
    private static func parseHeaders(
        _ lines: inout Lines, issues: inout [HTTPIssue], acceptsRequestLines: Bool
    ) -> (headers: HTTPHeaders, requestLines: [HTTPRequestLine], statusLine: HTTPStatusLine?) {
        var fields: [HTTPHeader] = []
        var requestLines: [HTTPRequestLine] = []
        while let line = lines.current {
            if line.isBlank {
                lines.advance()
                break
            }
            if let header = parseHeader(line) {
                fields.append(header)
                lines.advance()
                continue
            }
            if acceptsRequestLines, let extra = parseRequestLine(line) {
                requestLines.append(extra)
                issues.append(
                    .secondRequestLine(extra))
                lines.advance()
                continue
            }
            if acceptsRequestLines, let status = pastedStatusLine(line) {
                lines.advance()
                return (HTTPHeaders(fields), requestLines, status)
            }
            let trimmed = line.text.trimmingSpaces()
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.hasPrefix("<") || trimmed.hasPrefix("\"") {
                issues.append(
                    .blankLineMissing(at: line.range))
                break
            }
            if line.looksLikeProse {
                issues.append(
                    .prose(trimmed, partOf: "an HTTP message", at: line.range))
            } else {
                issues.append(
                    .headerUnreadable(trimmed, at: line.range))
            }
            lines.advance()
        }
        return (HTTPHeaders(fields), requestLines, nil)
    }

    /// A status line with its `HTTP` prefix (`HTTP/1.1 200 OK`, `HTTP 200`) in a request block.
    private static func pastedStatusLine(_ line: Line) -> HTTPStatusLine? {
        guard line.text.trimmingSpaces().hasPrefix("HTTP") else { return nil }
        return parseStatusLine(line)
    }

    private static func parseHeader(_ line: Line) -> HTTPHeader? {
        let utf8 = line.bytes
        var start = 0
        while start < utf8.count && (utf8[start] == 0x20 || utf8[start] == 0x09) { start += 1 }
        var nameEnd = start
        while nameEnd < utf8.count && isTokenByte(utf8[nameEnd]) { nameEnd += 1 }
        guard nameEnd > start, nameEnd < utf8.count, utf8[nameEnd] == UInt8(ascii: ":") else { return nil }
        var valueStart = nameEnd + 1
        while valueStart < utf8.count && (utf8[valueStart] == 0x20 || utf8[valueStart] == 0x09) { valueStart += 1 }
        var end = utf8.count
        while end > valueStart && (utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 || utf8[end - 1] == 0x0D) { end -= 1 }
        return HTTPHeader(
            name: String(decoding: utf8[start..<nameEnd], as: UTF8.self),
            value: String(decoding: utf8[valueStart..<end], as: UTF8.self),
            range: SourceRange(start: line.position(start), end: line.position(max(end, nameEnd + 1) - 1)),
            nameRange: SourceRange(start: line.position(start), end: line.position(nameEnd - 1)),
            valueRange: SourceRange(start: line.position(valueStart), end: line.position(max(end, valueStart + 1) - 1)))
    }

    /// Reads the body: the lines left, less prose before a JSON body. Headers after a JSON body (`Content-Type`
    /// written below the closing brace) are read as the headers they are, and recorded as misplaced.
    private static func parseBody(
        _ lines: inout Lines, content: PositionedText, headers: inout HTTPHeaders, issues: inout [HTTPIssue]
    ) -> PositionedText? {
        lines.skipBlank()
        var first = lines.index
        var last = lines.all.count - 1
        while last >= first && lines.all[last].isBlank { last -= 1 }
        guard first <= last else { return nil }
        // "Request body" or "Response:" lines before a JSON body are prose that slipped into the block.
        if let jsonStart = (first...last).first(where: { startsJSON(lines.all[$0]) }), jsonStart > first,
            (first..<jsonStart).allSatisfy({ lines.all[$0].looksLikeProse || lines.all[$0].isBlank })
        {
            for index in first..<jsonStart where !lines.all[index].isBlank {
                let line = lines.all[index]
                issues.append(
                    .prose(line.text.trimmingSpaces(), partOf: "the HTTP body", at: line.range))
            }
            first = jsonStart
        }
        // `Name: value` lines below the JSON's closing brace are headers written after the body.
        if startsJSON(lines.all[first]) {
            var trailing: [HTTPHeader] = []
            var end = last
            while end > first, let header = parseHeader(lines.all[end]) {
                trailing.insert(header, at: 0)
                end -= 1
                while end > first && lines.all[end].isBlank { end -= 1 }
            }
            if !trailing.isEmpty, endsJSON(lines.all[end]) {
                headers.fields += trailing
                issues.append(.headersAfterBody(trailing))
                last = end
            }
        }
        lines.index = lines.all.count
        // The body's lines are consecutive lines of the block: one copy of their bytes, positions kept.
        return content.lines(first..<(last + 1))
    }

    private static func startsJSON(_ line: Line) -> Bool {
        guard let first = line.text.trimmingSpaces().first else { return false }
        return first == "{" || first == "["
    }

    private static func endsJSON(_ line: Line) -> Bool {
        guard let last = line.text.trimmingSpaces().last else { return false }
        return last == "}" || last == "]"
    }
}

@inline(__always) private func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

/// RFC 9110 token characters.
@inline(__always) private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
        UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
        true
    default: false
    }
}

extension HTTPIssue {
    fileprivate static func prose(_ line: String, partOf message: String, at range: SourceRange) -> HTTPIssue {
        HTTPIssue(kind: .proseInBlock, message: "line '\(line)' is prose, not part of \(message)", range: range)
    }

    fileprivate static func requestLineUnreadable(_ line: String, at range: SourceRange) -> HTTPIssue {
        HTTPIssue(
            kind: .requestLineInvalid, message: "request line '\(line)' is not 'METHOD URL [HTTP/version]'",
            range: range)
    }

    fileprivate static func noRequestLine(at range: SourceRange) -> HTTPIssue {
        HTTPIssue(kind: .requestLineInvalid, message: "request block has no request line", range: range)
    }

    fileprivate static func secondRequestLine(_ line: HTTPRequestLine) -> HTTPIssue {
        HTTPIssue(
            kind: .multipleRequestLines,
            message: "a second request line '\(line.method) \(line.target)' in one request block", range: line.range)
    }

    fileprivate static func statusLineWithoutVersion(
        _ line: String, code: Int, reason: String, at range: SourceRange
    ) -> HTTPIssue {
        HTTPIssue(
            kind: .statusLineWithoutVersion,
            message:
                "status line '\(line)' has no HTTP version (write 'HTTP/1.1 \(code)\(reason.isEmpty ? "" : " " + reason)')",
            range: range)
    }

    fileprivate static func requestLineInResponse(_ line: String, at range: SourceRange) -> HTTPIssue {
        HTTPIssue(
            kind: .statusLineInvalid,
            message: "response block starts with a request line ('\(line)'), not a status line",
            range: range)
    }

    fileprivate static func statusLineUnreadable(_ line: String, at range: SourceRange) -> HTTPIssue {
        HTTPIssue(
            kind: .statusLineInvalid, message: "status line '\(line)' is not 'HTTP/version code reason'", range: range)
    }

    fileprivate static func noStatusLine(at range: SourceRange) -> HTTPIssue {
        HTTPIssue(kind: .statusLineInvalid, message: "response block has no status line", range: range)
    }

    fileprivate static func blankLineMissing(at range: SourceRange) -> HTTPIssue {
        HTTPIssue(kind: .missingBlankLine, message: "body starts without a blank line after the headers", range: range)
    }

    fileprivate static func headersAfterBody(_ headers: [HTTPHeader]) -> HTTPIssue {
        let names = headers.map { "'\($0.name)'" }.joined(separator: ", ")
        return HTTPIssue(
            kind: .headersAfterBody,
            message:
                "\(headers.count == 1 ? "header" : "headers") \(names) \(headers.count == 1 ? "follows" : "follow") the body; headers go between the start line and the blank line before the body",
            range: SourceRange(start: headers[0].range.start, end: headers[headers.count - 1].range.end))
    }

    fileprivate static func headerUnreadable(_ line: String, at range: SourceRange) -> HTTPIssue {
        HTTPIssue(kind: .headerInvalid, message: "line '\(line)' is not a 'Name: value' header", range: range)
    }
}

extension SourceRange {
    /// The range, or its start alone when its end comes first (an empty block's text ends before it starts).
    fileprivate var ordered: SourceRange {
        end < start ? SourceRange(start: start, end: start) : self
    }
}
