/*
** bench_phases TABLEDIR FPATH|- OUTDIR [REPS]
**
** Runs the steps of `vigil mrio` through the library, timing each one,
** best of REPS (default 3): load (vigil_table_load: read + validate),
** factor (vigil_mrio_factor: form I - A, gsl_linalg_LU_decomp, pivot
** check), accounts (vigil_accounts_compute: solves and the per-region
** local Leontief blocks), write (vigil_mrio_write into OUTDIR).
** Links libvigilcore.a. Prints key=value lines for scripts/bench-mrio.
*/
#include "bench_common.h"
#include "vigil/mrio.h"

static void fail(vigil_ctx *ctx) {
    fprintf(stderr, "bench_phases: %s\n", vigil_errmsg(ctx));
    exit(2);
}

int main(int argc, char **argv) {
    static const char *const name[4] = {"load", "factor", "accounts", "write"};
    double best[4] = {1e300, 1e300, 1e300, 1e300}, t[5];
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
        t[0] = bench_now();
        if (vigil_table_load(ctx, &o, &tab) != VIGIL_OK) fail(ctx);
        t[1] = bench_now();
        if (vigil_mrio_factor(ctx, tab, &m) != VIGIL_OK) fail(ctx);
        t[2] = bench_now();
        if (vigil_accounts_compute(ctx, tab, m, &a) != VIGIL_OK) fail(ctx);
        t[3] = bench_now();
        if (vigil_mrio_write(ctx, tab, m, a, argv[3], 0) != VIGIL_OK) fail(ctx);
        t[4] = bench_now();
        for (k = 0; k < 4; k++)
            if (t[k + 1] - t[k] < best[k]) best[k] = t[k + 1] - t[k];
        vigil_accounts_free(a);
        vigil_mrio_free(m);
        vigil_table_free(tab);
    }
    for (k = 0; k < 4; k++) printf("%s_s=%.6f\n", name[k], best[k]);
    vigil_close(ctx);
    return 0;
}
