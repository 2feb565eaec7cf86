import CSpecmarkArena
import Foundation
import Testing

/// The arena libcmark allocates from: zeroed, aligned, content kept across growth, released in nesting order.
@Suite struct ArenaTests {
    @Test func callocZeroesAndAligns() {
        let mark = specmark_arena_begin()
        defer { specmark_arena_end(mark) }
        for size in [1, 7, 16, 100, 1000, 70_000] {
            let pointer = specmark_arena_calloc(1, size)!
            #expect(Int(bitPattern: pointer) % 16 == 0, "\(size) bytes")
            let bytes = pointer.assumingMemoryBound(to: UInt8.self)
            #expect((0..<size).allSatisfy { bytes[$0] == 0 }, "\(size) bytes")
            memset(pointer, 0xAB, size)
        }
    }

    @Test func reallocKeepsContentWhetherItGrowsInPlaceOrMoves() {
        let mark = specmark_arena_begin()
        defer { specmark_arena_end(mark) }
        // The newest block grows in place; an older one moves; a block past a quarter chunk goes on its own.
        var newest = specmark_arena_realloc(nil, 10)!
        memcpy(newest, "0123456789", 10)
        let grown = specmark_arena_realloc(newest, 40)!
        #expect(grown == newest)
        newest = grown
        let older = specmark_arena_calloc(4, 4)!
        memcpy(older, "abcdefghijklmnop", 16)
        _ = specmark_arena_calloc(1, 32)
        let moved = specmark_arena_realloc(older, 200)!
        #expect(moved != older)
        #expect(String(decoding: UnsafeRawBufferPointer(start: moved, count: 16), as: UTF8.self) == "abcdefghijklmnop")
        let large = specmark_arena_realloc(newest, 300_000)!
        #expect(String(decoding: UnsafeRawBufferPointer(start: large, count: 10), as: UTF8.self) == "0123456789")
        memset(large, 1, 300_000)
        let shrunk = specmark_arena_realloc(large, 5)!
        #expect(
            String(decoding: UnsafeRawBufferPointer(start: shrunk, count: 5), as: UTF8.self)
                == "\u{1}\u{1}\u{1}\u{1}\u{1}")
        specmark_arena_free(shrunk)
    }

    @Test func endReleasesOnlyWhatCameAfterItsMark() {
        let outer = specmark_arena_begin()
        let kept = specmark_arena_calloc(1, 64)!
        memset(kept, 7, 64)
        let inner = specmark_arena_begin()
        // Enough small blocks to fill several chunks, and a large one, all released by the inner end.
        for _ in 0..<20_000 { memset(specmark_arena_calloc(1, 48)!, 9, 48) }
        _ = specmark_arena_calloc(1, 200_000)
        specmark_arena_end(inner)
        let bytes = kept.assumingMemoryBound(to: UInt8.self)
        #expect((0..<64).allSatisfy { bytes[$0] == 7 })
        // The next block is bumped right where the inner pair began.
        let next = specmark_arena_calloc(1, 16)!
        #expect(next == UnsafeMutableRawPointer(mutating: kept) + 64 + 16)
        specmark_arena_end(outer)
    }

    @Test func aThreadThatEndsReleasesItsArena() {
        // The thread's chunks (small and large) are freed by its end-of-thread destructor; the thread must end
        // cleanly with an arena in use, and this thread's arena is untouched by it.
        let mark = specmark_arena_begin()
        let mine = specmark_arena_calloc(1, 32)!
        memset(mine, 5, 32)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let inner = specmark_arena_begin()
            for _ in 0..<10_000 { _ = specmark_arena_calloc(1, 64) }
            _ = specmark_arena_calloc(1, 100_000)
            specmark_arena_end(inner)
            _ = specmark_arena_calloc(1, 100_000)
            done.signal()
        }
        thread.start()
        done.wait()
        let bytes = mine.assumingMemoryBound(to: UInt8.self)
        #expect((0..<32).allSatisfy { bytes[$0] == 5 })
        specmark_arena_end(mark)
    }
}
