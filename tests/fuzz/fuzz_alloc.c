/*
** The engine's allocation wrappers (engine/alloc.c) for the libFuzzer
** builds only, with one difference: a block of 512 KiB or more is kept
** when freed and handed out again. The CSV reader takes a 1 MiB buffer for
** every file it reads, and under ASan every such block is a fresh mmap and
** munmap; on a virtual machine the TLB flushes of those made fuzzing ~10x
** slower. Linking this file defines every symbol of alloc.c, so the
** linker never takes alloc.o from the engine's library. The replay tests
** (tests/fuzz.cmake) use the real alloc.c.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigil_int.h"

#define BIG ((size_t)1 << 19)

static long fail_countdown = -1;
static long fail_count = 0;
static void *big_block;   /* the kept block, or NULL */
static size_t big_size;
static int big_in_use;

static int should_fail(void) {
    if (fail_countdown < 0) return 0;
    if (fail_countdown == 0) {
        fail_count++;
        return 1;
    }
    fail_countdown--;
    return 0;
}

long vg_alloc_fail_after(long countdown) {
    long n = fail_count;
    fail_countdown = countdown;
    fail_count = 0;
    return n;
}

static void *get_big(size_t n) {
    if (big_in_use || n < BIG) return NULL;
    if (big_block == NULL || big_size < n) {
        free(big_block);
        if ((big_block = malloc(n)) == NULL) return NULL;
        big_size = n;
    }
    big_in_use = 1;
    return big_block;
}

void *vg_malloc(size_t n) {
    void *p;
    if (should_fail()) return NULL;
    if ((p = get_big(n)) != NULL) return p;
    return malloc(n ? n : 1);
}

void *vg_calloc(size_t count, size_t size) {
    if (should_fail()) return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void vg_free(void *p) {
    if (p != NULL && p == big_block) big_in_use = 0;
    else free(p);
}

void *vg_realloc(void *p, size_t n) {
    void *q;
    if (should_fail()) return NULL;
    if (p == NULL || p != big_block) return realloc(p, n ? n : 1);
    if (n <= big_size) return p;
    if ((q = malloc(n)) == NULL) return NULL;
    memcpy(q, p, big_size);
    big_in_use = 0;
    return q;
}

void *vg_malloc_array(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    return vg_malloc(count * size);
}

char *vg_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = vg_malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}
