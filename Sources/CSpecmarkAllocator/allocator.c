#include "specmark_allocator.h"

#include <stdlib.h>  // defines __GLIBC__ where the C library is glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// A full lint builds a model of millions of small values on every core. glibc grows each thread's heap by what
// one request needs, so the model cost one mprotect and a fresh run of page faults per step, measurable system
// time over a large doc set. With a 64 MB pad each heap grows a few times per run. The pad is address
// space, not memory: a page counts as resident only once it is touched.
void specmark_reserve_heap_in_large_steps(void) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}
