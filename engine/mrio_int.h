/*
** Internal layout of the factored Leontief system and of the accounts.
*/
#ifndef VIGIL_MRIO_INT_H
#define VIGIL_MRIO_INT_H

#include <gsl/gsl_permutation.h>

#include "table.h"

struct vigil_mrio {
    const vigil_table *t; /* borrowed */
    long n;
    double *lu;           /* LU factors of I - A, n x n, from vg_malloc */
    gsl_permutation *perm;
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

#endif
