import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import Synchronization

extension ReplayEngine {

    /// A request ready to send.
    struct PreparedRequest: Sendable {
        var method: String
        var url: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]?
    }

    /// Why a request cannot be built.
    struct PreparationProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// The request to send for `request`; an example without a version in its URL goes to `version`'s root.
    func prepare(
        _ request: RequestExample, name: String? = nil, version pageVersion: String? = nil, values: [String: String]
    ) -> Result<PreparedRequest, PreparationProblem> {
        guard let line = request.message.requestLine, let url = request.url else {
            return .failure(PreparationProblem(description: "the example has no readable request line"))
        }
        let version = url.apiVersion ?? pageVersion ?? ""
        guard let base = options.baseURLs[version] ?? options.baseURLs[""] else {
            return .failure(
                PreparationProblem(
                    description: "no --base-url for \(version.isEmpty ? "examples without a version" : version)"))
        }
        if url.host != nil, url.serviceRoot == nil, options.isLive {
            return .failure(
                PreparationProblem(description: "\(url.origin ?? "its host") is not a configured service root"))
        }
        var path = url.template.raw.trimmingSpaces()
        if !path.hasPrefix("/") { path = "/" + path }
        let substituted = ReplayParameters.substitute(path, values: values)
        if options.isLive, let missing = substituted.unresolved.first {
            return .failure(PreparationProblem(description: "no value for {\(missing)} (set it in --params)"))
        }
        var headers: [(name: String, value: String)] = []
        for header in request.message.headers.fields {
            let name = header.name.lowercased()
            if name == "authorization" || name == "host" || name == "content-length" { continue }
            headers.append((header.name, ReplayParameters.substitute(header.value, values: values).text))
        }
        if let token = options.token { headers.append(("Authorization", "Bearer \(token.value)")) }
        if options.preferExample, let name = name ?? request.name {
            // Added to the example's own preferences (`Prefer: outlook.timezone=…`), not beside them.
            if let index = headers.firstIndex(where: { $0.name.lowercased() == "prefer" }) {
                headers[index].value += ", example=\"\(name)\""
            } else {
                headers.append(("Prefer", "example=\"\(name)\""))
            }
        }
        for extra in options.extraHeaders {
            headers.removeAll { $0.name.lowercased() == extra.name.lowercased() }
            headers.append((extra.name, extra.value.value))
        }
        var body: [UInt8]?
        if let text = request.message.body?.text {
            body = Array(ReplayParameters.substitute(text, values: values).text.utf8)
        }
        return .success(
            PreparedRequest(
                method: line.method, url: base + Self.encoded(substituted.text), headers: headers, body: body))
    }

    /// Percent-encodes what cannot stand in a URL (spaces, braces, quotes, non-ASCII) and leaves the rest.
    static func encoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case 0x21, 0x24...0x3B, 0x3D, 0x3F...0x5A, 0x5F, 0x61...0x7A, 0x7E, 0x5B, 0x5D:
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
