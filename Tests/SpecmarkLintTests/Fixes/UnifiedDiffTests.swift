import Testing

@testable import SpecmarkLint

@Suite struct UnifiedDiffTests {
    @Test func aChangedLineHasThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.make(file: "a.md", old: Array(old.utf8), new: Array(new.utf8)) == """
                --- a/a.md
                +++ b/a.md
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test func anInsertedLineAndDistantChangesMakeTheirOwnHunks() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 2\n", with: "line 2\ninserted\n")
            .replacingOccurrences(of: "line 19\n", with: "line nineteen\n")
        #expect(
            UnifiedDiff.make(file: "a.md", old: Array(old.utf8), new: Array(new.utf8)) == """
                --- a/a.md
                +++ b/a.md
                @@ -1,5 +1,6 @@
                 line 1
                 line 2
                +inserted
                 line 3
                 line 4
                 line 5
                @@ -16,5 +17,5 @@
                 line 16
                 line 17
                 line 18
                -line 19
                +line nineteen
                 line 20

                """)
    }

    @Test func aLastLineWithoutALineEndingSaysSo() {
        #expect(
            UnifiedDiff.make(file: "a.md", old: Array("a\nb".utf8), new: Array("a\nc".utf8)) == """
                --- a/a.md
                +++ b/a.md
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +c
                \\ No newline at end of file

                """)
        #expect(UnifiedDiff.make(file: "a.md", old: Array("same".utf8), new: Array("same".utf8)).isEmpty)
    }
}
