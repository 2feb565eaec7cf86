import Foundation
import Logging
import SpecmarkContract
import Testing

@testable import SpecmarkMock

#if canImport(Glibc)
    import Glibc
#endif

/// Bytes no HTTP client would send, written to the mock over a raw socket: it answers or closes the connection,
/// and keeps serving well-formed requests afterwards.
@Suite struct MalformedHTTPTests {
    /// Sends `bytes` on a fresh connection and returns what came back before the server closed or `seconds` passed
    /// without a byte.
    static func exchange(_ bytes: [UInt8], port: Int, seconds: Int = 1) -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "" }
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    static let health = Array("GET /__specmark/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)

    @Test func garbageNeverStopsTheServer() async throws {
        let docs = try await DocSet.load(
            [MockServerTests.samples.path], logger: Logger(label: "t"), display: { $0 })
        var quiet = Logger(label: "mock")
        quiet.logLevel = .critical
        let answers = try await withMockServer(
            docs: docs, configuration: MockConfiguration(host: "127.0.0.1", port: 0), logger: quiet
        ) { port in
            var answers: [String] = []
            let attacks: [[UInt8]] = [
                Array("GARBAGE\r\n\r\n".utf8),
                [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03],  // a TLS hello
                Array(("GET /" + String(repeating: "a", count: 200_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").utf8),
                Array(
                    ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 200_000) + "\r\n\r\n").utf8),
                Array(
                    "POST /v1.0/sensors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnot hex\r\n"
                        .utf8),
                Array("POST /v1.0/sensors HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".utf8),
                Array("GET /v1.0/sensors HTTP/9.9\r\n\r\n".utf8),
                Array("GET /v1.0/sensors HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc".utf8),  // body cut short
                [UInt8](repeating: 0, count: 4096),
            ]
            for attack in attacks {
                answers.append(Self.exchange(attack, port: port))
                // After each, a well-formed request is still answered.
                answers.append(Self.exchange(Self.health, port: port, seconds: 20))
            }
            return answers
        }
        for (index, answer) in answers.enumerated() where index % 2 == 1 {
            #expect(answer.hasPrefix("HTTP/1.1 200"), "health after attack \(index / 2)")
        }
        // Requests the server can read as HTTP get a 4xx, never a 5xx.
        for (index, answer) in answers.enumerated() where index % 2 == 0 && answer.hasPrefix("HTTP/1.1") {
            #expect(!answer.hasPrefix("HTTP/1.1 5"), "attack \(index / 2): \(answer.prefix(60))")
        }
    }
}
