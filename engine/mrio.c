/*
** The Leontief system: A = Z diag(x)^-1 and one LU factorisation of I - A,
** reused for every solve (Miller & Blair 2009, Input-Output Analysis,
** 2nd ed., ch. 2; the inverse L = (I - A)^-1 is formed only on request).
**
** The factorisation is LAPACK's dgetrf (OpenBLAS's, threaded), called
** directly rather than through GSL: see docs/DECISIONS.md, "LAPACK for
** the LU". LAPACK is column-major and I - A is stored row-major, so what
** it factors, reading the same array, is the transpose B = (I - A)':
** P B = L U, partial pivoting over the rows of B, i.e. over the columns
** of I - A. Solves use B' = I - A and B = (I - A)': dgetrs with "T" for
** (I - A) X = Y and "N" for (I - A)' X = Y. No transposed copy of the
** n x n matrix is made; only right-hand sides with more than one column
** are transposed (they are n x k row-major, LAPACK wants n x k
** column-major).
*/
#include <limits.h>
#include <string.h>

#include "mrio_int.h"

/* LAPACK as exported by OpenBLAS (Fortran names, arguments by address,
** 32-bit integers as in Debian's libopenblas0; the 64-bit-index build is
** a different library, libopenblas64). */
extern void dgetrf_(const int *m, const int *n, double *a, const int *lda,
                    int *ipiv, int *info);
extern void dgetrs_(const char *trans, const int *n, const int *nrhs,
                    const double *a, const int *lda, const int *ipiv,
                    double *b, const int *ldb, int *info);

/* Fills lu with I - A, A = Z diag(x)^-1, 1/x taken as 0 where x = 0 (as
** pymrio does; the loader has checked such columns are empty). z may be
** lu itself (I - A formed in place). inv is scratch for n doubles. */
static void fill_i_minus_a(const vigil_table *t, const double *z, double *lu,
                           double *inv) {
    size_t i, j, n = (size_t)t->n;
    for (j = 0; j < n; j++) inv[j] = t->x[j] > 0 ? 1.0 / t->x[j] : 0.0;
    for (i = 0; i < n; i++) {
        const double *zi = z + i * n;
        double *a = lu + i * n;
        for (j = 0; j < n; j++) a[j] = -zi[j] * inv[j];
        a[i] += 1.0;
    }
}

/* The original index of the row of B that LAPACK's interchanges moved
** to position k (swaps applied in order: row i with row ipiv[i] - 1). */
static long pivot_row(const int *ipiv, long n, long k) {
    long i, row = k;
    for (i = n - 1; i >= 0; i--) { /* undo the swaps, last first */
        if (row == i) row = ipiv[i] - 1;
        else if (row == ipiv[i] - 1) row = i;
    }
    return row;
}

/* Checks U's diagonal: a zero (or non-finite) pivot means I - A is
** singular. The label named is that of the pivot row of B, which is a
** column of I - A (rows and columns share the cell labels). */
static int check_pivots(vigil_ctx *ctx, const vigil_table *t, const vigil_mrio *m) {
    long i, n = t->n;
    for (i = 0; i < n; i++) {
        double d = m->lu[(size_t)i * (size_t)n + (size_t)i];
        if (!(d != 0.0) || d - d != 0.0)
            return vigil_seterr(ctx, VIGIL_ENUM,
                                "%s: I - A is singular (zero pivot at '%s')",
                                t->path[VG_Z], t->Z.col[pivot_row(m->ipiv, n, i)]);
    }
    return VIGIL_OK;
}

/*
** Forms I - A from z into m->lu (which may be z) and factors it with
** dgetrf. m->lu and m->ipiv are allocated by the caller. dgetrf's info > 0
** (an exactly zero pivot) is left to check_pivots, which also catches
** non-finite ones and names the cell.
*/
static int factor_lu(vigil_ctx *ctx, const vigil_table *t, const double *z,
                     vigil_mrio *m) {
    double *inv;
    int n = (int)t->n, info = 0;
    if (t->n > INT_MAX)
        return vigil_seterr(ctx, VIGIL_EUSAGE,
                            "vigil_mrio_factor: %ld cells, more than LAPACK indexes",
                            t->n);
    if ((inv = vg_malloc_array((size_t)t->n, sizeof *inv)) == NULL)
        return vigil_nomem(ctx, "vigil_mrio_factor");
    fill_i_minus_a(t, z, m->lu, inv);
    vg_free(inv);
    if (n > 0) dgetrf_(&n, &n, m->lu, &n, m->ipiv, &info);
    if (info < 0)
        return vigil_seterr(ctx, VIGIL_ENUM, "%s: LU factorisation failed",
                            t->path[VG_Z]);
    return check_pivots(ctx, t, m);
}

