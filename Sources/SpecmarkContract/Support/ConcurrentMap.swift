import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The number of cores this process may use.
public var availableCores: Int {
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// Applies `transform` to every element on up to `maxConcurrency` workers and returns the results in the
/// elements' order.
///
/// Workers take the next unclaimed index from one atomic counter, so a slow element never holds up the rest
/// and no lock is taken per element.
public func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], maxConcurrency: Int = availableCores,
    _ transform: @escaping @Sendable (Element) async -> Result
) async -> [Result] {
    guard !elements.isEmpty else { return [] }
    let workers = max(1, min(maxConcurrency, elements.count))
    let next = SharedCounter()
    // Each result is made in its own slot, and the slots become the array in one move: a result is moved once
    // instead of through a worker's list, a slot and the array in turn (a page's contract is several hundred
    // bytes, and what follows the workers runs on one core).
    let slots = Slots<Result>(count: elements.count)
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<workers {
            group.addTask {
                while true {
                    let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < elements.count else { break }
                    // Every index is claimed by exactly one worker, so no two write one slot.
                    slots.base.advanced(by: index).initialize(to: await transform(elements[index]))
                }
            }
        }
    }
    // Every worker has ended, so every slot holds its result.
    defer { slots.base.deallocate() }
    return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
        buffer.baseAddress!.moveInitialize(from: slots.base, count: elements.count)
        initialized = elements.count
    }
}

/// Uninitialised storage for `count` results that the workers of ``concurrentMap(_:maxConcurrency:_:)`` fill,
/// each at the indices it claims.
private struct Slots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>

    init(count: Int) {
        base = UnsafeMutablePointer<Result>.allocate(capacity: count)
    }
}

/// An atomic counter that tasks can share.
private final class SharedCounter: Sendable {
    let value = Atomic<Int>(0)
}
