public import SpecmarkMarkdown

/// How a code block came to be an example.
public enum ExampleOrigin: String, Hashable, Sendable, Codable {
    /// An annotation says what it is.
    case annotated
    /// No annotation (or an unreadable one): recognised from its first line (`METHOD URL` or `HTTP/1.1 200`).
    case inferred
    /// An unannotated ```` ```json ```` block right after a request that has no other response: the request's
    /// response body, shown without status line or headers (its status is unknown).
    case bareJSON
}

/// A request example: an annotated `request` block or an `http` block starting with `METHOD URL`.
public struct RequestExample: Hashable, Sendable {
    /// The annotation's names; empty for inferred examples.
    public var names: [String]
    public var annotation: BlockAnnotation?
    public var origin: ExampleOrigin
    /// Whether an annotation was written but could not be read.
    public var hasUnreadableAnnotation: Bool
    /// The code block's range.
    public var range: SourceRange
    /// The info string's first word (`http`, `msgraph-interactive`).
    public var language: String
    public var message: HTTPRequestMessage
    /// The request line's target, split.
    public var url: ExampleURL?
    /// The body parsed as JSON, when it looks like JSON.
    public var json: JSONParseResult?
    /// The heading the example sits under.
    public var heading: String
    /// The titles of the sections the example is in, outermost first.
    public var sectionPath: [String] = []
    /// The prose that leads to the example: the heading and paragraphs, up to the example, of each section it
    /// is in below the page title, outermost first. Where an example calls a related endpoint on purpose, this
    /// is where the page says so ("use the **search** method on the Drive resource").
    public var leadProse: [String] = []

    /// The first name, or nil.
    public var name: String? { names.first }
    /// The request method, or nil when the request line could not be read.
    public var method: String? { message.requestLine?.method }
}

/// A response example: an annotated `response` block or an `http` block starting with a status line.
public struct ResponseExample: Hashable, Sendable {
    public var names: [String]
    public var annotation: BlockAnnotation?
    public var origin: ExampleOrigin
    public var hasUnreadableAnnotation: Bool
    public var range: SourceRange
    public var language: String
    public var message: HTTPResponseMessage
    public var json: JSONParseResult?
    public var heading: String
    /// The titles of the sections the example is in, outermost first.
    public var sectionPath: [String] = []

    public var name: String? { names.first }
    /// The status code, or nil when the status line could not be read.
    public var status: Int? { message.statusLine?.code }
}

extension RequestExample {
    /// Whether the request sits where examples go: under an Example(s) section, or a `Request` heading.
    public var isInExampleSection: Bool { Extraction.isExampleContext(sectionPath) }

    /// Whether the request stands in an HTTP request section, where it declares the form it shows: a page's
    /// second operation ("Get a single thumbnail") whose own `### HTTP request` holds its annotated example.
    public var declaresItsOwnPath: Bool { Extraction.isInHTTPRequestSection(sectionPath) }
}

extension ResponseExample {
    /// Whether the response sits where examples go: under an Example(s) section, or a `Response` heading.
    public var isInExampleSection: Bool { Extraction.isExampleContext(sectionPath) }
}

/// A response block annotated `ignored`, read.
public struct IgnoredResponse: Hashable, Sendable {
    public var range: SourceRange
    public var message: HTTPResponseMessage
}

/// A request and the response that answers it.
public struct ExamplePair: Hashable, Sendable {
    /// Index into the page's `requests`.
    public var request: Int
    /// Index into the page's `responses`.
    public var response: Int
    /// How they were paired.
    public var pairedBy: PairingRule

    /// How a request and response were paired.
    public enum PairingRule: String, Hashable, Sendable, Codable {
        /// The response annotation names the request.
        case name
        /// The response is the next response after the request, before any other request.
        case adjacency
        /// A further response after the paired one, before any other request: another outcome of the same
        /// request (an error case, another status).
        case alternative
    }
}

/// A status code the Response section states, such as "returns a `201 Created` response code".
public struct StatedStatus: Hashable, Sendable {
    public var code: Int
    /// The reason phrase as written after the code, or "".
    public var reason: String
    public var range: SourceRange
}

/// What the Response section says.
public struct ResponseSection: Hashable, Sendable {
    /// The `## Response` heading.
    public var range: SourceRange
    /// The status codes stated, in order.
    public var statuses: [StatedStatus]
    /// The resource types linked from the section's prose (`[user](../resources/user.md)`), as link texts.
    public var linkedTypes: [Link]
    /// Whether the prose says the body is a collection ("collection of", "list of").
    public var promisesCollection: Bool
    /// Whether the prose promises an object in the body ("object in the response body").
    public var promisesBody: Bool
    /// Whether the prose says there is no body ("does not return anything in the response body").
    public var promisesNoBody: Bool
}
