import Testing

@testable import SpecmarkContract

@Suite struct SuggestionTests {
    /// The banded distance agrees with the full table wherever the distance is within the limit, and is over the
    /// limit wherever the full table's is: on every pair of short words over a three-letter alphabet (where edits
    /// collide most) and every limit from 0 to 4.
    @Test func theBandedDistanceAgreesWithTheFullTable() {
        var words: [[UInt8]] = [[]]
        var frontier: [[UInt8]] = [[]]
        for _ in 1...5 {
            frontier = frontier.flatMap { word in
                [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c")].map { word + [$0] }
            }
            words += frontier
        }
        var rows: [Int] = []
        var compared = 0
        for lhs in words where lhs.count <= 4 {
            for rhs in words {
                let full = editDistance(lhs, rhs, limit: Int.max)
                for limit in 0...4 {
                    let banded = boundedEditDistance(lhs, rhs, limit: limit, rows: &rows)
                    if full <= limit {
                        #expect(banded == full, "\(lhs) \(rhs) limit \(limit)")
                    } else {
                        #expect(banded > limit, "\(lhs) \(rhs) limit \(limit)")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared == 121 * 364 * 5)
    }

    /// Long words share the rows buffer with short ones: a long pair after short ones, and the other way round.
    @Test func theRowsBufferServesWordsOfEveryLength() {
        var rows: [Int] = []
        let long = Array("microsoft.graph.managedappregistration".utf8)
        var typo = long
        typo[10] = UInt8(ascii: "x")
        #expect(boundedEditDistance(Array("ab".utf8), Array("ba".utf8), limit: 2, rows: &rows) == 2)
        #expect(boundedEditDistance(long, typo, limit: 4, rows: &rows) == 1)
        #expect(boundedEditDistance(long, Array(long.dropLast(3)), limit: 4, rows: &rows) == 3)
        #expect(boundedEditDistance(long, Array(long.dropLast(5)), limit: 4, rows: &rows) == 5)
        #expect(boundedEditDistance(Array("ab".utf8), Array("ba".utf8), limit: 1, rows: &rows) == 2)
    }

    /// Of equally close candidates the first listed wins, whatever comes after it.
    @Test func theFirstOfEquallyCloseCandidatesWins() {
        #expect(closestMatch(to: "widgit", in: ["widget", "widgat"]) == "widget")
        #expect(closestMatch(to: "widgit", in: ["widgat", "widget"]) == "widgat")
        // A closer candidate later in the list still wins.
        #expect(closestMatch(to: "widgett", in: ["wodgets", "widgets"]) == "widgets")
    }
}
