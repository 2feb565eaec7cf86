import Testing

@testable import SpecmarkMetadata

/// One instance wins however many threads store at once, every reader gets that one, and the reference releases
/// it (and only it) when it goes.
struct LazyReferenceTests {
    final class Value: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    @Test func theFirstStoreWinsAndEveryoneGetsIt() async {
        let reference = LazyReference<Value>()
        #expect(reference.load() == nil)
        let stored = await withTaskGroup(of: ObjectIdentifier.self) { group in
            for number in 0..<64 {
                group.addTask { ObjectIdentifier(reference.load() ?? reference.storeIfNil(Value(number))) }
            }
            var seen = Set<ObjectIdentifier>()
            for await identifier in group { seen.insert(identifier) }
            return seen
        }
        #expect(stored.count == 1)
        #expect(stored.first == reference.load().map(ObjectIdentifier.init))
        // A later store keeps the first value.
        let first = reference.load()
        #expect(reference.storeIfNil(Value(99)) === first)
    }

    @Test func theStoredValueLivesAsLongAsTheReference() {
        weak var kept: Value?
        weak var lost: Value?
        do {
            let reference = LazyReference<Value>()
            do {
                let value = Value(1)
                let other = Value(2)
                kept = value
                lost = other
                _ = reference.storeIfNil(value)
                _ = reference.storeIfNil(other)
            }
            #expect(kept != nil)
            #expect(lost == nil)
            #expect(reference.load()?.number == 1)
        }
        #expect(kept == nil)
    }
}
