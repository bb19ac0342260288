/*
** Loading and validating an MRIO table in the canonical layout. The checks
** follow what makes the accounts meaningless or the solve unsafe: shape
** and labels, finite numbers, non-negative intermediate flows, outputs
** consistent with inputs, balance, and productivity (every column of A
** summing below one, which with A >= 0 makes I - A non-singular and L >= 0;
** Miller & Blair 2009, Input-Output Analysis, 2nd ed., section 2.3.3).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "strmap.h"
#include "table.h"

static const char *const default_name[5] = {"Z.csv", "Y.csv", "x.csv",
                                            "F.csv", "F_Y.csv"};

/* Resolves the five paths; optional files absent by default become NULL. */
static int resolve_paths(vigil_ctx *ctx, const vigil_table_opts *o,
                         vigil_table *t) {
    const char *given[5] = {o->z_path, o->y_path, o->x_path, o->f_path,
                            o->fy_path};
    int i;
    for (i = 0; i < 5; i++) {
        char buf[4096];
        if (given[i]) {
            t->path[i] = vg_strdup(given[i]);
        } else {
            if (o->dir == NULL)
                return i < 2 ? vigil_seterr(ctx, VIGIL_EUSAGE,
                                            "vigil_table_load: no table directory")
                             : VIGIL_OK;
            snprintf(buf, sizeof buf, "%s/%s", o->dir, default_name[i]);
            if (i >= 2 && access(buf, F_OK) != 0) continue;
            t->path[i] = vg_strdup(buf);
        }
        if (t->path[i] == NULL) return vigil_nomem(ctx, "vigil_table_load");
    }
    return VIGIL_OK;
}

/* Splits every cell label at its first '_' into region and sector, and
** numbers the regions in order of first appearance. */
static int find_regions(vigil_ctx *ctx, vigil_table *t) {
    vg_strmap map = {0};
    long i;
    int rc = VIGIL_OK;
    t->cell_region = vg_malloc_array((size_t)t->n, sizeof *t->cell_region);
    t->region = vg_malloc_array((size_t)t->n, sizeof *t->region);
    if (!t->cell_region || !t->region || vg_strmap_init(&map, t->n) != VIGIL_OK)
        rc = vigil_nomem(ctx, t->path[VG_Z]);
    for (i = 0; rc == VIGIL_OK && i < t->n; i++) {
        const char *lab = t->Z.col[i], *us = strchr(lab, '_');
        long r;
        if (us == NULL || us == lab || us[1] == '\0') {
            rc = vigil_seterr(ctx, VIGIL_EDATA,
                              "%s:1:%ld: label '%s' is not REGION_SECTOR",
                              t->path[VG_Z], i + 2, lab);
            break;
        }
        t->region[t->nreg] = vg_malloc((size_t)(us - lab) + 1);
        if (t->region[t->nreg] == NULL) { rc = vigil_nomem(ctx, t->path[VG_Z]); break; }
        memcpy(t->region[t->nreg], lab, (size_t)(us - lab));
        t->region[t->nreg][us - lab] = '\0';
        r = vg_strmap_add(&map, t->region[t->nreg], t->nreg);
        if (r == -2) { rc = vigil_nomem(ctx, t->path[VG_Z]); t->nreg++; break; }
        if (r == -1) r = t->nreg++;
        else vg_free(t->region[t->nreg]);
        t->cell_region[i] = r;
    }
    vg_strmap_free(&map);
    return rc;
}

/* The region index of a label's REGION prefix, or -1. */
static long region_of(const vigil_table *t, const char *lab) {
    const char *us = strchr(lab, '_');
    long r;
    if (us == NULL) return -1;
    for (r = 0; r < t->nreg; r++)
        if (strlen(t->region[r]) == (size_t)(us - lab) &&
            memcmp(t->region[r], lab, (size_t)(us - lab)) == 0)
            return r;
    return -1;
}

static int map_y_columns(vigil_ctx *ctx, vigil_table *t) {
    long j;
    t->y_region = vg_malloc_array((size_t)t->Y.ncol, sizeof *t->y_region);
    if (t->y_region == NULL) return vigil_nomem(ctx, t->path[VG_Y]);
    for (j = 0; j < t->Y.ncol; j++) {
        t->y_region[j] = region_of(t, t->Y.col[j]);
        if (t->y_region[j] < 0)
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s:1:%ld: final-demand column '%s' is not "
                                "REGION_CATEGORY with a region of %s",
                                t->path[VG_Y], j + 2, t->Y.col[j], t->path[VG_Z]);
    }
    return VIGIL_OK;
}

