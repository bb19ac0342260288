/*
** Fuzzing the table loader: the CSV reader (engine/csvio.c), the labelled
** matrix reader (engine/matcsv.c) and the MRIO table (engine/table.c, then
** the factorisation and the accounts on what loads).
**
** Input: one or more files separated by a line "%%" (the bytes "%%\n" at
** the start of the input or right after a '\n'; the '\n' before it stays
** with the file before). With one file, the file goes through the CSV
** reader and the matrix reader under each of its specs. With two to five,
** they are the Z.csv, Y.csv, x.csv, F.csv and F_Y.csv of a table folder
** (an empty x, F or F_Y: no such file) and the whole table is loaded, as
** `vigil mrio` does.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "fuzz.h"
#include "matcsv.h"
#include "vigil/mrio.h"

#define MAXFILES 5
#define MAXCELLS 64 /* factorise only tables this small: speed */

static const char *const names[MAXFILES] = {"Z.csv", "Y.csv", "x.csv", "F.csv",
                                            "F_Y.csv"};

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fz_tmpdir();
    return 0;
}

/* Splits data at "%%" lines: start[k], len[k]; returns the count. */
static int split(const uint8_t *data, size_t size, const uint8_t **start,
                 size_t *len) {
    size_t i, from = 0;
    int n = 0;
    for (i = 0; i + 3 <= size && n < MAXFILES - 1; i++) {
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "%%\n", 3) == 0) {
            start[n] = data + from;
            len[n++] = i - from;
            from = i + 3;
            i += 2;
        }
    }
    start[n] = data + from;
    len[n++] = size - from;
    return n;
}

/* The CSV reader's callbacks: check what the reader promises. */
static int cb_field(void *ud, const char *s, size_t len, long line, long col) {
    long *count = ud;
    if (line < 1 || col < 1 || strlen(s) > len) abort();
    ++*count;
    return VIGIL_OK;
}

static int cb_record(void *ud, long line, long nfields) {
    (void)ud;
    if (line < 1 || nfields < 1) abort();
    return VIGIL_OK;
}

/* One file through the CSV reader and the matrix reader. */
static void one_file(vigil_ctx *ctx, const char *path) {
    vg_csv_cb cb = {cb_field, cb_record, NULL};
    vg_matcsv m;
    vg_matcsv_spec sp;
    static const char *const rows[] = {"R1_s1", "R1_s2", "R2_s1"};
    long count = 0, i;
    cb.ud = &count;
    vg_csv_read(ctx, path, &cb);
    memset(&sp, 0, sizeof sp); /* free-form labels */
    sp.what = "number";
    if (vg_matcsv_read(ctx, path, &sp, &m) == VIGIL_OK) {
        for (i = 0; i < m.nrow * m.ncol; i++) (void)m.v[i];
        vg_matcsv_free(&m);
    }
    sp.rows_are_cols = 1; /* as Z.csv */
    sp.nonneg = 1;
    sp.what = "intermediate flow";
    if (vg_matcsv_read(ctx, path, &sp, &m) == VIGIL_OK) vg_matcsv_free(&m);
    memset(&sp, 0, sizeof sp); /* as Y.csv of a known table, and F.csv */
    sp.rows = rows;
    sp.nrows = 3;
    sp.cols = rows;
    sp.ncols = 3;
    sp.labels_from = "Z.csv";
    sp.what = "final demand";
    if (vg_matcsv_read(ctx, path, &sp, &m) == VIGIL_OK) vg_matcsv_free(&m);
}

/* n numbers must be finite (and non-negative when nonneg): a loaded
** table or its accounts with inf or NaN is a wrong number vigil would
** write. Aborts (a finding). */
static void finite(const char *what, const double *v, long n, int nonneg) {
    long i;
    for (i = 0; i < n; i++)
        if (!isfinite(v[i]) || (nonneg && v[i] < 0)) {
            fprintf(stderr, "fuzz_csv: %s[%ld] = %g\n", what, i, v[i]);
            abort();
        }
}

/* A whole table folder. */
static void table(vigil_ctx *ctx, const char *dir) {
    vigil_table_opts o;
    vigil_table *t = NULL;
    vigil_mrio *m = NULL;
    vigil_accounts *a = NULL;
    long n;
    memset(&o, 0, sizeof o);
    o.dir = dir;
    if (vigil_table_load(ctx, &o, &t) != VIGIL_OK) return;
    n = vigil_table_ncells(t);
    finite("x", vigil_table_x(t), n, 1);
    if (n <= MAXCELLS && vigil_mrio_factor(ctx, t, &m) == VIGIL_OK &&
        vigil_accounts_compute(ctx, t, m, &a) == VIGIL_OK) {
        finite("L y", vigil_accounts_x(a), n, 0);
        finite("e", vigil_accounts_exports(a), n, 0);
        finite("u", vigil_accounts_export_output(a), n, 0);
        finite("v", vigil_accounts_domestic_output(a), n, 0);
        finite("X", vigil_accounts_output_by_region(a), n * vigil_table_nregions(t), 0);
    }
    vigil_accounts_free(a);
    vigil_mrio_free(m);
    vigil_table_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const uint8_t *start[MAXFILES];
    size_t len[MAXFILES];
    char path[512];
    vigil_ctx *ctx = vigil_open();
    int n = split(data, size, start, len), k;
    if (ctx == NULL) abort();
    for (k = 0; k < MAXFILES; k++) {
        fz_path(path, sizeof path, names[k]);
        if (k < n && (k < 2 || len[k] > 0)) fz_write(path, start[k], len[k]);
        else unlink(path);
    }
    if (n == 1) one_file(ctx, fz_path(path, sizeof path, names[0]));
    else table(ctx, fz_tmpdir());
    /* every failure leaves a message that names where */
    if (vigil_errcode(ctx) != VIGIL_OK && vigil_errmsg(ctx)[0] == '\0') abort();
    vigil_close(ctx);
    return 0;
}
