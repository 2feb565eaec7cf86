import Synchronization

/// Values a command keeps until the process exits instead of freeing them.
///
/// A full lint's model is millions of small allocations. Freeing them took both cores for 0.02–0.05 s at the
/// end of every run over the Graph corpus, work the operating system does for nothing when the process ends a
/// moment later (compilers skip it the same way). Kept values stay reachable from this global, so a leak
/// checker run at exit does not report them.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
