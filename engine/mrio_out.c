/*
** Writing the MRIO accounts as CSV with pymrio's names and orientation
** (rows = stressor, columns = region or cell), numbers in their shortest
** round-trip form.
*/
#include <stdio.h>

#include "csvio.h"
#include "mrio_int.h"
#include "outfile.h"

static void put_num(FILE *f, double v) {
    char buf[32];
    fputs(vg_fmt_double(buf, v), f);
}

/* A k x m block with row labels rows and column labels cols. */
static void put_block(FILE *f, const char *corner, char *const *rows, long k,
                      char *const *cols, long m, const double *v) {
    long i, j;
    vg_csv_put_field(f, corner);
    for (j = 0; j < m; j++) {
        fputc(',', f);
        vg_csv_put_field(f, cols[j]);
    }
    fputc('\n', f);
    for (i = 0; i < k; i++) {
        vg_csv_put_field(f, rows[i]);
        for (j = 0; j < m; j++) {
            fputc(',', f);
            put_num(f, v[i * m + j]);
        }
        fputc('\n', f);
    }
}

static void put_x(FILE *f, const vigil_table *t, const vigil_accounts *a) {
    long i;
    fputs("region_sector,x\n", f);
    for (i = 0; i < t->n; i++) {
        vg_csv_put_field(f, t->Z.col[i]);
        fputc(',', f);
        put_num(f, a->x[i]);
        fputc('\n', f);
    }
}

static void put_export_linked(FILE *f, const vigil_table *t, const vigil_accounts *a) {
    static const char *const method[2] = {"local", "global"};
    long k, r, R = t->nreg;
    int g;
    fputs("stressor,region,method,domestic,export_direct,export_upstream,share\n", f);
    for (k = 0; k < a->k; k++)
        for (r = 0; r < R; r++)
            for (g = 0; g < 2; g++) {
                int base = g ? VIGIL_GLOBAL_DOMESTIC : VIGIL_LOCAL_DOMESTIC;
                double dom = a->acc[base][k * R + r];
                double dir = a->acc[base + 1][k * R + r];
                double up = a->acc[base + 2][k * R + r];
                double tot = dom + dir + up;
                vg_csv_put_field(f, t->F.row[k]);
                fputc(',', f);
                vg_csv_put_field(f, t->region[r]);
                fprintf(f, ",%s,", method[g]);
                put_num(f, dom);
                fputc(',', f);
                put_num(f, dir);
                fputc(',', f);
                put_num(f, up);
                fputc(',', f);
                put_num(f, tot != 0 ? (dir + up) / tot : 0.0);
                fputc('\n', f);
            }
}

/* L = (I - A)^-1, formed only when asked for. */
static int put_l(vigil_ctx *ctx, FILE *f, const vigil_table *t, const vigil_mrio *m) {
    double *l = vg_malloc_array((size_t)t->n * (size_t)t->n, sizeof *l);
    int rc;
    if (l == NULL) return vigil_nomem(ctx, "L.csv");
    rc = vigil_mrio_leontief(ctx, m, l);
    if (rc == VIGIL_OK)
        put_block(f, "region_sector", t->Z.col, t->n, t->Z.col, t->n, l);
    vg_free(l);
    return rc;
}

int vigil_mrio_write(vigil_ctx *ctx, const vigil_table *t, const vigil_mrio *m,
                     const vigil_accounts *a, const char *out_dir, int with_l) {
    static const struct { const char *name; int which; } reg[] = {
        {"D_cba_reg.csv", VIGIL_D_CBA}, {"D_pba_reg.csv", VIGIL_D_PBA},
        {"D_imp_reg.csv", VIGIL_D_IMP}, {"D_exp_reg.csv", VIGIL_D_EXP}};
    vg_outset s;
    FILE *f;
    int rc, i;
    if ((rc = vg_out_begin(ctx, &s, out_dir)) != VIGIL_OK) return rc;
    if ((rc = vg_out_open(ctx, &s, "x.csv", &f)) == VIGIL_OK) put_x(f, t, a);
    if (rc == VIGIL_OK && a->k > 0) {
        if ((rc = vg_out_open(ctx, &s, "multipliers.csv", &f)) == VIGIL_OK)
            put_block(f, "stressor", t->F.row, a->k, t->Z.col, t->n, a->M);
        for (i = 0; rc == VIGIL_OK && i < 4; i++)
            if ((rc = vg_out_open(ctx, &s, reg[i].name, &f)) == VIGIL_OK)
                put_block(f, "stressor", t->F.row, a->k, t->region, t->nreg,
                          a->acc[reg[i].which]);
        if (rc == VIGIL_OK && (rc = vg_out_open(ctx, &s, "export_linked.csv", &f)) == VIGIL_OK)
            put_export_linked(f, t, a);
    }
    if (rc == VIGIL_OK && with_l && (rc = vg_out_open(ctx, &s, "L.csv", &f)) == VIGIL_OK)
        rc = put_l(ctx, f, t, m);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &s);
    vg_out_abort(&s);
    return rc;
}
