/// A unified diff of two versions of a file (what `lint --fix-dry-run` prints): lines compared with Myers's
/// algorithm, which is quick when, as after fixes, few lines differ; three lines of context.
public enum UnifiedDiff {
    /// The diff from `old` to `new`, headed `a/file` and `b/file`; empty when they are the same.
    public static func make(file: String, old: [UInt8], new: [UInt8], context: Int = 3) -> String {
        guard old != new else { return "" }
        let before = lines(old)
        let after = lines(new)
        let script = editScript(before, after)
        // Group the changes into hunks that share context.
        var hunks: [Range<Int>] = []
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else {
                index += 1
                continue
            }
            var last = index
            var scan = index
            while scan < script.count {
                if script[scan].kind != .same {
                    last = scan
                } else if scan - last > 2 * context {
                    break
                }
                scan += 1
            }
            hunks.append(max(0, index - context)..<min(script.count, last + context + 1))
            index = last + 1
        }
        var output = "--- a/\(file)\n+++ b/\(file)\n"
        for hunk in hunks {
            let steps = script[hunk]
            let oldStart = steps.first?.old ?? 0
            let newStart = steps.first?.new ?? 0
            let oldCount = steps.count { $0.kind != .inserted }
            let newCount = steps.count { $0.kind != .deleted }
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in steps {
                switch step.kind {
                case .same: output += render(" ", before[step.old])
                case .deleted: output += render("-", before[step.old])
                case .inserted: output += render("+", after[step.new])
                }
            }
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    private static func render(_ marker: String, _ line: ArraySlice<UInt8>) -> String {
        var content = line
        let terminated = content.last == 0x0A || content.last == 0x0D
        if content.last == 0x0A { content.removeLast() }
        let text = marker + String(decoding: content, as: UTF8.self) + "\n"
        return terminated ? text : text + "\\ No newline at end of file\n"
    }

    /// The lines of a text, each with its terminator (`\n`, `\r\n` or `\r`).
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                result.append(bytes[start..<index])
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private enum Kind { case same, deleted, inserted }

    /// One line of the edit script: kept, deleted from `old` or inserted from `new`, with both positions.
    private struct Step {
        var kind: Kind
        var old: Int
        var new: Int
    }

    /// The shortest edit script (Myers, 1986): the furthest-reaching path for each number of edits, then back.
    private static func editScript(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Step] {
        let n = a.count
        let m = b.count
        let offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for edits in 0...(n + m) {
            trace.append(frontier)
            for diagonal in stride(from: -edits, through: edits, by: 2) {
                var x =
                    diagonal == -edits
                        || (diagonal != edits && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                    ? frontier[offset + diagonal + 1] : frontier[offset + diagonal - 1] + 1
                var y = x - diagonal
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back from the end through the saved frontiers.
        var steps: [Step] = []
        var x = n
        var y = m
        for edits in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[edits]
            let diagonal = x - y
            let previousDiagonal =
                diagonal == -edits
                    || (diagonal != edits && previous[offset + diagonal - 1] < previous[offset + diagonal + 1])
                ? diagonal + 1 : diagonal - 1
            let previousX = edits == 0 ? 0 : previous[offset + previousDiagonal]
            let previousY = previousX - previousDiagonal
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                steps.append(Step(kind: .same, old: x, new: y))
            }
            if edits > 0 {
                if x == previousX {
                    y -= 1
                    steps.append(Step(kind: .inserted, old: x, new: y))
                } else {
                    x -= 1
                    steps.append(Step(kind: .deleted, old: x, new: y))
                }
            }
        }
        // With no edits left, the rest is a common prefix.
        while x > 0 && y > 0 {
            x -= 1
            y -= 1
            steps.append(Step(kind: .same, old: x, new: y))
        }
        return steps.reversed()
    }
}
