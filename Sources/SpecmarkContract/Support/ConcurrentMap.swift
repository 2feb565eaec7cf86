import Dispatch
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
    await concurrentMap(
        elements, maxConcurrency: maxConcurrency, startingFirst: [] as [@Sendable () async -> Void], transform
    )
    .results
}

/// ``concurrentMap(_:maxConcurrency:_:)``, with other work started before the workers: each of `others` runs as
/// its own task, queued ahead of them, and their results come back in their order.
///
/// Work that cannot be split (a doc-set rule that compares every page with every other) is best begun first: the
/// workers then take elements while it runs and end together, instead of one core finishing it alone at the end.
public func concurrentMap<Element: Sendable, Result: Sendable, Other: Sendable>(
    _ elements: [Element], maxConcurrency: Int = availableCores,
    startingFirst others: [@Sendable () async -> Other],
    _ transform: @escaping @Sendable (Element) async -> Result
) async -> (results: [Result], others: [Other]) {
    await concurrentMap(
        elements, maxConcurrency: maxConcurrency, startingFirst: others, worker: {},
        { _, element in await transform(element) })
}

/// ``concurrentMap(_:maxConcurrency:startingFirst:_:)`` with state of each worker's own: `makeWorker` runs once
/// in each worker, and `transform` gets that worker's state with every element it takes.
///
/// Objects every element uses belong in it when the transform retains them: a reference count that two cores
/// write in turn moves its cache line between them at every retain. The page rules' closures, shared, were 2.4%
/// of the Graph lint's CPU samples in their retains alone (perf), most of them on the load of the count.
public func concurrentMap<Element: Sendable, Result: Sendable, Other: Sendable, Worker>(
    _ elements: [Element], maxConcurrency: Int = availableCores,
    startingFirst others: [@Sendable () async -> Other],
    worker makeWorker: @escaping @Sendable () -> Worker,
    _ transform: @escaping @Sendable (inout Worker, Element) async -> Result
) async -> (results: [Result], others: [Other]) {
    let workers = elements.isEmpty ? 0 : max(1, min(maxConcurrency, elements.count))
    let next = SharedCounter()
    // Each result is made in its own slot, and the slots become the array in one move: a result is moved once
    // instead of through a worker's list, a slot and the array in turn (a page's contract is several hundred
    // bytes, and what follows the workers runs on one core).
    let slots = Slots<Result>(count: elements.count)
    let otherResults = await withTaskGroup(of: (Int, Other)?.self) { group in
        for (order, other) in others.enumerated() {
            group.addTask { (order, await other()) }
        }
        for _ in 0..<workers {
            group.addTask {
                var state = makeWorker()
                while true {
                    let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < elements.count else { break }
                    // Every index is claimed by exactly one worker, so no two write one slot.
                    slots.base.advanced(by: index).initialize(to: await transform(&state, elements[index]))
                }
                return nil
            }
        }
        var results = [Other?](repeating: nil, count: others.count)
        for await case let (order, result)? in group { results[order] = result }
        return results.map { $0! }
    }
    // Every worker has ended, so every slot holds its result.
    defer { slots.base.deallocate() }
    let results = [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
        if let base = buffer.baseAddress { base.moveInitialize(from: slots.base, count: elements.count) }
        initialized = elements.count
    }
    return (results, otherResults)
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

/// A value worked out on another thread while the one that asked for it goes on; ``value`` waits for it.
///
/// For a short step on the way to the parallel phases (a doc set's indexes), where one core would otherwise wait.
final class Alongside<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` with `run`, which runs it on another thread (by default a global dispatch queue).
    init(
        run: (@escaping @Sendable () -> Void) -> Void = { DispatchQueue.global().async(execute: $0) },
        _ work: @escaping @Sendable () -> Value
    ) {
        run { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once the work has ended.
    var value: Value {
        done.wait()
        // For whoever reads it next.
        done.signal()
        return result.withLock { $0! }
    }
}
