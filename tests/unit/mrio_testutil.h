/*
** Helpers shared by the MRIO tests: loading a table and reading labelled
** reference matrices (pymrio's results, expected.csv) with the engine's own
** reader.
*/
#ifndef VIGIL_MRIO_TESTUTIL_H
#define VIGIL_MRIO_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "matcsv.h"
#include "test.h"
#include "vigil/mrio.h"

/* A path under the source tree or the shared folder. */
static inline const char *tu_path(char *buf, size_t n, const char *envvar,
                                  const char *rel) {
    const char *base = getenv(envvar);
    snprintf(buf, n, "%s/%s", base ? base : ".", rel);
    return buf;
}

static inline int tu_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f) fclose(f);
    return f != NULL;
}

/* Reads a labelled matrix, failing the test (and returning 0) on error. */
static inline int tu_read(vigil_ctx *ctx, const char *path, vg_matcsv *m) {
    vg_matcsv_spec spec;
    memset(&spec, 0, sizeof spec);
    if (vg_matcsv_read(ctx, path, &spec, m) != VIGIL_OK) {
        fprintf(stderr, "cannot read %s: %s\n", path, vigil_errmsg(ctx));
        CHECK(0);
        return 0;
    }
    return 1;
}

/* Compares a k x R regional account with a reference file whose rows are
** stressors and columns regions, label by label; returns the worst
** relative difference. */
static inline double tu_compare(const vigil_table *t, const double *acc,
                                long ncols, const char *(*col)(const vigil_table *, long),
                                const vg_matcsv *ref) {
    double worst = 0;
    long k, j;
    CHECK(ref->nrow == vigil_table_nstressors(t));
    CHECK(ref->ncol == ncols);
    if (ref->nrow != vigil_table_nstressors(t) || ref->ncol != ncols) return 1;
    for (k = 0; k < ref->nrow; k++) {
        CHECK_STR(vigil_table_stressor(t, k), ref->row[k]);
        for (j = 0; j < ncols; j++) {
            double a = acc[k * ncols + j], b = ref->v[k * ncols + j];
            double s = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
            double d = s > 0 ? fabs(a - b) / s : 0;
            if (k == 0) CHECK_STR(col(t, j), ref->col[j]);
            if (d > worst) worst = d;
        }
    }
    return worst;
}

#endif
