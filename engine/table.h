/*
** The in-memory MRIO table (internal layout of vigil_table).
*/
#ifndef VIGIL_TABLE_H
#define VIGIL_TABLE_H

#include "matcsv.h"
#include "vigil/mrio.h"
#include "vigil_int.h"

struct vigil_table {
    char *path[5];     /* Z, Y, x, F, F_Y paths (NULL when absent) */
    long n;            /* cells */
    vg_matcsv Z;       /* n x n intermediate flows (Z.v NULL once
                       ** vigil_accounts_compute_consume has taken them) */
    vg_matcsv Y;       /* n x ny final demand */
    vg_matcsv F;       /* k x n stressors (nrow 0 when absent) */
    vg_matcsv FY;      /* k x ny stressors of final demand (or empty) */
    double *x;         /* n gross outputs, from vg_malloc */
    int x_given;       /* x came from x.csv */
    long *xline;       /* line of each x in x.csv (when given) */
    long nreg;
    char **region;     /* region codes in order of first appearance */
    long *cell_region; /* region of each cell */
    long *y_region;    /* consuming region of each Y column */
};

enum { VG_Z, VG_Y, VG_X, VG_F, VG_FY };

/* A deep copy of a table, whose numbers the caller may change (the
** economy under trade shocks). Free with vigil_table_free. */
int vg_table_clone(vigil_ctx *ctx, const vigil_table *src, vigil_table **out);

/* VIGIL_OK when t still has its intermediate flows, else VIGIL_EUSAGE with
** "where: ..." (vigil_accounts_compute_consume took them). */
int vg_table_check_flows(vigil_ctx *ctx, const vigil_table *t, const char *where);

#endif