static int read_z_y(vigil_ctx *ctx, vigil_table *t) {
    vg_matcsv_spec zs = {0}, ys = {0};
    int rc;
    zs.rows_are_cols = 1;
    zs.nonneg = 1;
    zs.what = "intermediate flow";
    if ((rc = vg_matcsv_read(ctx, t->path[VG_Z], &zs, &t->Z)) != VIGIL_OK) return rc;
    t->n = t->Z.ncol;
    if ((rc = find_regions(ctx, t)) != VIGIL_OK) return rc;
    ys.rows = (const char *const *)t->Z.col;
    ys.nrows = t->n;
    ys.labels_from = t->path[VG_Z];
    ys.what = "final demand";
    if ((rc = vg_matcsv_read(ctx, t->path[VG_Y], &ys, &t->Y)) != VIGIL_OK) return rc;
    return map_y_columns(ctx, t);
}

/* Reads x.csv (one column, one row per cell) when there is one. */
static int read_x(vigil_ctx *ctx, vigil_table *t) {
    vg_matcsv xm;
    vg_matcsv_spec xs = {0};
    int rc;
    xs.rows = (const char *const *)t->Z.col;
    xs.nrows = t->n;
    xs.labels_from = t->path[VG_Z];
    xs.nonneg = 1;
    xs.what = "gross output";
    if ((rc = vg_matcsv_read(ctx, t->path[VG_X], &xs, &xm)) != VIGIL_OK) return rc;
    if (xm.ncol != 1) {
        long ncol = xm.ncol;
        vg_matcsv_free(&xm);
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s:1:3: expected one column of gross output, found %ld",
                            t->path[VG_X], ncol);
    }
    t->x = xm.v;        /* take the numbers and lines, free the rest */
    t->xline = xm.line;
    xm.v = NULL;
    xm.line = NULL;
    t->x_given = 1;
    vg_matcsv_free(&xm);
    return VIGIL_OK;
}

static int read_f(vigil_ctx *ctx, vigil_table *t) {
    vg_matcsv_spec fs = {0};
    int rc;
    if (t->path[VG_F] == NULL && t->path[VG_FY] != NULL)
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s: stressors of final demand need their F.csv, "
                            "which is missing", t->path[VG_FY]);
    if (t->path[VG_F] == NULL) return VIGIL_OK;
    fs.cols = (const char *const *)t->Z.col;
    fs.ncols = t->n;
    fs.labels_from = t->path[VG_Z];
    if ((rc = vg_matcsv_read(ctx, t->path[VG_F], &fs, &t->F)) != VIGIL_OK) return rc;
    if (t->path[VG_FY] == NULL) return VIGIL_OK;
    fs.cols = (const char *const *)t->Y.col;
    fs.ncols = t->Y.ncol;
    fs.cols_from = t->path[VG_Y];
    fs.rows = (const char *const *)t->F.row;
    fs.nrows = t->F.nrow;
    fs.labels_from = t->path[VG_F];
    return vg_matcsv_read(ctx, t->path[VG_FY], &fs, &t->FY);
}

static double row_sum(const double *v, long n) {
    double s = 0;
    long j;
    for (j = 0; j < n; j++) s += v[j];
    return s;
}

/* x = rowsum(Z) + rowsum(Y) when x.csv is absent. */
static int derive_x(vigil_ctx *ctx, vigil_table *t) {
    long i, n = t->n;
    t->x = vg_malloc_array((size_t)n, sizeof *t->x);
    if (t->x == NULL) return vigil_nomem(ctx, "vigil_table_load");
    for (i = 0; i < n; i++) {
        t->x[i] = row_sum(t->Z.v + i * n, n) + row_sum(t->Y.v + i * t->Y.ncol, t->Y.ncol);
        if (!isfinite(t->x[i]))
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s:%ld:1: the output of '%s', rowsum(Z) + rowsum(Y), is "
                                "not a finite number (the cells are too large)",
                                t->path[VG_Y], t->Y.line[i], t->Z.col[i]);
        if (t->x[i] < 0)
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s:%ld:1: '%s' has negative output: rowsum(Z) + "
                                "rowsum(Y) = %g (and there is no x.csv)",
                                t->path[VG_Y], t->Y.line[i], t->Z.col[i], t->x[i]);
    }
    return VIGIL_OK;
}

/* Column sums of Z, into cs (n). */
static void column_sums(const vigil_table *t, double *cs) {
    long i, j, n = t->n;
    for (j = 0; j < n; j++) cs[j] = 0;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) cs[j] += t->Z.v[i * n + j];
}

