internal import Yams

/// The YAML front matter of a page: `---` on line 1 through the closing `---`.
public struct FrontMatter: Hashable, Sendable {
    /// From the opening `---` to the closing `---`, inclusive.
    public var range: SourceRange
    /// The top-level keys, in source order.
    public var entries: [FrontMatterEntry]

    /// The entry for `key` (exact match), if present.
    public subscript(key: String) -> FrontMatterEntry? {
        index(of: key).map { entries[$0] }
    }

    /// The string value for `key`, if present and a scalar.
    public func string(_ key: String) -> String? {
        guard let index = index(of: key), case .string(let value) = entries[index].value else { return nil }
        return value
    }

    /// The position of `key`'s entry. Keys are compared where they lie: `first(where:)` would copy every entry it
    /// passes (a retain for each of its strings).
    private func index(of key: String) -> Int? {
        for index in entries.indices where entries[index].key == key { return index }
        return nil
    }
}

/// One key of the front matter and its value.
public struct FrontMatterEntry: Hashable, Sendable {
    public var key: String
    public var value: FrontMatterValue
    /// The key's range.
    public var keyRange: SourceRange
    /// The value's range: the whole of a one-line scalar (quotes included), else its start (YAML gives no end for
    /// every node kind).
    public var valueRange: SourceRange
}

/// A front-matter value: scalars as strings, lists of scalars as lists.
public enum FrontMatterValue: Hashable, Sendable {
    case string(String)
    case list([String])
    case mapping([FrontMatterEntry])
    case null

    /// The text of a scalar value.
    public var scalar: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// Reads front matter off the first lines of a page.
enum FrontMatterReader {
    /// The result of looking for front matter.
    struct Result {
        var frontMatter: FrontMatter?
        /// The lines to blank before cmark sees the text (1-based, inclusive).
        var blankedLines: ClosedRange<Int>?
        var problems: [MarkdownProblem]
    }

    /// How front matter is read: each reader answers what the next gives for the text it reads, and leaves the
    /// rest to it; Yams reads everything, and its messages are the reference (tests compare the three).
    enum Reader: CaseIterable {
        /// One `key: value` scalar per line (``FrontMatterLines``), then libyaml's events, then Yams.
        case lines
        /// libyaml's events (``FrontMatterEvents``), then Yams.
        case events
        /// Yams alone.
        case yams
    }

    /// Reads the front matter, starting with `reader`.
    static func read(_ source: SourceText, reader: Reader = .lines) -> Result {
        guard source.lineCount >= 1, isDelimiter(source.lineBytes(1), allowDots: false) else {
            return Result(frontMatter: nil, blankedLines: nil, problems: [])
        }
        var closing: Int?
        var lineNumber = 2
        while lineNumber <= source.lineCount {
            if isDelimiter(source.lineBytes(lineNumber), allowDots: true) {
                closing = lineNumber
                break
            }
            lineNumber += 1
        }
        guard let closing else {
            let problem = MarkdownProblem.frontMatterUnclosed(at: SourceRange(1, 1, 1, 3))
            return Result(frontMatter: nil, blankedLines: nil, problems: [problem])
        }
        let range = SourceRange(1, 1, closing, max(1, source.lineLength(closing)))
        var problems: [MarkdownProblem] = []
        var entries: [FrontMatterEntry] = []
        if closing > 2 {
            if reader == .lines, let read = FrontMatterLines.entries(lines: 2..<closing, source: source) {
                return Result(
                    frontMatter: FrontMatter(range: range, entries: read), blankedLines: 1...closing, problems: [])
            }
            let yamlBytes = source.bytes[source.lineStarts[1]..<source.lineStarts[closing - 1]]
            if reader != .yams, let read = FrontMatterEvents.entries(yamlBytes, source: source) {
                return Result(
                    frontMatter: FrontMatter(range: range, entries: read), blankedLines: 1...closing, problems: [])
            }
            let yaml = String(decoding: yamlBytes, as: UTF8.self)
            do {
                // The basic resolver keeps every scalar a string (we report values as written) and skips the regular
                // expressions of implicit typing; an explicit encoding skips Yams' per-parse environment lookup.
                if let root = try Yams.compose(yaml: yaml, .basic, .default, .utf8) {
                    if let mapping = root.mapping {
                        entries = convert(mapping, source: source, problems: &problems)
                    } else {
                        problems.append(
                            .notAMapping(
                                at: position(root.mark, source: source).map(SourceRange.init(at:))
                                    ?? SourceRange(2, 1, 2, 1)))
                    }
                }
            } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
                // Yams rejects the whole mapping: point at each repeated key, then read the rest with each key's
                // first occurrence only, so the page's other keys (its title) are still there.
                // Yams names the repeated keys of one mapping at a time: read again until none is left.
                var repeated = duplicates
                for _ in 0..<8 {
                    let firstOnly = firstOccurrencesOnly(repeated, lines: 2..<closing, source: source)
                    do {
                        if let mapping = try Yams.compose(yaml: firstOnly, .basic, .default, .utf8)?.mapping {
                            var ignored: [MarkdownProblem] = []
                            entries = convert(mapping, source: source, problems: &ignored)
                        }
                        break
                    } catch YamlError.duplicatedKeysInMapping(let more, _) {
                        repeated += more
                    } catch {
                        break
                    }
                }
                problems.append(
                    contentsOf: duplicateKeyProblems(Array(Set(repeated)), lines: 2..<closing, source: source))
            } catch let error as YamlError {
                problems.append(problem(for: error, source: source))
            } catch {
                problems.append(.notYAML(nil, at: SourceRange(2, 1, 2, 1)))
            }
        }
        return Result(
            frontMatter: FrontMatter(range: range, entries: entries), blankedLines: 1...closing, problems: problems)
    }

