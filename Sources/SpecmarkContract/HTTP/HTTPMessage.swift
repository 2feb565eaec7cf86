public import SpecmarkMarkdown

/// One header line of an HTTP message, with its original spelling.
public struct HTTPHeader: Hashable, Sendable {
    public var name: String
    public var value: String
    /// The whole line.
    public var range: SourceRange
    public var nameRange: SourceRange
    public var valueRange: SourceRange
}

/// The headers of a message, in order, with case-insensitive lookup.
public struct HTTPHeaders: Hashable, Sendable, RandomAccessCollection {
    public var fields: [HTTPHeader]

    public init(_ fields: [HTTPHeader] = []) {
        self.fields = fields
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HTTPHeader { fields[position] }

    /// The first header named `name`, compared case-insensitively.
    public subscript(name: String) -> HTTPHeader? {
        fields.first { $0.name.equalsIgnoringCase(name) }
    }

    /// The media type of `Content-Type` without parameters, lower-cased (`application/json`).
    public var mediaType: String? {
        guard let value = self["Content-Type"]?.value else { return nil }
        let type = value.splitBytes(UInt8(ascii: ";"), maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingSpaces().lowercased()
    }
}

/// `METHOD target [HTTP/version]`.
public struct HTTPRequestLine: Hashable, Sendable {
    public var method: String
    /// The request target as written: an absolute URL or a path, query included.
    public var target: String
    public var version: String?
    public var range: SourceRange
    public var methodRange: SourceRange
    public var targetRange: SourceRange
}

/// `HTTP/1.1 200 OK`.
public struct HTTPStatusLine: Hashable, Sendable {
    /// The version (`1.1`, `2`), or nil when the line has none (`HTTP 200 OK`, `200 OK`).
    public var version: String?
    public var code: Int
    /// The reason phrase as written, or "" when absent.
    public var reason: String
    public var range: SourceRange
    public var codeRange: SourceRange
    public var reasonRange: SourceRange?
}

/// Something wrong inside an HTTP example block; the message parser records it and goes on.
public struct HTTPIssue: Hashable, Sendable {
    /// What kind of problem; the raw value is the rule id that reports it.
    public enum Kind: String, Hashable, Sendable {
        case requestLineInvalid = "http-request-line-invalid"
        case statusLineInvalid = "http-status-line-invalid"
        case statusLineWithoutVersion = "http-status-line-no-version"
        case proseInBlock = "http-prose-in-block"
        case multipleRequestLines = "http-multiple-request-lines"
        case headerInvalid = "http-header-invalid"
        case missingBlankLine = "http-missing-blank-line"
        case headersAfterBody = "http-headers-after-body"
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange
}

/// An HTTP request as a documentation example writes it.
public struct HTTPRequestMessage: Hashable, Sendable {
    /// The request line, or nil when the block has none that can be read.
    public var requestLine: HTTPRequestLine?
    /// Further request lines in the same block (a block should hold one request).
    public var additionalRequestLines: [HTTPRequestLine]
    public var headers: HTTPHeaders
    /// The body, with file positions, or nil when there is none.
    public var body: PositionedText?
    public var issues: [HTTPIssue]
    /// A status line in the block (`HTTP/1.1 200 OK`): a response pasted into the request block. What follows it
    /// is read as that response's headers and body, and `body` is the response's body.
    public var pastedStatusLine: HTTPStatusLine? = nil
}

/// An HTTP response as a documentation example writes it.
public struct HTTPResponseMessage: Hashable, Sendable {
    public var statusLine: HTTPStatusLine?
    public var headers: HTTPHeaders
    public var body: PositionedText?
    public var issues: [HTTPIssue]
}

/// The HTTP methods Specmark recognises at the start of a request line.
public enum HTTPMethod {
    public static let all: Set<String> = [
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
    ]

    /// Methods that change state, which replay never sends to a live service unless allowed.
    public static let mutating: Set<String> = ["POST", "PUT", "PATCH", "DELETE"]
    /// Methods that may be sent again without changing the outcome (RFC 9110, 9.2.2).
    public static let idempotent: Set<String> = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]
}
