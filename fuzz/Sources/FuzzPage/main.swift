import FuzzSupport
import SpecmarkContract
import SpecmarkLint

/// Markdown parse, contract extraction and every lint rule, on one page of arbitrary bytes.
func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let page = PageExtractor().extract(bytes: bytes, file: "api/fuzz.md")
    let docs = DocSet(pages: [page])
    let options = RuleOptions()
    for rule in BuiltInRules.all {
        var findings = Findings(file: page.file)
        if rule.isPageRule {
            rule.check(page, in: docs, options: options, report: &findings)
        } else {
            rule.check(docs, options: options, report: &findings)
        }
        for finding in findings.items {
            precondition(finding.range.start.line >= 1 && finding.range.start.line <= page.lineCount + 1, "finding outside the page")
        }
    }
    return 0
}

runFuzzer { data, size in fuzzPage(data, size) }
