import FuzzSupport
import SpecmarkContract
import SpecmarkMarkdown

/// The positional JSON parser, strict and with every tolerance.
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    _ = JSONParser.parse(text, tolerating: [])
    _ = JSONParser.parse(text, tolerating: Set(JSONTolerance.Kind.allCases))
    return 0
}

runFuzzer { data, size in fuzzJSON(data, size) }
