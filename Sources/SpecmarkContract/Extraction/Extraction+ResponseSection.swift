import SpecmarkMarkdown

extension Extraction {
    func responseSection(_ section: OutlineEntry) -> ResponseSection {
        var statuses: [StatedStatus] = []
        var linked: [Link] = []
        var text = ""
        for paragraph in Self.paragraphs(in: allBlocks(of: section)) {
            text += paragraph.text.lowercased() + " "
            for link in paragraph.links where !link.isImage && Self.isResourceLink(link.destination) {
                linked.append(link)
            }
            statuses.append(contentsOf: statedStatuses(in: paragraph))
        }
        let noBody =
            text.containsBytes("does not return anything") || text.containsBytes("doesn't return anything")
            || text.containsBytes("no response body") || text.containsBytes("empty response body")
        let body = !noBody && (text.containsBytes("in the response body") || text.containsBytes("object in the body"))
        let collection =
            text.containsBytes("collection of") || text.containsBytes("collection in the response")
            || text.containsBytes("list of")
        return ResponseSection(
            range: section.heading.range, statuses: statuses, linkedTypes: linked,
            promisesCollection: collection, promisesBody: body, promisesNoBody: noBody)
    }

    static func isResourceLink(_ destination: String) -> Bool {
        let path = destination.firstPiece(separatedBy: UInt8(ascii: "#")).map(String.init) ?? destination
        return path.hasSuffix(".md") && (path.containsBytes("resources/") || !path.contains("/"))
    }

    /// Status codes a paragraph states: in code spans (`` `201 Created` ``) or before "response code".
    func statedStatuses(in paragraph: Paragraph) -> [StatedStatus] {
        var result: [StatedStatus] = []
        var seen = Set<Int>()
        for span in paragraph.codeSpans {
            if let (code, reason) = Self.status(in: span.text, requireWholeText: true) {
                result.append(StatedStatus(code: code, reason: reason, range: span.range))
                seen.insert(code)
            }
        }
        // Plain text: "returns a 200 OK response code", "returns 204 No Content". Words are slices; only a word
        // that is a three-digit number is looked at further, and a paragraph without three digits in a row has none.
        let text = paragraph.text
        guard Self.hasThreeDigitsInARow(text) else { return result.sorted { $0.range.start < $1.range.start } }
        let words = text.splitBytes(UInt8(ascii: " "))
        for (index, word) in words.enumerated()
        where word.utf8.count >= 3 && word.utf8.contains(where: { (0x30...0x39).contains($0) }) {
            let digits = word.trimming("`*,.;:()")
            guard digits.utf8.count == 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let code = Int(digits),
                (100...599).contains(code), !seen.contains(code)
            else {
                continue
            }
            let before = index > 0 ? words[index - 1].lowercased() : ""
            var reasonWords: [String] = []
            var cursor = index + 1
            while cursor < words.count, let first = words[cursor].first, first.isUppercase, reasonWords.count < 4 {
                reasonWords.append(words[cursor].trimming("`*,.;:()"))
                cursor += 1
            }
            let after = words[cursor..<min(words.count, cursor + 2)].joined(separator: " ").lowercased()
            let stated =
                ["returns", "a", "return", "an", "http", "with"].contains(before)
                || after.hasPrefix("response") || after.hasPrefix("status")
            guard stated else { continue }
            seen.insert(code)
            let range = locate(digits, in: paragraph.range) ?? paragraph.range
            result.append(StatedStatus(code: code, reason: reasonWords.joined(separator: " "), range: range))
        }
        return result.sorted { $0.range.start < $1.range.start }
    }

    /// Whether `text` holds three ASCII digits in a row, as a status code does.
    static func hasThreeDigitsInARow(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    /// `200 OK` → (200, "OK"); with `requireWholeText`, the text must be only a status.
    static func status(in text: String, requireWholeText: Bool) -> (Int, String)? {
        let trimmed = text.trimmingSpaces()
        var body = Substring(trimmed)
        if body.hasPrefix("HTTP/") { body = body.drop { $0 != " " }.dropFirst() }
        let digits = body.prefix(3)
        guard digits.count == 3, digits.allSatisfy(\.isNumber), let code = Int(digits), (100...599).contains(code)
        else {
            return nil
        }
        let rest = body.dropFirst(3)
        guard rest.isEmpty || rest.first == " " else { return nil }
        let reason = String(rest).trimmingSpaces()
        if requireWholeText, !reason.isEmpty, !reason.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" })
        {
            return nil
        }
        return (code, reason)
    }

    /// The range of the first occurrence of `text` within `range`'s lines.
    func locate(_ text: String, in range: SourceRange) -> SourceRange? {
        let needle = Array(text.utf8)
        for line in range.start.line...max(range.start.line, range.end.line) where line <= document.source.lineCount {
            let bytes = document.source.lineBytes(line)
            if !needle.isEmpty, let found = ByteSearch.firstIndex(of: needle, in: bytes) {
                let column = found - bytes.startIndex + 1
                return SourceRange(line, column, line, column + needle.count - 1)
            }
        }
        return nil
    }
}
