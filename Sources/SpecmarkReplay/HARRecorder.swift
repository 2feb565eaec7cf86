import Foundation

/// Writes each exchange as a HAR 1.2 file for offline diffing, with every secret redacted: credential headers
/// (`Authorization`, `Cookie`, API keys) and any occurrence of a secret value in the URL, headers or bodies.
struct HARRecorder: Sendable {
    let directory: String
    let secrets: [String]

    static let credentialHeaders: Set<String> = [
        "authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key", "api-key",
        "ocp-apim-subscription-key",
    ]

    init(directory: String, secrets: [String]) {
        self.directory = directory
        self.secrets = secrets
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func record(
        name: String, request: ReplayEngine.PreparedRequest, response: LiveResponse?, error: String?, seconds: Double
    ) {
        let started = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-seconds))
        var entry: [String: Any] = [
            "startedDateTime": started,
            "time": Int(seconds * 1000),
            "request": [
                "method": request.method, "url": redact(request.url), "httpVersion": "HTTP/1.1", "cookies": [],
                "headers": request.headers.map(header), "queryString": queryString(request.url),
                "headersSize": -1, "bodySize": request.body?.count ?? 0,
            ].merging(
                request.body.map {
                    [
                        "postData": [
                            "mimeType": mimeType(request.headers), "text": redact(String(decoding: $0, as: UTF8.self)),
                        ]
                    ]
                } ?? [:]
            ) { $1 },
            "cache": [:],
            "timings": ["send": 0, "wait": Int(seconds * 1000), "receive": 0],
        ]
        if let response {
            entry["response"] =
                [
                    "status": response.status, "statusText": response.reason, "httpVersion": "HTTP/1.1", "cookies": [],
                    "headers": response.headers.map(header),
                    "content": [
                        "size": response.body.count, "mimeType": mimeType(response.headers),
                        "text": redact(String(decoding: response.body, as: UTF8.self)),
                    ],
                    "redirectURL": response.header("Location") ?? "", "headersSize": -1,
                    "bodySize": response.body.count,
                ] as [String: Any]
        } else {
            entry["response"] =
                [
                    "status": 0, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                    "content": ["size": 0, "mimeType": ""], "redirectURL": "", "headersSize": -1, "bodySize": -1,
                    "_error": redact(error ?? ""),
                ] as [String: Any]
        }
        let log: [String: Any] = [
            "log": ["version": "1.2", "creator": ["name": "specmark", "version": "0.1.0"], "entries": [entry]]
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys]) else {
            return
        }
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        let path = (directory as NSString).appendingPathComponent("\(safe).har")
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func header(_ header: (name: String, value: String)) -> [String: String] {
        let value = Self.credentialHeaders.contains(header.name.lowercased()) ? "[REDACTED]" : redact(header.value)
        return ["name": header.name, "value": value]
    }

    private func mimeType(_ headers: [(name: String, value: String)]) -> String {
        headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
    }

    private func queryString(_ url: String) -> [[String: String]] {
        guard let components = URLComponents(string: url) else { return [] }
        return (components.queryItems ?? []).map { ["name": $0.name, "value": redact($0.value ?? "")] }
    }

    private func redact(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "[REDACTED]") }
        return result
    }
}