/* A cell with zero output may not buy inputs (its column of A would be
** undefined); a productive table has every column of A summing below 1. */
static int check_columns(vigil_ctx *ctx, const vigil_table *t, const double *cs) {
    long j;
    for (j = 0; j < t->n; j++) {
        if (t->x[j] == 0 && cs[j] > 0) {
            if (t->x_given)
                return vigil_seterr(ctx, VIGIL_EDATA,
                                    "%s:%ld:2: output of '%s' is 0 but it uses inputs "
                                    "(its column in %s sums to %g)",
                                    t->path[VG_X], t->xline[j], t->Z.col[j],
                                    t->path[VG_Z], cs[j]);
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s:1:%ld: '%s' uses inputs (%g) but has no output "
                                "(rowsum(Z) + rowsum(Y) = 0)",
                                t->path[VG_Z], j + 2, t->Z.col[j], cs[j]);
        }
        if (t->x[j] > 0 && cs[j] >= t->x[j])
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s:1:%ld: the table is not productive: the inputs of "
                                "'%s' are %.6g times its output (a column sum of A >= 1)",
                                t->path[VG_Z], j + 2, t->Z.col[j], cs[j] / t->x[j]);
    }
    return VIGIL_OK;
}

/* rowsum(Z) + rowsum(Y) against the published x; reports the worst row. */
static int check_balance(vigil_ctx *ctx, const vigil_table *t, double tol) {
    long i, n = t->n, worst = -1;
    double mean = 0, gap_worst = 0;
    if (!t->x_given || tol < 0) return VIGIL_OK;
    for (i = 0; i < n; i++) mean += fabs(t->x[i]);
    mean /= (double)n;
    for (i = 0; i < n; i++) {
        double use = row_sum(t->Z.v + i * n, n) + row_sum(t->Y.v + i * t->Y.ncol, t->Y.ncol);
        double scale = fmax(fabs(t->x[i]), mean);
        double gap = scale > 0 ? fabs(use - t->x[i]) / scale : fabs(use);
        if (gap > gap_worst) { gap_worst = gap; worst = i; }
    }
    if (worst < 0 || gap_worst <= tol) return VIGIL_OK;
    i = worst;
    return vigil_seterr(ctx, VIGIL_EDATA,
                        "%s:%ld:2: the table does not balance: for '%s', rowsum(Z) + "
                        "rowsum(Y) = %.10g but x = %.10g (gap %.3g of max(x, mean x), "
                        "tolerance %g; see --balance-tol)",
                        t->path[VG_X], t->xline[i], t->Z.col[i],
                        row_sum(t->Z.v + i * n, n) + row_sum(t->Y.v + i * t->Y.ncol, t->Y.ncol),
                        t->x[i], gap_worst, tol);
}

static int validate(vigil_ctx *ctx, vigil_table *t, double tol) {
    double *cs;
    int rc;
    if (!t->x_given && (rc = derive_x(ctx, t)) != VIGIL_OK) return rc;
    if ((rc = check_balance(ctx, t, tol)) != VIGIL_OK) return rc;
    cs = vg_malloc_array((size_t)t->n, sizeof *cs);
    if (cs == NULL) return vigil_nomem(ctx, "vigil_table_load");
    column_sums(t, cs);
    rc = check_columns(ctx, t, cs);
    vg_free(cs);
    return rc;
}

int vigil_table_load(vigil_ctx *ctx, const vigil_table_opts *opts,
                     vigil_table **out) {
    vigil_table *t = vg_calloc(1, sizeof *t);
    double tol = opts->balance_tol == 0 ? 0.01 : opts->balance_tol;
    int rc;
    *out = NULL;
    if (t == NULL) return vigil_nomem(ctx, "vigil_table_load");
    rc = resolve_paths(ctx, opts, t);
    if (rc == VIGIL_OK) rc = read_z_y(ctx, t);
    if (rc == VIGIL_OK && t->path[VG_X]) rc = read_x(ctx, t);
    if (rc == VIGIL_OK) rc = read_f(ctx, t);
    if (rc == VIGIL_OK) rc = validate(ctx, t, tol);
    if (rc != VIGIL_OK) {
        vigil_table_free(t);
        return rc;
    }
    *out = t;
    return VIGIL_OK;
}

void vigil_table_free(vigil_table *t) {
    long r;
    int i;
    if (t == NULL) return;
    for (i = 0; i < 5; i++) vg_free(t->path[i]);
    vg_matcsv_free(&t->Z);
    vg_matcsv_free(&t->Y);
    vg_matcsv_free(&t->F);
    vg_matcsv_free(&t->FY);
    vg_free(t->x);
    vg_free(t->xline);
    for (r = 0; r < t->nreg; r++) vg_free(t->region[r]);
    vg_free(t->region);
    vg_free(t->cell_region);
    vg_free(t->y_region);
    vg_free(t);
}

