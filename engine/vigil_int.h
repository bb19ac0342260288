/*
** Internal declarations shared by the engine: the context structure, error
** reporting and the allocation wrappers. Not part of the public API.
*/
#ifndef VIGIL_INT_H
#define VIGIL_INT_H

#include <stddef.h>

#include "vigil/vigil.h"

#define VIGIL_ERRMAX 1024

struct vigil_ctx {
    int code;                /* last status, VIGIL_OK when none */
    char msg[VIGIL_ERRMAX];  /* last message, starts with its location */
};

#if defined(__GNUC__)
#define VIGIL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define VIGIL_PRINTF(a, b)
#endif

#define UNUSED(x) ((void)(x))

/* Records an error on ctx and returns code, so that callers can write
** `return vigil_seterr(ctx, VIGIL_EDATA, "%s:%ld:%ld: ...", ...)`.
** The message must begin with its location: file:row:col for data,
** file:line for scripts, the function name for internal failures. */
int vigil_seterr(vigil_ctx *ctx, int code, const char *fmt, ...)
    VIGIL_PRINTF(3, 4);

/* Records "out of memory" (with the place) and returns VIGIL_ENOMEM. */
int vigil_nomem(vigil_ctx *ctx, const char *where);

/*
** Allocation wrappers. Every engine allocation goes through them so that
** tests can make the Nth allocation fail (fault injection, as SQLite's
** test builds do); see alloc.c. They behave like the C library functions.
*/
void *vg_malloc(size_t n);
void *vg_calloc(size_t count, size_t size);
void *vg_realloc(void *p, size_t n);
void vg_free(void *p);
/* malloc(count * size) that fails cleanly on overflow. */
void *vg_malloc_array(size_t count, size_t size);
/* Copies a string with vg_malloc; NULL when out of memory. */
char *vg_strdup(const char *s);

/* Fault injection: after `countdown` more successful allocations, every
** allocation fails (countdown < 0 turns it off). Returns how many
** allocations were refused since the last call. For tests only. */
long vg_alloc_fail_after(long countdown);

#endif
