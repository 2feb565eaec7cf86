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
    return await withTaskGroup(of: [(Int, Result)].self) { group in
        for _ in 0..<workers {
            group.addTask {
                var produced: [(Int, Result)] = []
                while true {
                    let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < elements.count else { break }
                    produced.append((index, await transform(elements[index])))
                }
                return produced
            }
        }
        // Results are moved, never copied: a copy of a page's contract retains every one of its fields, and the
        // merge that follows runs on one core.
        var slots = [Result?](repeating: nil, count: elements.count)
        for await var produced in group {
            while let (index, result) = produced.popLast() { slots[index] = consume result }
        }
        var results: [Result] = []
        results.reserveCapacity(slots.count)
        for index in slots.indices {
            if let result = slots[index].take() { results.append(consume result) }
        }
        return results
    }
}

/// An atomic counter that tasks can share.
private final class SharedCounter: Sendable {
    let value = Atomic<Int>(0)
}
