import SpecmarkMarkdown

/// The lines findings point at, for carets and for converting byte columns: each file read once, files
/// concurrently.
public enum SourceLines {
    /// The text of every line a diagnostic or one of its notes starts or ends on, by file and line number.
    public static func read(for diagnostics: [Diagnostic]) async -> [String: [Int: String]] {
        var wanted: [String: Set<Int>] = [:]
        // A file that could not be read, or was skipped as too large or binary, has no line to show.
        for diagnostic in diagnostics where diagnostic.ruleID != ExtractionFinding.fileUnreadable.ruleID {
            wanted[diagnostic.location.file, default: []].formUnion([
                diagnostic.location.range.start.line, diagnostic.location.range.end.line,
            ])
            for note in diagnostic.notes {
                if let location = note.location { wanted[location.file, default: []].insert(location.range.start.line) }
            }
        }
        let files = await concurrentMap(Array(wanted)) { file, lines -> (String, [Int: String])? in
            guard case .success(let bytes) = FileReader.read(file) else { return nil }
            let text = SourceText(bytes: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
            var found: [Int: String] = [:]
            for line in lines where line >= 1 && line <= text.lineCount {
                found[line] = text.line(line)
            }
            return (file, found)
        }
        return Dictionary(files.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }
}
