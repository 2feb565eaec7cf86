import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

@Suite struct HTTPMessageParserTests {
    /// Positioned text whose first line is file line 10, column 1.
    private func block(_ text: String) -> PositionedText {
        PositionedText(text, at: SourcePosition(line: 10, column: 1))
    }

    /// An empty block has no request or status line; the finding is a position, never a range ending before it starts.
    @Test func emptyBlocksAreReportedAtAPosition() {
        for text in ["", "\n"] {
            let content = PositionedText(text, at: SourcePosition(line: 3, column: 1))
            let request = HTTPMessageParser.parseRequest(content)
            let response = HTTPMessageParser.parseResponse(content)
            for issue in request.issues + response.issues {
                #expect(issue.range.start <= issue.range.end, "\(issue.message) \(issue.range)")
            }
            #expect(request.issues.map(\.message) == ["request block has no request line"])
            #expect(response.issues.map(\.message) == ["response block has no status line"])
        }
    }

    @Test func requestWithHeadersAndBody() throws {
        let message = HTTPMessageParser.parseRequest(
            block(
                """
                POST https://graph.microsoft.com/v1.0/users HTTP/1.1
                Content-type: application/json
                ConsistencyLevel: eventual

                {
                  "displayName": "A"
                }

                """))
        #expect(message.issues.isEmpty)
        let line = try #require(message.requestLine)
        #expect(line.method == "POST")
        #expect(line.target == "https://graph.microsoft.com/v1.0/users")
        #expect(line.version == "1.1")
        #expect(line.range == SourceRange(10, 1, 10, 52))
        #expect(line.targetRange == SourceRange(10, 6, 10, 43))
        #expect(message.headers["content-type"]?.value == "application/json")
        #expect(message.headers["Content-Type"]?.name == "Content-type")
        #expect(message.headers["consistencylevel"]?.valueRange == SourceRange(12, 19, 12, 26))
        #expect(message.headers.mediaType == "application/json")
        let body = try #require(message.body)
        #expect(body.lineOrigins.first == SourcePosition(line: 14, column: 1))
        #expect(body.text == "{\n  \"displayName\": \"A\"\n}")
    }

    @Test func targetsMayHoldSpacesInsidePlaceholders() {
        let message = HTTPMessageParser.parseRequest(block("GET /users/{id | userPrincipalName}/messages"))
        #expect(message.requestLine?.target == "/users/{id | userPrincipalName}/messages")
        #expect(message.requestLine?.version == nil)
    }

    @Test func proseBeforeTheJSONBodyIsRecordedAndSkipped() {
        let message = HTTPMessageParser.parseRequest(
            block("POST /widgets\nContent-Type: application/json\n\nRequest body\n{ \"a\": 1 }"))
        #expect(message.issues.map(\.kind) == [.proseInBlock])
        #expect(message.issues.first?.range == SourceRange(13, 1, 13, 12))
        #expect(message.body?.text == "{ \"a\": 1 }")
    }

    @Test func bodyWithoutABlankLineIsFoundAndFlagged() {
        let message = HTTPMessageParser.parseRequest(block("POST /widgets\nContent-Type: application/json\n{\n}"))
        #expect(message.issues.map(\.kind) == [.missingBlankLine])
        #expect(message.issues.first?.range.start == SourcePosition(line: 12, column: 1))
        #expect(message.body?.text == "{\n}")
    }

