import SpecmarkContract
import SpecmarkMarkdown

extension PageContract {
    /// Whether request `index`, whose path matches none of the declared `templates` (aliases applied), calls a
    /// related endpoint on purpose, as the prose leading to it says. Pages do this to show a neighbour of the
    /// method: the **search** method on the Drive resource from the item-search page, the range's `format/font`
    /// from the range-format update, a group `PATCH` with `members@odata.bind` from the add-member page.
    ///
    /// The example says so when its last named segment is new to the declared paths and the lead prose names it
    /// ("This request updates the **font**", "the [WorkbookRangeFont](…)"), every other named segment is one the
    /// declared paths use (a typo earlier in the path is still a typo), and the last one is no small edit of a
    /// declared name (`chidlren` is not `children` explained). A last segment that the declared paths also end
    /// in explains nothing by itself; the segment it is bound to must then differ from theirs and be named too
    /// (`/me/drive/search` against `/me/drive/root/search`: "the search method on the Drive resource"). Or the
    /// example uses a method none of the declared paths has, on segments they all use, and the lead prose names
    /// that method ("in a PATCH operation").
    func callsRelatedEndpoint(
        request index: Int, declared templates: [PathTemplate], aliases: PathTemplate.Aliases
    ) -> Bool {
        let request = requests[index]
        guard let url = request.url, !request.leadProse.isEmpty else { return false }
        let path = url.template.applying(aliases)
        guard let closest = templates.min(by: { $0.distance(to: path) < $1.distance(to: path) }) else { return false }
        let declaredNames = templates.map { $0.segmentNames.compactMap { $0?.lowercased() } }
        let known = Set(declaredNames.joined())
        // A sample key where the closest declared path has a placeholder (`groups/4a1e`) names nothing.
        let closestNames = closest.segmentNames
        let names = path.segmentNames.enumerated().compactMap { position, name -> String? in
            guard let name = name?.lowercased() else { return nil }
            let isKey = !known.contains(name) && position < closestNames.count && closestNames[position] == nil
            return isKey ? nil : name
        }
        guard let last = names.last else { return false }
        guard names.dropLast().allSatisfy(known.contains) else { return false }
        let prose = ProseWords(request.leadProse)
        if let method = request.method, known.contains(last),
            !(self.method?.declaredPaths.contains { $0.method == method } ?? true)
        {
            return prose.namesMethod(method)
        }
        guard last.utf8.count >= 3,
            known.contains(last) || closestMatch(to: last, in: known, maximumDistance: 2) == nil,
            prose.names(last)
        else { return false }
        let endingInLast = declaredNames.filter { $0.last == last }
        guard !endingInLast.isEmpty else { return true }
        // The declared paths end in the same name: the example must bind it to something else, and say so.
        guard names.count >= 2 else { return false }
        let boundTo = names[names.count - 2]
        return !endingInLast.contains { $0.count >= 2 && $0[$0.count - 2] == boundTo } && prose.names(boundTo)
    }
}

/// The words of some prose, for asking whether it names a path segment.
struct ProseWords {
    /// Every word lower-cased, and the tails of camel-case words from each capital (`rangefont`, `font` from
    /// `WorkbookRangeFont`).
    private(set) var words: Set<String> = []
    /// The words written in capitals (`PATCH`).
    private(set) var capitalWords: Set<String> = []

    /// `byCharacters` reads ASCII paragraphs the general way too (for checking the byte path against it).
    init(_ paragraphs: [String], byCharacters: Bool = false) {
        for paragraph in paragraphs {
            if !byCharacters, paragraph.isAllASCII {
                insertASCIIWords(of: paragraph)
                continue
            }
            for word in paragraph.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                words.insert(word.lowercased())
                if word.allSatisfy({ $0.isUppercase }) { capitalWords.insert(String(word)) }
                for index in word.indices.dropFirst() where word[index].isUppercase {
                    words.insert(word[index...].lowercased())
                }
            }
        }
    }

    /// What the Character walk above does for an ASCII paragraph, by bytes: its letters are A-Z and a-z, its
    /// numbers 0-9, and its capitals A-Z.
    private mutating func insertASCIIWords(of paragraph: String) {
        let bytes = Array(paragraph.utf8)
        func isCapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isWordByte(_ byte: UInt8) -> Bool {
            isCapital(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        func lowered(_ word: ArraySlice<UInt8>) -> String {
            String(decoding: word.map(ByteSearch.lowered), as: UTF8.self)
        }
        var start = 0
        while start < bytes.count {
            guard isWordByte(bytes[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            let word = bytes[start..<end]
            words.insert(lowered(word))
            if word.allSatisfy(isCapital) { capitalWords.insert(String(decoding: word, as: UTF8.self)) }
            for index in (start + 1)..<end where isCapital(bytes[index]) {
                words.insert(lowered(bytes[index..<end]))
            }
            start = end
        }
    }

    /// Whether the prose names the segment, in the singular or the plural.
    func names(_ segment: String) -> Bool {
        words.contains(segment) || words.contains(segment + "s")
            || (segment.hasSuffix("s") && words.contains(String(segment.dropLast())))
    }

    func namesMethod(_ method: String) -> Bool { capitalWords.contains(method.uppercased()) }
}
