// `make bench-instructions`: the lint's work on a set of pages, on one thread with no concurrency runtime, for
// valgrind's callgrind. Debian 12's valgrind 3.19 aborts as soon as Swift's concurrency runtime starts a pool
// thread, so the CLI cannot be measured under it; this driver runs the same steps as `specmark lint` (read,
// parse, extract, merge, every rule on every page and on the doc set) in the same order, synchronously. Run it
// once per phase: the differences between phases are the instructions each phase costs.
//
//     specmark-instructions PHASE [--every N] [--metadata FILE] PATH...
//
// PHASE is `read` (discover and read the files), `parse` (also cmark and the Markdown model), `extract` (also
// the page contracts and the doc set) or `lint` (also every rule with the default configuration). `--every N`
// takes every N-th page in sorted order, so a run under callgrind stays short. Prints what it did, so two builds
// can be checked to have done the same work. `--metadata FILE` reads a CSDL file in the `extract` phase and applies
// it to the doc set, as `specmark lint --metadata FILE` does, so `lint` also runs the metadata rules' checks.

import Foundation
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown

enum Phase: String, CaseIterable {
    case read, parse, extract, lint
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let phaseName = arguments.first, let phase = Phase(rawValue: phaseName) else {
    FileHandle.standardError.write(
        Data("usage: specmark-instructions read|parse|extract|lint [--every N] [--metadata FILE] PATH...\n".utf8))
    exit(2)
}
arguments.removeFirst()
var every = 1
if let flag = arguments.firstIndex(of: "--every"), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]),
    value > 0
{
    every = value
    arguments.removeSubrange(flag...(flag + 1))
}
var metadata: [MetadataSource] = []
if let flag = arguments.firstIndex(of: "--metadata"), flag + 1 < arguments.count {
    metadata = [MetadataSource(argument: arguments[flag + 1])]
    arguments.removeSubrange(flag...(flag + 1))
}

let discovery: FileDiscovery.Result
do {
    discovery = try FileDiscovery().discover(arguments)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
let files = discovery.files.sorted().enumerated().filter { $0.offset % every == 0 }.map(\.element)
var bytesRead = 0
var blocks = 0
var pages: [PageContract] = []
let extractor = PageExtractor()
for path in files {
    guard case .success(let bytes) = FileReader.read(path), !FileReadError.looksBinary(bytes) else { continue }
    bytesRead += bytes.count
    switch phase {
    case .read: break
    case .parse: blocks += MarkdownDocument.parse(bytes: bytes, path: path).blocks.count
    case .extract, .lint: pages.append(extractor.extract(bytes: bytes, file: path))
    }
}
var summary = "\(files.count) files, \(bytesRead) bytes"
if phase == .parse { summary += ", \(blocks) top-level blocks" }
if phase == .extract || phase == .lint {
    var docs = DocSet(pages: pages, issues: discovery.issues)
    if !metadata.isEmpty {
        do {
            docs.apply(try MetadataCatalog.load(metadata))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        summary += ", metadata \(docs.metadata.entries.map(\.metadata.types.count)) types"
    }
    summary += ", \(docs.pages.count) pages, \(docs.allIssues.count) issues"
    if phase == .lint {
        let context = RuleContext()
        let configuration = LintConfiguration.default
        let rules = BuiltInRules.all.filter {
            configuration.severity(for: $0.description) != nil || !$0.reportsFor.isEmpty
        }
        var findings = 0
        // Through their `pageCheck`, by index, as the linter calls them.
        let pageChecks = rules.filter(\.isPageRule).map(\.pageCheck)
        for page in docs.pages {
            var report = Findings(file: page.file)
            for ruleIndex in pageChecks.indices {
                pageChecks[ruleIndex].run(page, docs, context, &report)
                guard !report.items.isEmpty else { continue }
                findings += report.items.count
                report.removeAll()
            }
        }
        for rule in rules where !rule.isPageRule {
            var report = Findings(file: "")
            rule.check(docs, context: context, report: &report)
            findings += report.items.count
        }
        summary += ", \(findings) findings"
    }
}
print(summary)
