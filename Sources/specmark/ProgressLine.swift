import NIOConcurrencyHelpers

/// A progress line on stderr for runs longer than a second — pages done of the total, pages per second and
/// the time left — redrawn at most ten times a second and cleared at the end. Silent when disabled (not a
/// terminal, or --quiet).
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let enabled: Bool
    private let start = ContinuousClock.now
    private let state = NIOLockedValueBox(State())

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - start
        guard elapsed >= .seconds(1) else { return }
        let line: String? = state.withLockedValue { state in
            if let last = state.lastDraw, now - last < .milliseconds(100), done < total { return nil }
            state.lastDraw = now
            state.drawn = true
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Double(done) / max(seconds, 0.001)
            let left = rate > 0 ? Double(total - done) / rate : 0
            return
                "\r\u{1B}[2Kreading pages: \(done)/\(total), \(Int(rate)) pages/s, about \(Int(left.rounded(.up))) s left"
        }
        if let line { Terminal.standardError.write(line) }
    }

    /// Clears the line if one was drawn.
    func finish() {
        guard enabled, state.withLockedValue({ $0.drawn }) else { return }
        Terminal.standardError.write("\r\u{1B}[2K")
    }
}
