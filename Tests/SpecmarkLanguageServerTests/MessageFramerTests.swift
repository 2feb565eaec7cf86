import Testing

@testable import SpecmarkLanguageServer

@Suite struct MessageFramerTests {
    static func contents(_ results: [Result<[UInt8], MessageFramer.FramingError>]) -> [String] {
        results.map { result in
            switch result {
            case .success(let bytes): String(decoding: bytes, as: UTF8.self)
            case .failure(let error): "error: \(error)"
            }
        }
    }

    @Test func messagesCutAnywhereAreReassembled() {
        let stream = Array((MessageFramer.frame(Array("{\"a\":1}".utf8)) + MessageFramer.frame(Array("{}".utf8))))
        // Every cut of the stream into two reads gives the same two messages.
        for cut in 0...stream.count {
            var framer = MessageFramer()
            let first = framer.feed(stream[..<cut])
            let second = framer.feed(stream[cut...])
            #expect(Self.contents(first + second) == ["{\"a\":1}", "{}"], "cut at \(cut)")
            #expect(framer.pendingCount == 0)
        }
    }

    @Test func byteByByteReadsAndOtherHeadersAreFine() {
        var framer = MessageFramer()
        let stream = Array(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  5\r\n\r\nhello".utf8)
        var results: [Result<[UInt8], MessageFramer.FramingError>] = []
        for byte in stream { results += framer.feed([byte]) }
        #expect(Self.contents(results) == ["hello"])
    }

    @Test func aHeaderWithoutALengthIsReportedAndTheNextMessageStillReads() {
        var framer = MessageFramer()
        let results = framer.feed(Array("Content-Size: 3\r\n\r\n".utf8) + MessageFramer.frame(Array("{}".utf8)))
        #expect(
            Self.contents(results) == [
                "error: a message header has no usable Content-Length ('Content-Size: 3')", "{}",
            ])
        let huge = framer.feed(Array("Content-Length: 999999999999\r\n\r\n".utf8))
        #expect(Self.contents(huge).first?.hasPrefix("error: a message header has no usable Content-Length") == true)
    }

    @Test func aStreamWithoutHeadersIsDroppedOnceItIsTooLongToBeOne() {
        var framer = MessageFramer()
        #expect(framer.feed([UInt8](repeating: UInt8(ascii: "x"), count: 1000)).isEmpty)
        let results = framer.feed([UInt8](repeating: UInt8(ascii: "x"), count: 70_000))
        #expect(Self.contents(results) == ["error: a message header is longer than 64 KB"])
        #expect(framer.pendingCount == 0)
    }
}