long vigil_table_ncells(const vigil_table *t) { return t->n; }
long vigil_table_nregions(const vigil_table *t) { return t->nreg; }
long vigil_table_nstressors(const vigil_table *t) { return t->F.nrow; }
const char *vigil_table_cell(const vigil_table *t, long i) { return t->Z.col[i]; }
const char *vigil_table_region(const vigil_table *t, long r) { return t->region[r]; }
const char *vigil_table_stressor(const vigil_table *t, long k) { return t->F.row[k]; }
long vigil_table_cell_region(const vigil_table *t, long i) { return t->cell_region[i]; }
const double *vigil_table_x(const vigil_table *t) { return t->x; }

int vg_table_check_flows(vigil_ctx *ctx, const vigil_table *t, const char *where) {
    if (t->Z.v != NULL) return VIGIL_OK;
    return vigil_seterr(ctx, VIGIL_EUSAGE,
                        "%s: the table's intermediate flows were consumed by "
                        "vigil_accounts_compute_consume", where);
}

/* Copies n strings; NULL when out of memory (what was copied is freed). */
static char **copy_strings(char *const *src, long n) {
    char **dst = vg_calloc((size_t)(n ? n : 1), sizeof *dst);
    long i;
    if (dst == NULL) return NULL;
    for (i = 0; i < n; i++)
        if ((dst[i] = vg_strdup(src[i])) == NULL) {
            while (i--) vg_free(dst[i]);
            vg_free(dst);
            return NULL;
        }
    return dst;
}

static int copy_matrix(const vg_matcsv *src, vg_matcsv *dst) {
    size_t cells = (size_t)src->nrow * (size_t)src->ncol;
    memset(dst, 0, sizeof *dst);
    if (src->nrow == 0 && src->ncol == 0) return VIGIL_OK;
    dst->col = copy_strings(src->col, src->ncol);
    dst->ncol = dst->col ? src->ncol : 0;
    dst->row = copy_strings(src->row, src->nrow);
    dst->nrow = dst->row ? src->nrow : 0;
    dst->line = vg_malloc_array((size_t)(src->nrow ? src->nrow : 1), sizeof *dst->line);
    dst->v = vg_malloc_array(cells ? cells : 1, sizeof *dst->v);
    if (!dst->col || !dst->row || !dst->line || !dst->v) return VIGIL_ENOMEM;
    memcpy(dst->line, src->line, sizeof *dst->line * (size_t)src->nrow);
    memcpy(dst->v, src->v, sizeof *dst->v * cells);
    return VIGIL_OK;
}

int vg_table_clone(vigil_ctx *ctx, const vigil_table *src, vigil_table **out) {
    vigil_table *t;
    int i, ok;
    *out = NULL;
    if ((i = vg_table_check_flows(ctx, src, "vg_table_clone")) != VIGIL_OK) return i;
    if ((t = vg_calloc(1, sizeof *t)) == NULL) return vigil_nomem(ctx, "vg_table_clone");
    t->n = src->n;
    t->nreg = src->nreg;
    t->x_given = src->x_given;
    ok = copy_matrix(&src->Z, &t->Z) == VIGIL_OK && copy_matrix(&src->Y, &t->Y) == VIGIL_OK &&
         copy_matrix(&src->F, &t->F) == VIGIL_OK && copy_matrix(&src->FY, &t->FY) == VIGIL_OK;
    for (i = 0; ok && i < 5; i++)
        if (src->path[i] && (t->path[i] = vg_strdup(src->path[i])) == NULL) ok = 0;
    if (ok) {
        t->x = vg_malloc_array((size_t)t->n, sizeof *t->x);
        t->region = copy_strings(src->region, src->nreg);
        t->cell_region = vg_malloc_array((size_t)t->n, sizeof *t->cell_region);
        t->y_region = vg_malloc_array((size_t)(src->Y.ncol ? src->Y.ncol : 1), sizeof *t->y_region);
        ok = t->x && t->region && t->cell_region && t->y_region;
    }
    if (!ok) {
        if (t->region == NULL) t->nreg = 0;
        vigil_table_free(t);
        return vigil_nomem(ctx, "vg_table_clone");
    }
    memcpy(t->x, src->x, sizeof *t->x * (size_t)t->n);
    memcpy(t->cell_region, src->cell_region, sizeof *t->cell_region * (size_t)t->n);
    memcpy(t->y_region, src->y_region, sizeof *t->y_region * (size_t)src->Y.ncol);
    *out = t;
    return VIGIL_OK;
}