    /// Headers below a JSON body are the message's headers, written in the wrong place; a body line that reads
    /// like a header inside the JSON stays part of the body.
    @Test func headersAfterTheBodyAreReadAndFlagged() throws {
        let message = HTTPMessageParser.parseRequest(
            block("POST /widgets\n{\n  \"a\": 1\n}\nAuthorization: Bearer {token}\n\nContent-type: application/json\n"))
        #expect(message.issues.map(\.kind) == [.missingBlankLine, .headersAfterBody])
        let issue = try #require(message.issues.last)
        #expect(issue.range == SourceRange(14, 1, 16, 30))
        #expect(
            issue.message
                == "headers 'Authorization', 'Content-type' follow the body; headers go between the start line and the blank line before the body"
        )
        #expect(message.headers.mediaType == "application/json")
        #expect(message.body?.text == "{\n  \"a\": 1\n}")
        let response = HTTPMessageParser.parseResponse(block("HTTP/1.1 200 OK\n\n{\n  a: 1\n}"))
        #expect(response.issues.isEmpty)
        #expect(response.headers.isEmpty)
        #expect(response.body?.text == "{\n  a: 1\n}")
    }

    @Test func secondRequestLineIsRecorded() {
        let message = HTTPMessageParser.parseRequest(block("GET /a\nGET /b"))
        #expect(message.requestLine?.target == "/a")
        #expect(message.additionalRequestLines.map(\.target) == ["/b"])
        #expect(message.issues.map(\.kind) == [.multipleRequestLines])
    }

    /// A response pasted into a request block: its status line is recorded wherever it stands, its headers are not
    /// the request's, and what follows them is the (response's) body.
    @Test(arguments: [
        ("GET /a\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"1\" }", 12),
        ("GET /a\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"1\" }", 11),
        ("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"id\": \"1\" }", 10),
    ])
    func aPastedStatusLineIsRecorded(text: String, line: Int) {
        let message = HTTPMessageParser.parseRequest(block(text))
        #expect(message.pastedStatusLine?.code == 200)
        #expect(message.pastedStatusLine?.range.start.line == line)
        #expect(message.headers["Content-Type"] == nil)
        #expect(message.body?.text == "{ \"id\": \"1\" }")
        #expect(message.issues.isEmpty)
    }

    @Test func invalidRequestLineIsAnIssueNotACrash() {
        let message = HTTPMessageParser.parseRequest(block("get /lowercase"))
        #expect(message.requestLine == nil)
        #expect(message.issues.map(\.kind) == [.requestLineInvalid])
        #expect(message.issues.first?.range == SourceRange(10, 1, 10, 14))
    }

    @Test func emptyRequestBlock() {
        let message = HTTPMessageParser.parseRequest(block(""))
        #expect(message.requestLine == nil)
        #expect(message.issues.map(\.kind) == [.requestLineInvalid])
    }

    @Test(
        arguments: [
            ("HTTP/1.1 200 OK", "1.1", 200, "OK"),
            ("HTTP/2 204", "2", 204, ""),
            ("HTTP 201 Created", nil, 201, "Created"),
            ("HTTP/1.1 204 No Content", "1.1", 204, "No Content"),
        ] as [(String, String?, Int, String)])
    func statusLines(text: String, version: String?, code: Int, reason: String) throws {
        let message = HTTPMessageParser.parseResponse(block(text))
        let line = try #require(message.statusLine)
        #expect(line.version == version)
        #expect(line.code == code)
        #expect(line.reason == reason)
        #expect(message.issues.map(\.kind) == (version == nil ? [.statusLineWithoutVersion] : []))
    }

    @Test func statusCodeRangeIsExact() {
        let message = HTTPMessageParser.parseResponse(
            block("HTTP/1.1 201 Created\nContent-Type: application/json\n\n{}"))
        #expect(message.statusLine?.codeRange == SourceRange(10, 10, 10, 12))
        #expect(message.statusLine?.reasonRange == SourceRange(10, 14, 10, 20))
        #expect(message.body?.text == "{}")
    }

    @Test func responseBlockHoldingARequestSaysSo() {
        let message = HTTPMessageParser.parseResponse(block("POST https://x.example/a\n\n{}"))
        #expect(message.statusLine == nil)
        #expect(
            message.issues.first?.message
                == "response block starts with a request line ('POST https://x.example/a'), not a status line")
    }
}