    /// The lines of a repeated key after its first within one mapping, where the key starts on each (it may be
    /// indented, in a nested mapping). A mapping is the lines at one indent under one parent line.
    private static func repeatedKeys(
        _ key: String, lines: Range<Int>, source: SourceText
    ) -> (first: Int?, repeats: [(line: Int, indent: Int)]) {
        let prefix = Array((key + ":").utf8)
        var parents: [(indent: Int, line: Int)] = []
        var seen = Set<[Int]>()
        var first: Int?
        var repeats: [(line: Int, indent: Int)] = []
        for line in lines {
            let bytes = source.lineBytes(line)
            let indent = bytes.prefix { $0 == 0x20 }.count
            guard indent < bytes.count else { continue }  // blank lines start nothing
            while let last = parents.last, last.indent >= indent { parents.removeLast() }
            if bytes.dropFirst(indent).starts(with: prefix) {
                first = first ?? line
                if !seen.insert([parents.last?.line ?? 0, indent]).inserted { repeats.append((line, indent)) }
            }
            parents.append((indent, line))
        }
        return (first, repeats)
    }

    /// The range of a value starting at `start`: to its last byte when it is a scalar written on that line as it
    /// reads (plain, or in quotes without escapes), else the start alone.
    static func valueRange(at start: SourcePosition, of scalar: String?, source: SourceText) -> SourceRange {
        guard let scalar, !scalar.isEmpty, start.line >= 1, start.line <= source.lineCount else {
            return SourceRange(at: start)
        }
        let line = source.lineBytes(start.line)
        let from = line.startIndex + start.column - 1
        guard from >= line.startIndex, from < line.endIndex else { return SourceRange(at: start) }
        let written = line[from...]
        let text = scalar.utf8
        var length = 0
        func reads(at offset: Int) -> Bool {
            written.count >= offset + text.count
                && ByteSearch.equal(written.dropFirst(offset).prefix(text.count), text, ignoringASCIICase: false)
        }
        if reads(at: 0) {
            length = text.count
        } else if let quote = written.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), reads(at: 1),
            written.dropFirst(text.count + 1).first == quote
        {
            length = text.count + 2
        }
        guard length > 0 else { return SourceRange(at: start) }
        return SourceRange(start.line, start.column, start.line, start.column + length - 1)
    }

    private static func duplicateKeyProblems(
        _ keys: [String], lines: Range<Int>, source: SourceText
    ) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        for key in keys.sorted() {
            let repeats = repeatedKeys(key, lines: lines, source: source).repeats
            for (line, indent) in repeats {
                problems.append(.keyRepeated(key, at: SourceRange(line, indent + 1, line, indent + key.utf8.count)))
            }
            // A key written another way (quoted) is not found on its line: the front matter's first line stands in.
            if repeats.isEmpty {
                problems.append(.keyRepeated(key, at: SourceRange(lines.lowerBound, 1, lines.lowerBound, 1)))
            }
        }
        return problems
    }

    /// The front matter's YAML with every repeated key's later occurrences (and the lines indented under them)
    /// blanked, lines kept, so marks still point at the page's lines.
    private static func firstOccurrencesOnly(_ keys: [String], lines: Range<Int>, source: SourceText) -> String {
        var blanked = Set<Int>()
        for key in keys {
            for (line, indent) in repeatedKeys(key, lines: lines, source: source).repeats {
                blanked.insert(line)
                var next = line + 1
                while next < lines.upperBound {
                    let bytes = source.lineBytes(next)
                    let nextIndent = bytes.prefix { $0 == 0x20 }.count
                    guard nextIndent == bytes.count || nextIndent > indent else { break }
                    blanked.insert(next)
                    next += 1
                }
            }
        }
        return lines.map { blanked.contains($0) ? "" : String(decoding: source.lineBytes($0), as: UTF8.self) }
            .joined(separator: "\n") + "\n"
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == UInt8(ascii: "-") }
            || (allowDots && trimmed.allSatisfy { $0 == UInt8(ascii: ".") })
    }

    private static func convert(
        _ mapping: Node.Mapping, source: SourceText, problems: inout [MarkdownProblem]
    ) -> [FrontMatterEntry] {
        var entries: [FrontMatterEntry] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let keyPosition = position(keyNode.mark, source: source) ?? SourcePosition(line: 2, column: 1)
            let keyRange = SourceRange(
                start: keyPosition,
                end: SourcePosition(line: keyPosition.line, column: keyPosition.column + max(0, key.utf8.count - 1)))
            if !seen.insert(key).inserted {
                problems.append(.keyRepeated(key, at: keyRange))
            }
            let valuePosition = position(valueNode.mark, source: source) ?? keyPosition
            let converted = value(of: valueNode, source: source, problems: &problems)
            entries.append(
                FrontMatterEntry(
                    key: key, value: converted, keyRange: keyRange,
                    valueRange: valueRange(at: valuePosition, of: converted.scalar, source: source)))
        }
        return entries
    }

    private static func value(of node: Node, source: SourceText, problems: inout [MarkdownProblem]) -> FrontMatterValue
    {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map { $0.string ?? "" })
        case .mapping(let mapping):
            return .mapping(convert(mapping, source: source, problems: &problems))
        case .alias:
            return .null
        }
    }

    /// Converts a Yams mark (1-based line in the YAML text, column in Unicode scalars) into a file position.
    private static func position(_ mark: Mark?, source: SourceText) -> SourcePosition? {
        guard let mark else { return nil }
        let line = mark.line + 1
        return SourcePosition(line: line, column: byteColumn(line: line, scalarColumn: mark.column, source: source))
    }

    /// Converts a libyaml mark (0-based line in the YAML text, 0-based column in Unicode scalars) into a file
    /// position: what `position(_:source:)` gives for the Yams mark of the same event.
    static func position(yamlLine: Int, column: Int, source: SourceText) -> SourcePosition {
        let line = yamlLine + 2
        return SourcePosition(line: line, column: byteColumn(line: line, scalarColumn: column + 1, source: source))
    }

    /// The 1-based byte column just past the first `scalarColumn - 1` Unicode scalars of a line (Yams counts
    /// columns in scalars), counting scalars by their lead bytes.
    private static func byteColumn(line: Int, scalarColumn: Int, source: SourceText) -> Int {
        let skip = scalarColumn - 1
        guard skip > 0, line >= 1, line <= source.lineCount else { return 1 }
        var started = 0
        var offset = 0
        for byte in source.lineBytes(line) {
            if byte & 0xC0 != 0x80 {
                if started == skip { break }
                started += 1
            }
            offset += 1
        }
        return 1 + offset
    }

    private static func problem(for error: YamlError, source: SourceText) -> MarkdownProblem {
        let detail: String
        var mark: Mark?
        var notes: [MarkdownProblem.Note] = []
        switch error {
        case .scanner(let context, let problem, let errorMark, let yaml),
            .parser(let context, let problem, let errorMark, let yaml),
            .composer(let context, let problem, let errorMark, let yaml):
            detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            mark = errorMark
            // libyaml notices an unclosed quote or bracket only at the end of the text; the construct that
            // was never closed starts at the context mark, which is the line an author must fix.
            let yamlLines = yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let context, errorMark.line >= yamlLines, context.mark.line < errorMark.line {
                mark = context.mark
            } else if let context, context.mark.line < errorMark.line || context.mark.column < errorMark.column,
                let start = position(context.mark, source: source)
            {
                // Where the construct being read started ("while parsing a flow sequence"), as a related place.
                let construct =
                    context.text.hasPrefix("while parsing ")
                    ? String(context.text.dropFirst("while parsing ".count)) : context.text
                notes.append(MarkdownProblem.Note("\(construct) starts here", at: SourceRange(at: start)))
            }
        case .reader(let problem, _, _, _):
            detail = problem
            mark = nil
        default:
            detail = "\(error)"
            mark = nil
        }
        let position = position(mark, source: source) ?? SourcePosition(line: 2, column: 1)
        return .notYAML(detail, at: SourceRange(at: position), notes: notes)
    }
}

extension MarkdownProblem {
    fileprivate static func frontMatterUnclosed(at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .frontMatterUnclosed, message: "front matter opened with '---' is never closed with '---'",
            range: range)
    }

    fileprivate static func notAMapping(at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .frontMatterInvalid, message: "front matter is not a set of 'key: value' lines", range: range)
    }

    fileprivate static func notYAML(_ detail: String?, at range: SourceRange, notes: [Note] = []) -> MarkdownProblem {
        MarkdownProblem(
            kind: .frontMatterInvalid, message: "front matter is not valid YAML\(detail.map { ": \($0)" } ?? "")",
            range: range, notes: notes)
    }

    fileprivate static func keyRepeated(_ key: String, at range: SourceRange) -> MarkdownProblem {
        MarkdownProblem(
            kind: .frontMatterDuplicateKey, message: "front matter key '\(key)' appears more than once", range: range)
    }
}
