import CSpecmarkAllocator
import Dispatch
import Foundation
import Testing

/// `specmark_run_beside`, which the CLI's early walk starts its thread with.
@Suite struct RunBesideTests {
    private final class Probe: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var thread: pthread_t?
        var value = 0
    }

    /// The work runs once, on a thread of its own, with its context.
    @Test func workRunsOnAThreadOfItsOwn() {
        let probe = Probe()
        let context = Unmanaged.passRetained(probe).toOpaque()
        let status = specmark_run_beside(
            { context in
                let probe = Unmanaged<Probe>.fromOpaque(context!).takeRetainedValue()
                probe.thread = pthread_self()
                probe.value += 42
                probe.done.signal()
            }, context)
        #expect(status == 0)
        #expect(probe.done.wait(timeout: .now() + 10) == .success)
        #expect(probe.value == 42)
        #expect(probe.thread.map { pthread_equal($0, pthread_self()) == 0 } == true)
    }
}
