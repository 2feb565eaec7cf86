import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

extension DeclaredPath {
    /// The range of the UTF-8 bytes `offset..<offset+length` of the path as the template holds it (the service
    /// root, when the line writes one, comes before it); ends are inclusive, like every range.
    func range(ofPathBytes offset: Int, length: Int) -> SourceRange {
        guard pathRange.start.line == pathRange.end.line else { return pathRange }
        let start = max(pathRange.start.column, pathRange.end.column - template.raw.utf8.count + 1) + offset
        return SourceRange(
            pathRange.start.line, start, pathRange.start.line, min(start + max(length, 1) - 1, pathRange.end.column))
    }

    /// The method token at the start of the line.
    var methodRange: SourceRange {
        SourceRange(
            range.start.line, range.start.column, range.start.line, range.start.column + method.utf8.count - 1)
    }
}
