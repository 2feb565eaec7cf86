#if defined(__linux__)
#define _GNU_SOURCE  // glibc's CPU affinity calls
#endif
#include "specmark_allocator.h"

#include <pthread.h>
#include <sched.h>

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

struct specmark_work {
    void (*work)(void *);
    void *context;
};

static void *specmark_run_work(void *argument) {
    struct specmark_work work = *(struct specmark_work *)argument;
    free(argument);
    work.work(work.context);
    return NULL;
}

// Some virtual machines' schedulers put a new thread on its creator's busy core and leave the other idle for
// milliseconds (seen on 2-core test machines: a walk begun beside the command-line parsing took turns with it on
// one core). Excluding the creator's current CPU from the new thread's affinity lets the two overlap.
int specmark_run_beside(void (*work)(void *), void *context) {
    struct specmark_work *argument = malloc(sizeof *argument);
    if (argument == NULL) return -1;
    argument->work = work;
    argument->context = context;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
#if defined(__GLIBC__)
    cpu_set_t allowed;
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
        CPU_CLR(here, &allowed);
        if (CPU_COUNT(&allowed) > 0) pthread_attr_setaffinity_np(&attributes, sizeof allowed, &allowed);
    }
#endif
    pthread_t thread;
    int status = pthread_create(&thread, &attributes, specmark_run_work, argument);
    pthread_attr_destroy(&attributes);
    if (status != 0) free(argument);
    return status;
}
