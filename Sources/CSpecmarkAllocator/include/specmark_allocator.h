#ifndef SPECMARK_ALLOCATOR_H
#define SPECMARK_ALLOCATOR_H

/// Asks the C allocator to grow its heaps in large steps; see allocator.c. Does nothing where the C library
/// has no such setting.
void specmark_reserve_heap_in_large_steps(void);

/// Runs `work(context)` on a new detached thread, asking the system to run it on another core than the caller's
/// where it can (with glibc: the thread's affinity excludes the caller's current CPU, when others are allowed).
/// Returns 0, or the error of pthread_create (then `work` has not run).
int specmark_run_beside(void (*work)(void *), void *context);

#endif
