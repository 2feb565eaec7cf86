// The floor under any tool built on libcmark: read every file named on stdin (NUL-separated) and parse it with
// CMARK_OPT_SOURCEPOS on as many threads as there are cores, then free the tree. Nothing is rendered or
// written. `make bench` times it beside `cmark --to xml` and `specmark lint` on the same files.
#include <cmark.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **paths;
static size_t path_count;
static atomic_size_t next_path;

static void *parse_files(void *unused) {
    (void)unused;
    for (;;) {
        size_t index = atomic_fetch_add(&next_path, 1);
        if (index >= path_count) return NULL;
        FILE *file = fopen(paths[index], "rb");
        if (!file) continue;
        size_t capacity = 1 << 16, length = 0, got;
        char *text = malloc(capacity);
        while (text && (got = fread(text + length, 1, capacity - length, file)) > 0) {
            length += got;
            if (length == capacity) text = realloc(text, capacity *= 2);
        }
        fclose(file);
        if (!text) continue;
        cmark_node *document = cmark_parse_document(text, length, CMARK_OPT_SOURCEPOS);
        cmark_node_free(document);
        free(text);
    }
}

int main(void) {
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    char *line = NULL;
    size_t line_capacity = 0;
    while (getdelim(&line, &line_capacity, '\0', stdin) > 0) {
        if (path_count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[path_count++] = strdup(line);
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    if (cores > 256) cores = 256;
    pthread_t threads[256];
    for (long t = 0; t < cores; t++) pthread_create(&threads[t], NULL, parse_files, NULL);
    for (long t = 0; t < cores; t++) pthread_join(threads[t], NULL);
    return 0;
}
