import Synchronization

/// A reference set once, by whichever thread gets there first, and read without a lock: what the standard
/// library's `AtomicLazyReference` does, over `Atomic` operations that are compiled into the caller.
///
/// The library's own `load()` and `storeIfNil(_:)` are not inlinable, so they run in the uninstrumented runtime
/// and ThreadSanitizer never sees their ordering: it reported a race on every value read on another thread than
/// the one that made it (`make test-tsan`, the property tables of a run with metadata).
public final class LazyReference<Instance: AnyObject & Sendable>: Sendable {
    private let storage = Atomic<Unmanaged<Instance>?>(nil)

    public init() {}

    /// The instance, once one is stored.
    public func load() -> Instance? {
        storage.load(ordering: .acquiring)?.takeUnretainedValue()
    }

    /// Stores `instance` unless one is stored already; returns the one stored.
    public func storeIfNil(_ instance: Instance) -> Instance {
        let desired = Unmanaged.passRetained(instance)
        let (exchanged, original) = storage.compareExchange(
            expected: nil, desired: desired, ordering: .acquiringAndReleasing)
        guard exchanged else {
            desired.release()
            // Not exchanged: another thread stored first, and `original` is what it stored.
            return original!.takeUnretainedValue()
        }
        return instance
    }

    deinit {
        storage.load(ordering: .acquiring)?.release()
    }
}
