/*
** bench_load TABLEDIR [FPATH|-] [REPS]
**
** Times vigil's CSV loading against a plain strtod loop over the same
** files (bench_common.h), best of REPS (default 3), alternating:
**   vigil_z_s     the engine's reader on Z.csv alone (vg_matcsv_read with the
**                 spec vigil_table_load uses: labels checked, numbers
**                 checked, non-negative)
**   strtod_z_s    the plain loop over Z.csv
**   vigil_table_s vigil_table_load of the whole table (Z, Y, x, F) with
**                 its validation (balance, productivity)
**   strtod_table_s the plain loop over the same files
** FPATH is the stressor file when it is not TABLEDIR/F.csv ("-": default).
** Links libvigilcore.a (internal headers from engine/). Prints key=value.
*/
#include "bench_common.h"
#include "matcsv.h"
#include "vigil/mrio.h"

static double strtod_files(const char *const *paths, int k) {
    double t = bench_now(), sum = 0;
    int i;
    for (i = 0; i < k; i++) {
        bench_mat m;
        if (paths[i] == NULL) continue;
        m = bench_read(paths[i]);
        sum += m.sum;
        bench_free(&m);
    }
    t = bench_now() - t;
    if (sum == -1.0) puts("(unlikely)"); /* keep the sum alive */
    return t;
}

static void fail(vigil_ctx *ctx) {
    fprintf(stderr, "bench_load: %s\n", vigil_errmsg(ctx));
    exit(2);
}

int main(int argc, char **argv) {
    const char *dir, *fpath = NULL, *files[4];
    char zp[4096], yp[4096], xp[4096], fp[4096];
    int reps = 3, r;
    double t, best[4] = {1e300, 1e300, 1e300, 1e300};
    vigil_ctx *ctx = vigil_open();
    vigil_table_opts o;
    long n = 0;
    if (argc < 2 || ctx == NULL) {
        fputs("usage: bench_load TABLEDIR [FPATH|-] [REPS]\n", stderr);
        return 1;
    }
    dir = argv[1];
    if (argc > 2 && strcmp(argv[2], "-") != 0) fpath = argv[2];
    if (argc > 3) reps = atoi(argv[3]);
    bench_path(zp, sizeof zp, dir, "Z.csv");
    bench_path(yp, sizeof yp, dir, "Y.csv");
    bench_path(xp, sizeof xp, dir, "x.csv");
    if (fpath == NULL) fpath = bench_path(fp, sizeof fp, dir, "F.csv");
    files[0] = zp;
    files[1] = yp;
    files[2] = bench_exists(xp) ? xp : NULL;
    files[3] = bench_exists(fpath) ? fpath : NULL;
    memset(&o, 0, sizeof o);
    o.dir = dir;
    o.f_path = files[3];

    for (r = 0; r < reps; r++) {
        vg_matcsv z;
        vg_matcsv_spec zs;
        vigil_table *tab = NULL;
        memset(&zs, 0, sizeof zs);
        zs.rows_are_cols = 1; /* as table.c reads Z */
        zs.nonneg = 1;
        zs.what = "intermediate flow";
        t = bench_now();
        if (vg_matcsv_read(ctx, zp, &zs, &z) != VIGIL_OK) fail(ctx);
        t = bench_now() - t;
        if (t < best[0]) best[0] = t;
        vg_matcsv_free(&z);

        t = strtod_files(files, 1);
        if (t < best[1]) best[1] = t;

        t = bench_now();
        if (vigil_table_load(ctx, &o, &tab) != VIGIL_OK) fail(ctx);
        t = bench_now() - t;
        if (t < best[2]) best[2] = t;
        n = vigil_table_ncells(tab);
        vigil_table_free(tab);

        t = strtod_files(files, 4);
        if (t < best[3]) best[3] = t;
    }
    printf("n=%ld\n", n);
    printf("vigil_z_s=%.6f\n", best[0]);
    printf("strtod_z_s=%.6f\n", best[1]);
    printf("vigil_table_s=%.6f\n", best[2]);
    printf("strtod_table_s=%.6f\n", best[3]);
    vigil_close(ctx);
    return 0;
}
