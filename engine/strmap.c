/*
** String-to-index map with open addressing and linear probing; the table
** doubles when half full. FNV-1a: Fowler, Noll and Vo (1991), see
** http://www.isthe.com/chongo/tech/comp/fnv/ (public domain).
*/
#include <stdint.h>
#include <string.h>

#include "strmap.h"

static uint64_t fnv1a(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int alloc_slots(vg_strmap *m, long cap) {
    m->key = vg_calloc((size_t)cap, sizeof *m->key);
    m->val = vg_malloc_array((size_t)cap, sizeof *m->val);
    if (m->key == NULL || m->val == NULL) {
        vg_free(m->key);
        vg_free(m->val);
        m->key = NULL;
        m->val = NULL;
        m->cap = 0;
        return VIGIL_ENOMEM;
    }
    m->cap = cap;
    return VIGIL_OK;
}

int vg_strmap_init(vg_strmap *m, long n) {
    long cap = 16;
    while (cap < 2 * n) cap *= 2;
    m->count = 0;
    return alloc_slots(m, cap);
}

void vg_strmap_free(vg_strmap *m) {
    vg_free(m->key);
    vg_free(m->val);
    m->key = NULL;
    m->val = NULL;
    m->cap = m->count = 0;
}

/* The slot holding key, or the empty slot where it would go. */
static long slot(const vg_strmap *m, const char *key) {
    long i = (long)(fnv1a(key) & (uint64_t)(m->cap - 1));
    while (m->key[i] && strcmp(m->key[i], key) != 0) i = (i + 1) & (m->cap - 1);
    return i;
}

long vg_strmap_get(const vg_strmap *m, const char *key) {
    long i;
    if (m->cap == 0) return -1;
    i = slot(m, key);
    return m->key[i] ? m->val[i] : -1;
}

static int grow(vg_strmap *m) {
    vg_strmap old = *m;
    long i;
    if (alloc_slots(m, old.cap * 2) != VIGIL_OK) {
        *m = old;
        return VIGIL_ENOMEM;
    }
    for (i = 0; i < old.cap; i++)
        if (old.key[i]) {
            long j = slot(m, old.key[i]);
            m->key[j] = old.key[i];
            m->val[j] = old.val[i];
        }
    vg_strmap_free(&old);
    return VIGIL_OK;
}

long vg_strmap_add(vg_strmap *m, const char *key, long val) {
    long i;
    if (m->cap == 0 || 2 * (m->count + 1) > m->cap)
        if ((m->cap == 0 ? vg_strmap_init(m, 8) : grow(m)) != VIGIL_OK)
            return -2;
    i = slot(m, key);
    if (m->key[i]) return m->val[i];
    m->key[i] = key;
    m->val[i] = val;
    m->count++;
    return -1;
}
