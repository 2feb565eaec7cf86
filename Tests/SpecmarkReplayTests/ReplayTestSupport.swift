import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import SpecmarkContract
import SpecmarkMock
import Synchronization

@testable import SpecmarkReplay

/// Pages and servers the replay tests share.
enum ReplayFixtures {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs-samples")

    /// A resource page defining `widget` (id, name, count).
    static let widgetResource = """
        ---
        title: "widget resource type"
        doc_type: resourcePageType
        ---
        # widget resource type

        Namespace: microsoft.graph

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
        |name|String|The name.|
        |count|Int32|How many there are.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
        ```json
        {
          "id": "String",
          "name": "String",
          "count": "Int32"
        }
        ```
        """

    /// One annotated GET example per name (`GET /v1.0/widgets/NAME`), each documenting the same widget:
    /// `{ "id", "name", "count" }`. ``line(_:in:after:)`` finds the lines findings should point at.
    static func widgetPage(_ names: [String]) -> String {
        var page = """
            ---
            title: "Get widget"
            doc_type: apiPageType
            ---
            # Get widget
            ## Response
            If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object.
            ## Examples

            """
        for name in names {
            page += """
                <!-- { "blockType": "request", "name": "\(name)" } -->
                ```http
                GET https://graph.microsoft.com/v1.0/widgets/\(name)
                ```
                <!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "id": "w1",
                  "name": "first",
                  "count": 3
                }
                ```

                """
        }
        return page
    }

    /// The 1-based number of the first line of `text` containing `needle` after the line containing `anchor`.
    static func line(_ needle: String, in text: String, after anchor: String? = nil) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0
        if let anchor {
            guard let found = lines.firstIndex(where: { $0.contains(anchor) }) else { return nil }
            start = found + 1
        }
        return lines[start...].firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    static let widgetBody = #"{"id":"w1","name":"first","count":3}"#

    static func docSet(_ pages: [(file: String, text: String)]) -> DocSet {
        let extractor = PageExtractor()
        return DocSet(pages: pages.map { extractor.extract(bytes: Array($0.text.utf8), file: $0.file) })
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Counts requests by `METHOD path`.
final class RequestLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ request: Request) {
        entries.withLock { $0.append("\(request.method.rawValue) \(request.uri.path)") }
    }

    var all: [String] { entries.withLock { $0 } }

    func count(_ entry: String) -> Int { all.filter { $0 == entry }.count }
}

/// Keeps every message logged at any level, to search for secrets.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func logger() -> Logger {
        var logger = Logger(label: "replay-test") { _ in CapturingHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

private struct CapturingHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
    }
}

/// Runs `router` on a free loopback port for the duration of `body`.
func withTestServer<T: Sendable>(
    _ router: Router<BasicRequestContext>, server: HTTPServerBuilder = .http1(),
    _ body: @escaping @Sendable (Int) async throws -> T
) async throws -> T {
    var quiet = Logger(label: "test-server")
    quiet.logLevel = .critical
    return try await withRunningApplication(
        logger: quiet,
        { onRunning in
            Application(
                router: router, server: server,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: quiet)
        }, body)
}
