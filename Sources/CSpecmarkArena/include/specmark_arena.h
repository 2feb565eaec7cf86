#ifndef SPECMARK_ARENA_H
#define SPECMARK_ARENA_H

#include <stddef.h>

/// A per-thread bump arena for a C library's allocations that all end together: libcmark allocates a page's
/// tree node by node and frees it node by node, a malloc and a free for each of a page's thousands of nodes
/// and buffers. Through the arena, allocating is a bump and freeing is nothing; the whole page's memory is
/// released at once at `specmark_arena_end`.
///
/// Positions nest: everything allocated on this thread after `specmark_arena_begin` returned a mark is
/// released by `specmark_arena_end` with that mark, so an inner begin/end pair leaves the outer one's memory
/// alone. Allocation failure aborts, as libcmark's own allocator does.
typedef struct {
    void *chunk;
    size_t used;
    void *large;
} specmark_arena_mark;

specmark_arena_mark specmark_arena_begin(void);
void specmark_arena_end(specmark_arena_mark mark);

/// `calloc`, `realloc` and `free` over this thread's arena, in the shape of libcmark's `cmark_mem`.
void *specmark_arena_calloc(size_t count, size_t size);
void *specmark_arena_realloc(void *pointer, size_t size);
void specmark_arena_free(void *pointer);

#endif
