import FuzzSupport
import SpecmarkContract
import SpecmarkMarkdown

/// The GFM pipe-table recogniser over cmark's paragraphs: the input follows a valid header and delimiter row,
/// and is also tried on its own.
func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    _ = MarkdownDocument.parse(bytes: Array("| a | b | c |\n|:--|:-:|--:|\n".utf8) + bytes, path: "t.md")
    _ = MarkdownDocument.parse(bytes: bytes, path: "t.md")
    return 0
}

runFuzzer { data, size in fuzzTable(data, size) }
