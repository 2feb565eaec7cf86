import NIOConcurrencyHelpers

/// Values a command keeps until the process exits instead of freeing them.
///
/// A full lint's model is millions of small allocations. Freeing them keeps both cores busy at the
/// end of every run over the Graph corpus, work the operating system does for nothing when the process ends a
/// moment later (compilers skip it the same way).
///
/// A leak checker cannot follow every pointer of a kept model (Swift stores enum cases in a pointer's spare
/// bits), so builds for one define `SPECMARK_FREE_AT_EXIT` (`make test-asan` does) and free values as usual.
enum KeptUntilExit {
    private static let values = NIOLockedValueBox<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        #if !SPECMARK_FREE_AT_EXIT
            values.withLockedValue { $0.append(value) }
        #endif
    }
}
