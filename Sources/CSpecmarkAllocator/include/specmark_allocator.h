#ifndef SPECMARK_ALLOCATOR_H
#define SPECMARK_ALLOCATOR_H

/// Asks the C allocator to grow its heaps in large steps; see allocator.c. Does nothing where the C library
/// has no such setting.
void specmark_reserve_heap_in_large_steps(void);

#endif
