/// The known name closest to a misspelt one, by edit distance without regard to case, for a did-you-mean.
enum NameSuggestion {
    /// The candidate nearest `name` within a distance that grows with its length (1 for names under 8 characters,
    /// 2 under 12, then 3); ties go to the alphabetically first; nil when none is that close.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().utf8)
        let limit = min(3, max(1, target.count / 4))
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let bytes = Array(candidate.lowercased().utf8)
            guard abs(bytes.count - target.count) <= limit,
                let distance = distance(target, bytes, limit: limit)
            else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// The Levenshtein distance of `a` and `b`, or nil when it is more than `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, byteA) in a.enumerated() {
            current[0] = i + 1
            var rowMinimum = current[0]
            for (j, byteB) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (byteA == byteB ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j + 1])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
