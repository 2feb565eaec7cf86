/// The candidate closest to `word` for a "did you mean" note, or nil when none is close enough.
///
/// Distance is the Levenshtein distance over lower-cased Unicode scalars; a candidate qualifies when its
/// distance is at most a third of the word's length (at least 1, at most `maximumDistance`). A case-only
/// difference is distance 0 and always qualifies.
public func closestMatch(to word: String, in candidates: some Sequence<String>, maximumDistance: Int = 4) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = min(maximumDistance, max(1, target.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
        let scalars = Array(candidate.lowercased().unicodeScalars)
        guard abs(scalars.count - target.count) <= limit else { continue }
        let distance = editDistance(target, scalars, limit: limit)
        if distance <= limit, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
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
