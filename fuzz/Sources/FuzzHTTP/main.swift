import FuzzSupport
import SpecmarkContract
import SpecmarkMarkdown

/// The HTTP message parser, as a request and as a response.
func fuzzHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let content = PositionedText(text, at: SourcePosition(line: 3, column: 1))
    _ = HTTPMessageParser.parseRequest(content)
    _ = HTTPMessageParser.parseResponse(content)
    return 0
}

runFuzzer { data, size in fuzzHTTP(data, size) }
