/*
** bench_lu TABLEDIR [REPS]
**
** Times the LU factorisation of I - A (formed exactly as vigil forms it,
** see bench_common.h) three ways, alternating, best of REPS (default 3):
**   vigil   what vigil_mrio_factor calls: OpenBLAS's dgetrf_ on the
**           row-major array as it stands, which LAPACK reads as (I - A)'
**   lapack  dgetrf_ on I - A itself (a column-major copy): the target
**   gsl     gsl_linalg_LU_decomp on the row-major matrix (what vigil called
**           before; GSL's BLAS calls go to OpenBLAS when linked -lgsl
**           -lopenblas), for reference
** Checks that GSL and LAPACK pivot alike on I - A (same pivots, same
** factors to rounding), and that vigil's factors solve (I - A) x = 1 as
** GSL's do. Prints key=value lines for scripts/bench-mrio.
*/
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>

#include "bench_common.h"

extern void dgetrf_(const int *m, const int *n, double *a, const int *lda,
                    int *ipiv, int *info);
extern void dgetrs_(const char *trans, const int *n, const int *nrhs,
                    const double *a, const int *lda, const int *ipiv, double *b,
                    const int *ldb, int *info);
extern char *openblas_get_config(void);
extern char *openblas_get_corename(void);

/* Which shared object provides a function (to show GSL's BLAS is OpenBLAS). */
static const char *provider(void *fn) {
    Dl_info info;
    const char *s;
    if (dladdr(fn, &info) == 0 || info.dli_fname == NULL) return "?";
    s = strrchr(info.dli_fname, '/');
    return s ? s + 1 : info.dli_fname;
}

/* max |a - b| / max |b| over n values. */
static double rel_diff(const double *a, const double *b, long n) {
    double d = 0, mx = 0;
    long i;
    for (i = 0; i < n; i++) {
        if (fabs(a[i] - b[i]) > d) d = fabs(a[i] - b[i]);
        if (fabs(b[i]) > mx) mx = fabs(b[i]);
    }
    return mx > 0 ? d / mx : d;
}

int main(int argc, char **argv) {
    long n, i, j;
    int reps = argc > 2 ? atoi(argv[2]) : 3, r, ni, one = 1, info = 0, signum, same_piv = 1;
    double *m, *cm, *work, *work2, *work3, t, best_gsl = 1e300, best_lapack = 1e300;
    double best_vigil = 1e300, maxdiff = 0, maxabs = 0, *xg, *xv;
    int *ipiv, *ipiv3, *perm;
    gsl_permutation *p;
    gsl_matrix_view v;
    gsl_vector_view xgv;
    if (argc < 2) {
        fputs("usage: bench_lu TABLEDIR [REPS]\n", stderr);
        return 1;
    }
    gsl_set_error_handler_off();
    m = bench_i_minus_a(argv[1], &n);
    ni = (int)n;
    cm = malloc(sizeof *cm * (size_t)(n * n));     /* column-major copy */
    work = malloc(sizeof *work * (size_t)(n * n));  /* GSL's factors */
    work2 = malloc(sizeof *work2 * (size_t)(n * n)); /* LAPACK's factors of I - A */
    work3 = malloc(sizeof *work3 * (size_t)(n * n)); /* vigil's: of (I - A)' */
    ipiv = malloc(sizeof *ipiv * (size_t)n);
    ipiv3 = malloc(sizeof *ipiv3 * (size_t)n);
    perm = malloc(sizeof *perm * (size_t)n);
    xg = malloc(sizeof *xg * (size_t)n);
    xv = malloc(sizeof *xv * (size_t)n);
    p = gsl_permutation_alloc((size_t)n);
    if (!cm || !work || !work2 || !work3 || !ipiv || !ipiv3 || !perm || !xg || !xv || !p)
        bench_die("out of memory", argv[1]);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) cm[j * n + i] = m[i * n + j];

    for (r = 0; r < reps; r++) {
        memcpy(work3, m, sizeof *m * (size_t)(n * n));
        t = bench_now();
        dgetrf_(&ni, &ni, work3, &ni, ipiv3, &info);
        t = bench_now() - t;
        if (info != 0) bench_die("dgetrf_ on (I - A)' failed", argv[1]);
        if (t < best_vigil) best_vigil = t;

        memcpy(work2, cm, sizeof *cm * (size_t)(n * n));
        t = bench_now();
        dgetrf_(&ni, &ni, work2, &ni, ipiv, &info);
        t = bench_now() - t;
        if (info != 0) bench_die("dgetrf_ failed", argv[1]);
        if (t < best_lapack) best_lapack = t;

        memcpy(work, m, sizeof *m * (size_t)(n * n));
        v = gsl_matrix_view_array(work, (size_t)n, (size_t)n);
        t = bench_now();
        if (gsl_linalg_LU_decomp(&v.matrix, p, &signum) != GSL_SUCCESS)
            bench_die("gsl_linalg_LU_decomp failed", argv[1]);
        t = bench_now() - t;
        if (t < best_gsl) best_gsl = t;
    }

    /* LAPACK's row interchanges as a permutation: row i of P A is row perm[i]. */
    for (i = 0; i < n; i++) perm[i] = (int)i;
    for (i = 0; i < n; i++) {
        int k = ipiv[i] - 1, tmp = perm[i];
        perm[i] = perm[k];
        perm[k] = tmp;
    }
    for (i = 0; i < n; i++) {
        if ((size_t)perm[i] != p->data[i]) same_piv = 0;
        for (j = 0; j < n; j++) {
            double a = work[i * n + j], b = work2[j * n + i];
            if (fabs(a - b) > maxdiff) maxdiff = fabs(a - b);
            if (fabs(a) > maxabs) maxabs = fabs(a);
        }
    }
    /* (I - A) x = 1: GSL's factors, and vigil's ((I - A)' factored, "T") */
    for (i = 0; i < n; i++) xg[i] = xv[i] = 1.0;
    xgv = gsl_vector_view_array(xg, (size_t)n);
    gsl_linalg_LU_svx(&v.matrix, p, &xgv.vector);
    dgetrs_("T", &ni, &one, work3, &ni, ipiv3, xv, &ni, &info);
    printf("n=%ld\n", n);
    printf("vigil_lu_s=%.6f\n", best_vigil);
    printf("gsl_lu_s=%.6f\n", best_gsl);
    printf("dgetrf_s=%.6f\n", best_lapack);
    printf("vigil_gflops=%.2f\n", 2.0 / 3.0 * (double)n * (double)n * (double)n / best_vigil * 1e-9);
    printf("gsl_gflops=%.2f\n", 2.0 / 3.0 * (double)n * (double)n * (double)n / best_gsl * 1e-9);
    printf("dgetrf_gflops=%.2f\n", 2.0 / 3.0 * (double)n * (double)n * (double)n / best_lapack * 1e-9);
    printf("same_pivots=%d\n", same_piv);
    printf("max_rel_diff=%.3g\n", maxabs > 0 ? maxdiff / maxabs : maxdiff);
    printf("solve_rel_diff=%.3g\n", rel_diff(xv, xg, n));
    printf("cblas_dgemm_from=%s\n", provider((void *)cblas_dgemm));
    printf("dgetrf_from=%s\n", provider((void *)dgetrf_));
    printf("openblas=%s (core %s)\n", openblas_get_config(), openblas_get_corename());
    gsl_permutation_free(p);
    free(m);
    free(cm);
    free(work);
    free(work2);
    free(work3);
    free(ipiv);
    free(ipiv3);
    free(perm);
    free(xg);
    free(xv);
    return 0;
}
