/*
** bench_phases TABLEDIR FPATH|- OUTDIR [REPS]
**
** Runs the steps of `vigil mrio` through the library, timing each one,
** best of REPS (default 3): load (vigil_table_load: read + validate),
** consume (vigil_accounts_compute_consume, what `vigil mrio` calls: the
** local Leontief blocks, I - A formed in Z's storage, dgetrf, the solves),
** write (vigil_mrio_write into OUTDIR). It also times the library's
** two-call path on a copy of the table (vg_table_clone, not timed), which
** trade shocks and worlds use: factor (vigil_mrio_factor: I - A in a new
** n x n array, dgetrf, pivot check) and accounts (vigil_accounts_compute).
** Links libvigilcore.a. Prints key=value lines for scripts/bench-mrio.
*/
#include "bench_common.h"
#include "table.h"
#include "vigil/mrio.h"

static void fail(vigil_ctx *ctx) {
    fprintf(stderr, "bench_phases: %s\n", vigil_errmsg(ctx));
    exit(2);
}

/* The two-call path on a copy of tab: times of factor and accounts. */
static void two_calls(vigil_ctx *ctx, const vigil_table *tab, double *t) {
    vigil_table *copy = NULL;
    vigil_mrio *m = NULL;
    vigil_accounts *a = NULL;
    if (vg_table_clone(ctx, tab, &copy) != VIGIL_OK) fail(ctx);
    t[0] = bench_now();
    if (vigil_mrio_factor(ctx, copy, &m) != VIGIL_OK) fail(ctx);
    t[1] = bench_now();
    if (vigil_accounts_compute(ctx, copy, m, &a) != VIGIL_OK) fail(ctx);
    t[2] = bench_now();
    vigil_accounts_free(a);
    vigil_mrio_free(m);
    vigil_table_free(copy);
}

int main(int argc, char **argv) {
    static const char *const name[5] = {"load", "consume", "write", "factor", "accounts"};
    double best[5] = {1e300, 1e300, 1e300, 1e300, 1e300}, d[5], t, u[3];
    int reps = argc > 4 ? atoi(argv[4]) : 3, r, k;
    vigil_ctx *ctx = vigil_open();
    vigil_table_opts o;
    if (argc < 4 || ctx == NULL) {
        fputs("usage: bench_phases TABLEDIR FPATH|- OUTDIR [REPS]\n", stderr);
        return 1;
    }
    memset(&o, 0, sizeof o);
    o.dir = argv[1];
    if (strcmp(argv[2], "-") != 0) o.f_path = argv[2];
    for (r = 0; r < reps; r++) {
        vigil_table *tab = NULL;
        vigil_mrio *m = NULL;
        vigil_accounts *a = NULL;
        t = bench_now();
        if (vigil_table_load(ctx, &o, &tab) != VIGIL_OK) fail(ctx);
        d[0] = bench_now() - t;
        two_calls(ctx, tab, u);
        d[3] = u[1] - u[0];
        d[4] = u[2] - u[1];
        t = bench_now();
        if (vigil_accounts_compute_consume(ctx, tab, &m, &a) != VIGIL_OK) fail(ctx);
        d[1] = bench_now() - t;
        t = bench_now();
        if (vigil_mrio_write(ctx, tab, m, a, argv[3], 0) != VIGIL_OK) fail(ctx);
        d[2] = bench_now() - t;
        for (k = 0; k < 5; k++)
            if (d[k] < best[k]) best[k] = d[k];
        vigil_accounts_free(a);
        vigil_mrio_free(m);
        vigil_table_free(tab);
    }
    for (k = 0; k < 5; k++) printf("%s_s=%.6f\n", name[k], best[k]);
    vigil_close(ctx);
    return 0;
}
