/// DocFX `[!INCLUDE [title](path)]` directives, read from the source lines.
extension CommonMarkConverter {
    /// The include directives of a paragraph made only of `[!INCLUDE …]` lines, or nil.
    func wholeLineIncludes(_ lines: [ContentLine]) -> [IncludeDirective]? {
        var directives: [IncludeDirective] = []
        let bytes = source.bytes
        for line in lines {
            let trimmed = PipeTable.trim(bytes, line.content)
            guard !trimmed.isEmpty else { continue }
            guard bytes[trimmed.lowerBound] == UInt8(ascii: "["),
                let parsed = InlineScanner.parseInclude(
                    in: bytes, at: trimmed.lowerBound, end: trimmed.upperBound, line: line.line,
                    lineStart: source.lineStarts[line.line - 1]),
                parsed.end == trimmed.upperBound
            else { return nil }
            directives.append(parsed.directive)
        }
        return directives.isEmpty ? nil : directives
    }

    func includeDirectives(inLine line: Int) -> [IncludeDirective] {
        let span = source.byteRange(ofLine: line)
        let bytes = source.bytes
        var result: [IncludeDirective] = []
        var index = span.lowerBound
        while index + 1 < span.upperBound {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "!"),
                let parsed = InlineScanner.parseInclude(
                    in: bytes, at: index, end: span.upperBound, line: line, lineStart: span.lowerBound)
            {
                result.append(parsed.directive)
                index = parsed.end
            } else {
                index += 1
            }
        }
        return result
    }
}
