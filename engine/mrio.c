/*
** The Leontief system: A = Z diag(x)^-1 and one LU factorisation of I - A,
** reused for every solve (Miller & Blair 2009, Input-Output Analysis,
** 2nd ed., ch. 2; the inverse L = (I - A)^-1 is formed only on request).
**
** GSL factors P (I - A) = LU, applying P as x'_j = x_{p_j}
** (gsl_permute_vector). Solves with many right-hand sides use BLAS-3
** triangular solves (dtrsm), which GSL hands to OpenBLAS.
*/
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_permutation.h>
#include <string.h>

#include "mrio_int.h"

/* Library code never aborts: GSL's default handler would (STYLE.md
** rule 5). Turning it off is idempotent, so every entry point may do it. */
static void gsl_quiet(void) { gsl_set_error_handler_off(); }

/* Fills lu with I - A, A = Z diag(x)^-1, 1/x taken as 0 where x = 0 (as
** pymrio does; the loader has checked such columns are empty). inv is
** scratch for n doubles. */
static void fill_i_minus_a(const vigil_table *t, double *lu, double *inv) {
    size_t i, j, n = (size_t)t->n;
    for (j = 0; j < n; j++) inv[j] = t->x[j] > 0 ? 1.0 / t->x[j] : 0.0;
    for (i = 0; i < n; i++) {
        const double *z = t->Z.v + i * n;
        double *a = lu + i * n;
        for (j = 0; j < n; j++) a[j] = -z[j] * inv[j];
        a[i] += 1.0;
    }
}

/* Checks U's diagonal: a zero (or non-finite) pivot means I - A is singular. */
static int check_pivots(vigil_ctx *ctx, const vigil_table *t, const vigil_mrio *m) {
    long i, n = t->n;
    for (i = 0; i < n; i++) {
        double d = m->lu[(size_t)i * (size_t)n + (size_t)i];
        if (!(d != 0.0) || d - d != 0.0)
            return vigil_seterr(ctx, VIGIL_ENUM,
                                "%s: I - A is singular (zero pivot at '%s')",
                                t->path[VG_Z], t->Z.col[m->perm->data[i]]);
    }
    return VIGIL_OK;
}

int vigil_mrio_factor(vigil_ctx *ctx, const vigil_table *t, vigil_mrio **out) {
    vigil_mrio *m = vg_calloc(1, sizeof *m);
    gsl_matrix_view v;
    double *inv = NULL;
    int signum, rc = VIGIL_OK;
    gsl_quiet();
    *out = NULL;
    if (m == NULL) return vigil_nomem(ctx, "vigil_mrio_factor");
    m->t = t;
    m->n = t->n;
    m->lu = vg_malloc_array((size_t)t->n * (size_t)t->n, sizeof *m->lu);
    m->perm = gsl_permutation_alloc((size_t)t->n);
    inv = vg_malloc_array((size_t)t->n, sizeof *inv);
    if (m->lu == NULL || m->perm == NULL || inv == NULL) rc = vigil_nomem(ctx, "vigil_mrio_factor");
    if (rc == VIGIL_OK) {
        fill_i_minus_a(t, m->lu, inv);
        v = gsl_matrix_view_array(m->lu, (size_t)t->n, (size_t)t->n);
        if (gsl_linalg_LU_decomp(&v.matrix, m->perm, &signum) != GSL_SUCCESS)
            rc = vigil_seterr(ctx, VIGIL_ENUM, "%s: LU factorisation failed",
                              t->path[VG_Z]);
    }
    vg_free(inv);
    if (rc == VIGIL_OK) rc = check_pivots(ctx, t, m);
    if (rc != VIGIL_OK) {
        vigil_mrio_free(m);
        return rc;
    }
    *out = m;
    return VIGIL_OK;
}

void vigil_mrio_free(vigil_mrio *m) {
    if (m == NULL) return;
    vg_free(m->lu);
    if (m->perm) gsl_permutation_free(m->perm);
    vg_free(m);
}

/* Row permutation of an n x k block: forward b'_j = b_{p_j}, or its inverse
** b'_{p_j} = b_j. tmp holds n x k doubles. */
static void permute_rows(const gsl_permutation *p, double *b, double *tmp,
                         long n, long k, int inverse) {
    long j;
    size_t row = (size_t)k * sizeof *b;
    for (j = 0; j < n; j++) {
        size_t pj = p->data[j];
        if (inverse) memcpy(tmp + pj * (size_t)k, b + (size_t)j * (size_t)k, row);
        else memcpy(tmp + (size_t)j * (size_t)k, b + pj * (size_t)k, row);
    }
    memcpy(b, tmp, (size_t)n * row);
}

/* Solves with the factors: op = 0 for (I - A) X = B, 1 for the transpose.
** (I - A) = P' L U, so (I - A)' = U' L' P. */
static int solve(vigil_ctx *ctx, const vigil_mrio *m, double *b, long k, int trans) {
    size_t n = (size_t)m->n;
    gsl_matrix_const_view lu = gsl_matrix_const_view_array(m->lu, n, n);
    gsl_matrix_view bv;
    double *tmp;
    gsl_quiet();
    if (k <= 0) return VIGIL_OK;
    tmp = vg_malloc_array(n * (size_t)k, sizeof *tmp);
    if (tmp == NULL) return vigil_nomem(ctx, "vigil_mrio_solve");
    bv = gsl_matrix_view_array(b, n, (size_t)k);
    if (!trans) {
        permute_rows(m->perm, b, tmp, m->n, k, 0);
        gsl_blas_dtrsm(CblasLeft, CblasLower, CblasNoTrans, CblasUnit, 1.0,
                       &lu.matrix, &bv.matrix);
        gsl_blas_dtrsm(CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, 1.0,
                       &lu.matrix, &bv.matrix);
    } else {
        gsl_blas_dtrsm(CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, 1.0,
                       &lu.matrix, &bv.matrix);
        gsl_blas_dtrsm(CblasLeft, CblasLower, CblasTrans, CblasUnit, 1.0,
                       &lu.matrix, &bv.matrix);
        permute_rows(m->perm, b, tmp, m->n, k, 1);
    }
    vg_free(tmp);
    return VIGIL_OK;
}

int vigil_mrio_solve(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs) {
    return solve(ctx, m, b, nrhs, 0);
}

int vigil_mrio_solve_t(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs) {
    return solve(ctx, m, b, nrhs, 1);
}

int vigil_mrio_leontief(vigil_ctx *ctx, const vigil_mrio *m, double *l) {
    size_t i, n = (size_t)m->n;
    memset(l, 0, n * n * sizeof *l);
    for (i = 0; i < n; i++) l[i * n + i] = 1.0;
    return solve(ctx, m, l, m->n, 0);
}
