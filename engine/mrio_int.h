/*
** Internal layout of the factored Leontief system and of the accounts.
*/
#ifndef VIGIL_MRIO_INT_H
#define VIGIL_MRIO_INT_H

#include <stdio.h> /* once through GSL's headers; world_int.h users rely on it */

#include "table.h"

struct vigil_mrio {
    const vigil_table *t; /* borrowed */
    long n;
    /* LU factors of B = (I - A)' from LAPACK's dgetrf, n x n column-major
    ** (that is, the row-major I - A factored in place), from vg_malloc:
    ** a new array, or the table's Z taken over (vg_mrio_factor_in_place) */
    double *lu;
    int *ipiv;            /* dgetrf's row interchanges (1-based), from vg_malloc */
};

struct vigil_accounts {
    long n, k, nreg;
    double *x;        /* L y, n */
    double *S;        /* F / x, k x n */
    double *M;        /* S L, k x n */
    double *e;        /* exports of each cell to other regions, n */
    double *u;        /* local Leontief: output driven by exports, n */
    double *v;        /* local Leontief: output driven by own final demand, n */
    double *X;        /* L Y_reg: output driven by each region's final demand, n x nreg */
    double *acc[VIGIL_NACCOUNTS]; /* each k x nreg */
};

/*
** vigil_mrio_factor without a second n x n array: I - A is formed and
** factored in the storage of t's Z, which *out takes over (t->Z.v becomes
** NULL; Z's labels stay, and so do x, Y and F). Once the flows are taken
** they are gone, even when the factorisation then fails. What else needs
** Z (the local Leontief blocks, the exports) must be computed before:
** vigil_accounts_compute_consume does that. The caller frees *out with
** vigil_mrio_free.
*/
int vg_mrio_factor_in_place(vigil_ctx *ctx, vigil_table *t, vigil_mrio **out);

#endif