/* An empty system for t, with ipiv allocated; NULL when out of memory. */
static vigil_mrio *mrio_alloc(const vigil_table *t) {
    vigil_mrio *m = vg_calloc(1, sizeof *m);
    if (m == NULL) return NULL;
    m->t = t;
    m->n = t->n;
    m->ipiv = vg_malloc_array((size_t)(t->n ? t->n : 1), sizeof *m->ipiv);
    if (m->ipiv == NULL) {
        vg_free(m);
        return NULL;
    }
    return m;
}

int vigil_mrio_factor(vigil_ctx *ctx, const vigil_table *t, vigil_mrio **out) {
    vigil_mrio *m;
    int rc;
    *out = NULL;
    if ((rc = vg_table_check_flows(ctx, t, "vigil_mrio_factor")) != VIGIL_OK) return rc;
    if ((m = mrio_alloc(t)) == NULL) return vigil_nomem(ctx, "vigil_mrio_factor");
    m->lu = vg_malloc_array((size_t)t->n * (size_t)t->n, sizeof *m->lu);
    if (m->lu == NULL) rc = vigil_nomem(ctx, "vigil_mrio_factor");
    if (rc == VIGIL_OK) rc = factor_lu(ctx, t, t->Z.v, m);
    if (rc != VIGIL_OK) {
        vigil_mrio_free(m);
        return rc;
    }
    *out = m;
    return VIGIL_OK;
}

int vg_mrio_factor_in_place(vigil_ctx *ctx, vigil_table *t, vigil_mrio **out) {
    vigil_mrio *m;
    int rc;
    *out = NULL;
    if ((rc = vg_table_check_flows(ctx, t, "vigil_mrio_factor")) != VIGIL_OK) return rc;
    if ((m = mrio_alloc(t)) == NULL) return vigil_nomem(ctx, "vigil_mrio_factor");
    m->lu = t->Z.v; /* taken over: freed with m */
    t->Z.v = NULL;
    if ((rc = factor_lu(ctx, t, m->lu, m)) != VIGIL_OK) {
        vigil_mrio_free(m);
        return rc;
    }
    *out = m;
    return VIGIL_OK;
}

void vigil_mrio_free(vigil_mrio *m) {
    if (m == NULL) return;
    vg_free(m->lu);
    vg_free(m->ipiv);
    vg_free(m);
}

/* b (n x k, row-major) to or from t (n x k, column-major). */
static void transpose(const double *src, double *dst, size_t rows, size_t cols) {
    size_t i, j;
    for (i = 0; i < rows; i++)
        for (j = 0; j < cols; j++) dst[j * rows + i] = src[i * cols + j];
}

/* Solves with the factors of B = (I - A)': trans = 0 for (I - A) X = Y,
** which is B' X = Y (dgetrs "T"), 1 for (I - A)' X = Y, B X = Y ("N").
** b is n x k row-major; a single column is already column-major. */
static int solve(vigil_ctx *ctx, const vigil_mrio *m, double *b, long k, int trans) {
    size_t nn = (size_t)m->n, kk = (size_t)k;
    int n = (int)m->n, nrhs = (int)k, info = 0;
    double *cm = b;
    if (k <= 0 || n == 0) return VIGIL_OK;
    if (k > INT_MAX)
        return vigil_seterr(ctx, VIGIL_EUSAGE,
                            "vigil_mrio_solve: %ld right-hand sides, more than LAPACK indexes",
                            k);
    if (k > 1) {
        if ((cm = vg_malloc_array(nn * kk, sizeof *cm)) == NULL)
            return vigil_nomem(ctx, "vigil_mrio_solve");
        transpose(b, cm, nn, kk);
    }
    dgetrs_(trans ? "N" : "T", &n, &nrhs, m->lu, &n, m->ipiv, cm, &n, &info);
    if (k > 1) {
        transpose(cm, b, kk, nn);
        vg_free(cm);
    }
    if (info != 0) /* only for bad arguments, which the checks above exclude */
        return vigil_seterr(ctx, VIGIL_ENUM, "vigil_mrio_solve: dgetrs failed (%d)", info);
    return VIGIL_OK;
}

int vigil_mrio_solve(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs) {
    return solve(ctx, m, b, nrhs, 0);
}

int vigil_mrio_solve_t(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs) {
    return solve(ctx, m, b, nrhs, 1);
}

/* L = (I - A)^-1 without transposes: the identity, read column-major,
** solved with B gives B^-1 = L' column-major, which is L row-major. */
int vigil_mrio_leontief(vigil_ctx *ctx, const vigil_mrio *m, double *l) {
    size_t i, n = (size_t)m->n;
    int ni = (int)m->n, info = 0;
    memset(l, 0, n * n * sizeof *l);
    for (i = 0; i < n; i++) l[i * n + i] = 1.0;
    if (n > 0) dgetrs_("N", &ni, &ni, m->lu, &ni, m->ipiv, l, &ni, &info);
    if (info != 0)
        return vigil_seterr(ctx, VIGIL_ENUM, "vigil_mrio_leontief: dgetrs failed (%d)", info);
    return VIGIL_OK;
}
