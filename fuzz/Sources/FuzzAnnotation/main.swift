import FuzzSupport
import SpecmarkContract
import SpecmarkMarkdown

/// The annotation decoder, through the HTML comment before an example block.
func fuzzAnnotation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let page = Array("<!-- ".utf8) + bytes + Array(" -->\n```http\nGET https://graph.microsoft.com/v1.0/me\n```\n".utf8)
    _ = PageExtractor().extract(bytes: page, file: "api/fuzz.md")
    return 0
}

runFuzzer { data, size in fuzzAnnotation(data, size) }
