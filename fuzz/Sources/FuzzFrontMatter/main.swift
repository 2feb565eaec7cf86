import FuzzSupport
import SpecmarkContract
import SpecmarkMarkdown

/// The front-matter reader (Yams), between the `---` fences.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    _ = MarkdownDocument.parse(bytes: Array("---\n".utf8) + bytes + Array("\n---\n# Title\n".utf8), path: "f.md")
    return 0
}

runFuzzer { data, size in fuzzFrontMatter(data, size) }
