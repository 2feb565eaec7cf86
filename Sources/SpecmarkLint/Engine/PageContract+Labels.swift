public import SpecmarkContract
import SpecmarkMarkdown

extension PageContract {
    /// How messages name a request: `request 'get_user'`, or by its request line (`request 'GET /me'`) when it has
    /// no name. Never by its line number: the finding's location says where it is.
    public func label(ofRequest index: Int) -> String {
        // The fields are read in place: binding the example would copy all of it for a name.
        if let name = requests[index].name { return "request '\(name)'" }
        if let line = requests[index].message.requestLine {
            return "request '\(Self.requestLine(line, url: requests[index].url))'"
        }
        return "request '\(Self.firstLine(of: requests[index].message.body?.text ?? ""))'"
    }

    /// `GET /me/planner/tasks`: the method and the target after its service root (as written otherwise).
    private static func requestLine(_ line: HTTPRequestLine, url: ExampleURL?) -> String {
        let target = line.target.trimmingSpaces()
        guard let root = url?.serviceRoot, target.utf8.count > root.utf8.count else {
            return "\(line.method) \(target)"
        }
        let rest = String(target.dropFirst(root.count))
        return "\(line.method) \(rest.hasPrefix("/") ? rest : "/" + rest)"
    }

    /// How messages name a response: by its own name, its request's name or request line, or its status line.
    public func label(ofResponse index: Int) -> String {
        if let name = responses[index].name { return "response '\(name)'" }
        if let request = requestIndex(pairedWith: index) {
            if let name = requests[request].name { return "response to '\(name)'" }
            if let line = requests[request].message.requestLine {
                return "response to '\(Self.requestLine(line, url: requests[request].url))'"
            }
        }
        if let line = responses[index].message.statusLine {
            return
                "response '\(line.version.map { "HTTP/\($0) " } ?? "")\(line.code)\(line.reason.isEmpty ? "" : " " + line.reason)'"
        }
        return "response '\(Self.firstLine(of: responses[index].message.body?.text ?? ""))'"
    }

    /// The first line of `text`, trimmed and cut to 60 characters.
    private static func firstLine(of text: String) -> String {
        let line = text.splitBytes(0x0A).first.map { String($0).trimmingSpaces() } ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// The stable anchor of a request for baselines.
    public func anchor(ofRequest index: Int) -> String {
        requests[index].name
            ?? "request:\(requests[index].message.requestLine.map { "\($0.method) \($0.target)" } ?? "\(index)")"
    }

    /// The stable anchor of a response for baselines.
    public func anchor(ofResponse index: Int) -> String {
        if let name = responses[index].name { return "\(name):response" }
        if let pair = pairs.first(where: { $0.response == index }) {
            let suffix = pair.pairedBy == .alternative ? ":\(index)" : ""
            return "\(anchor(ofRequest: pair.request)):response\(suffix)"
        }
        return "response:\(index)"
    }
}

/// Standard reason phrases (RFC 9110 and the registered extensions the Graph docs use).
public enum ReasonPhrase {
    public static let standard: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
        203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content",
        207: "Multi-Status", 300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
        401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
        412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
        416: "Range Not Satisfiable", 417: "Expectation Failed", 422: "Unprocessable Entity", 423: "Locked",
        424: "Failed Dependency", 428: "Precondition Required", 429: "Too Many Requests", 500: "Internal Server Error",
        501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        507: "Insufficient Storage",
    ]

    /// Older phrasings that are still standard somewhere (RFC 7231's "Payload Too Large").
    public static let alternatives: [Int: Set<String>] = [
        413: ["Payload Too Large", "Request Entity Too Large"], 302: ["Moved Temporarily"],
    ]

    /// `201 Created`, or `201` for an unknown code.
    public static func describe(_ code: Int) -> String {
        standard[code].map { "\(code) \($0)" } ?? "\(code)"
    }
}

extension PageContract {
    /// Whether request `index` is not an example of this API: an unannotated request to another host (a
    /// notification sent to a bot, an upload to a storage URL) that does not look like a mistyped root.
    public func isForeign(request index: Int, serviceRoots: [String]) -> Bool {
        // Read in place: binding the request would copy all of it, for every request of every page.
        guard requests[index].origin == .inferred, let url = requests[index].url, url.host != nil,
            url.serviceRoot == nil
        else {
            return false
        }
        return url.mistypedServiceRoot(among: serviceRoots) == nil
    }

    /// Whether request `index` is a sample request in prose, not an example: an unannotated request that nothing
    /// answers, outside the examples of a method page (`GET /sites/{hostname}` among a page's addressing forms) or
    /// anywhere on a resource or overview page (a walkthrough's `GET /me/planner/tasks`).
    public func isProseSample(request index: Int) -> Bool {
        guard requests[index].origin == .inferred, !requests[index].hasUnreadableAnnotation,
            !pairs.contains(where: { $0.request == index }), !requestsAnsweredByIgnored.contains(index)
        else { return false }
        return kind != .method || !requests[index].isInExampleSection
    }
}
