#include "specmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Each block has a 16-byte header holding its size, so realloc knows how much to copy; blocks are 16-byte
// aligned. Small blocks are bumped out of chunks; a block of more than a quarter chunk gets its own
// allocation, kept on a list of its own until the end that covers it.
enum { HEADER = 16, CHUNK_SIZE = 256 * 1024, LARGE = CHUNK_SIZE / 4, SPARE_CHUNKS = 8 };

typedef struct chunk {
    struct chunk *previous;
    size_t used;
    size_t capacity;
    size_t padding;
    unsigned char data[];
} chunk;

typedef struct large_block {
    struct large_block *previous;
    size_t padding[3];
    unsigned char data[];
} large_block;

static _Thread_local chunk *current;
static _Thread_local chunk *spare;
static _Thread_local size_t spare_count;
static _Thread_local large_block *large;

// A thread's chunks are freed when the thread ends (a key's destructor runs then), so a pool that starts and
// ends threads does not leave their arenas behind; the threads alive at exit still reach theirs.
static pthread_key_t thread_end_key;
static pthread_once_t thread_end_once = PTHREAD_ONCE_INIT;
static _Thread_local int thread_end_registered;

static void release_thread(void *unused) {
    (void)unused;
    while (current != NULL) {
        chunk *done = current;
        current = done->previous;
        free(done);
    }
    while (spare != NULL) {
        chunk *done = spare;
        spare = done->previous;
        free(done);
    }
    spare_count = 0;
    while (large != NULL) {
        large_block *done = large;
        large = done->previous;
        free(done);
    }
}

static void make_thread_end_key(void) { pthread_key_create(&thread_end_key, release_thread); }

static void register_thread_end(void) {
    if (thread_end_registered) return;
    thread_end_registered = 1;
    pthread_once(&thread_end_once, make_thread_end_key);
    pthread_setspecific(thread_end_key, (void *)1);
}

static void out_of_memory(void) {
    fprintf(stderr, "[specmark] the arena could not allocate memory, aborting\n");
    abort();
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static void *block_at(unsigned char *header, size_t size) {
    *(size_t *)header = size;
    return header + HEADER;
}

static size_t block_size(void *pointer) { return *(size_t *)((unsigned char *)pointer - HEADER); }

static void *allocate(size_t size) {
    if (size > SIZE_MAX - HEADER - 15) out_of_memory();
    size_t needed = rounded(size) + HEADER;
    if (needed > LARGE) {
        large_block *block = malloc(sizeof(large_block) + needed);
        if (block == NULL) out_of_memory();
        register_thread_end();
        block->previous = large;
        large = block;
        return block_at(block->data, size);
    }
    if (current == NULL || current->capacity - current->used < needed) {
        chunk *next = spare;
        if (next != NULL) {
            spare = next->previous;
            spare_count -= 1;
        } else {
            next = malloc(sizeof(chunk) + CHUNK_SIZE);
            if (next == NULL) out_of_memory();
            register_thread_end();
            next->capacity = CHUNK_SIZE;
        }
        next->previous = current;
        next->used = 0;
        current = next;
    }
    unsigned char *header = current->data + current->used;
    current->used += needed;
    return block_at(header, size);
}

void *specmark_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

void *specmark_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    size_t old = block_size(pointer);
    unsigned char *header = (unsigned char *)pointer - HEADER;
    // The newest small block grows in place while its chunk has room.
    if (current != NULL && header >= current->data && header < current->data + current->used &&
        header + rounded(old) + HEADER == current->data + current->used && size <= SIZE_MAX - HEADER - 15) {
        size_t needed = rounded(size) + HEADER;
        if (needed <= LARGE && (size_t)(header - current->data) + needed <= current->capacity) {
            current->used = (size_t)(header - current->data) + needed;
            *(size_t *)header = size;
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

void specmark_arena_free(void *pointer) { (void)pointer; }

specmark_arena_mark specmark_arena_begin(void) {
    specmark_arena_mark mark = {current, current == NULL ? 0 : current->used, large};
    return mark;
}

void specmark_arena_end(specmark_arena_mark mark) {
    while (current != NULL && current != (chunk *)mark.chunk) {
        chunk *done = current;
        current = done->previous;
        if (spare_count < SPARE_CHUNKS) {
            done->previous = spare;
            spare = done;
            spare_count += 1;
        } else {
            free(done);
        }
    }
    if (current != NULL) current->used = mark.used;
    while (large != NULL && large != (large_block *)mark.large) {
        large_block *done = large;
        large = done->previous;
        free(done);
    }
}
