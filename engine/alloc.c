/*
** Allocation wrappers with a fault-injection countdown, so that tests can
** walk every allocation site and check that vigil reports "out of memory"
** and frees what it holds (the technique of SQLite's faultsim and Lua's
** ltests memlimit). In normal runs the countdown is off and the cost is
** one compare per allocation.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigil_int.h"

/* Process-wide on purpose: fault injection is a test-only switch and tests
** run single-threaded. Normal runs never change these. */
static long fail_countdown = -1;
static long fail_count = 0;

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

void *vg_malloc(size_t n) {
    if (should_fail()) return NULL;
    return malloc(n ? n : 1);
}

void *vg_calloc(size_t count, size_t size) {
    if (should_fail()) return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *vg_realloc(void *p, size_t n) {
    if (should_fail()) return NULL;
    return realloc(p, n ? n : 1);
}

void vg_free(void *p) { free(p); }

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
