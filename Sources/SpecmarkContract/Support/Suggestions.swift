/// The candidate closest to `word` for a "did you mean" note, or nil when none is close enough.
///
/// Distance is the Levenshtein distance over UTF-8 with ASCII letters lower-cased; a candidate qualifies when
/// its distance is at most a third of the word's length (at least 1, at most `maximumDistance`). A case-only
/// difference is distance 0 and always qualifies. Of equally close candidates the first in `candidates` wins, so
/// pass them in a stable order (not a `Set`'s or a `Dictionary`'s, which changes from run to run).
public func closestMatch(to word: String, in candidates: some Sequence<String>, maximumDistance: Int = 4) -> String? {
    // Over ASCII-lower-cased UTF-8: the length check is O(1) per candidate, and most fail it.
    let target = lowercasedBytes(word)
    guard !target.isEmpty else { return nil }
    let limit = min(maximumDistance, max(1, target.count / 3))
    var best: (candidate: String, distance: Int)?
    // One buffer for the candidate's letters and one for the distance rows, reused for every candidate.
    var letters: [UInt8] = []
    var rows: [Int] = []
    for candidate in candidates where abs(candidate.utf8.count - target.count) <= limit && candidate != word {
        letters.removeAll(keepingCapacity: true)
        letters.append(contentsOf: candidate.utf8)
        for index in letters.indices where letters[index] >= 0x41 && letters[index] <= 0x5A { letters[index] |= 0x20 }
        // The same letters but for case (most broken links' targets) is distance 0: nothing later can be closer.
        if letters == target { return candidate }
        // Only a candidate closer than the best so far can replace it, so the bound tightens as the search goes.
        let bound = min(limit, (best?.distance ?? Int.max) - 1)
        let distance = boundedEditDistance(target, letters, limit: bound, rows: &rows)
        if distance <= bound { best = (candidate, distance) }
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

/// The Levenshtein distance between `lhs` and `rhs` when it is at most `limit`, else some value above `limit`;
/// `editDistance`'s answer wherever that is within the limit.
///
/// Only the diagonal band `|i - j| <= limit` is computed: a cell further off is at least its offset, so no path
/// through it stays within the limit. The two rows live in `rows`, which the caller keeps between calls.
func boundedEditDistance(_ lhs: [UInt8], _ rhs: [UInt8], limit: Int, rows: inout [Int]) -> Int {
    let (n, m) = (lhs.count, rhs.count)
    let over = limit + 1
    guard limit >= 0, abs(n - m) <= limit else { return over }
    if n == 0 || m == 0 { return max(n, m) }
    if rows.count < 2 * (m + 1) { rows = [Int](repeating: 0, count: 2 * (m + 1)) }
    return lhs.withUnsafeBufferPointer { lhs in
        rhs.withUnsafeBufferPointer { rhs in
            rows.withUnsafeMutableBufferPointer { rows in
                var previous = rows.baseAddress!
                var current = previous + (m + 1)
                for j in 0...m { previous[j] = min(j, over) }
                for i in 1...n {
                    let low = max(1, i - limit)
                    let high = min(m, i + limit)
                    // The cell left of the band: column 0 is `i`; any other lies outside the band.
                    current[low - 1] = low == 1 ? min(i, over) : over
                    var rowMinimum = current[low - 1]
                    let letter = lhs[i - 1]
                    for j in low...high {
                        let substitution = previous[j - 1] + (letter == rhs[j - 1] ? 0 : 1)
                        let value = min(substitution, previous[j] + 1, current[j - 1] + 1, over)
                        current[j] = value
                        rowMinimum = min(rowMinimum, value)
                    }
                    // The next row reads one cell right of this band: outside it, so over the limit.
                    if high < m { current[high + 1] = over }
                    if rowMinimum > limit { return over }
                    swap(&previous, &current)
                }
                return previous[m]
            }
        }
    }
}
