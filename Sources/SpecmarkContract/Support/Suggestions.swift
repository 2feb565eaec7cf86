/// The candidate closest to `word` for a "did you mean" note, or nil when none is close enough.
///
/// Distance is the Levenshtein distance over UTF-8 with ASCII letters lower-cased; a candidate qualifies when
/// its distance is at most a third of the word's length (at least 1, at most `maximumDistance`). A case-only
/// difference is distance 0 and always qualifies.
public func closestMatch(to word: String, in candidates: some Sequence<String>, maximumDistance: Int = 4) -> String? {
    // Over ASCII-lower-cased UTF-8: the length check is O(1) per candidate, and most fail it.
    let target = lowercasedBytes(word)
    guard !target.isEmpty else { return nil }
    let limit = min(maximumDistance, max(1, target.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where abs(candidate.utf8.count - target.count) <= limit && candidate != word {
        let letters = lowercasedBytes(candidate)
        // The same letters but for case (most broken links' targets) is distance 0: nothing later can be closer.
        if letters == target { return candidate }
        let distance = editDistance(target, letters, limit: limit)
        if distance <= limit, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

private func lowercasedBytes(_ text: String) -> [UInt8] {
    text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
}

/// Levenshtein distance, giving up (returning `limit + 1`) as soon as it must exceed `limit`.
func editDistance<T: Equatable>(_ lhs: [T], _ rhs: [T], limit: Int) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
        current[0] = i
        var rowMinimum = current[0]
        for j in 1...rhs.count {
            let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[rhs.count]
}
