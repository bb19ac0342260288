/*
** A map from strings to indices (open addressing, FNV-1a hash), for label
** look-ups: cells, regions, stressors. Keys are borrowed, not copied: they
** must outlive the map.
*/
#ifndef VIGIL_STRMAP_H
#define VIGIL_STRMAP_H

#include "vigil_int.h"

typedef struct vg_strmap {
    const char **key; /* borrowed */
    long *val;
    long cap;         /* a power of two, at least twice the count */
    long count;
} vg_strmap;

/* Initialises an empty map sized for about n keys; VIGIL_ENOMEM on failure
** (the map is then empty but safe to free). */
int vg_strmap_init(vg_strmap *m, long n);
void vg_strmap_free(vg_strmap *m);
/* The value of key, or -1 when absent. */
long vg_strmap_get(const vg_strmap *m, const char *key);
/* Adds key -> val unless key is present. Returns -1 when added, or the
** value already held (the key is then not added). -2 when out of memory. */
long vg_strmap_add(vg_strmap *m, const char *key, long val);

#endif
