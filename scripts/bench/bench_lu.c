/*
** bench_lu TABLEDIR [REPS]
**
** Times the LU factorisation of I - A (formed exactly as vigil forms it,
** see bench_common.h) two ways, alternating, best of REPS (default 3):
**   gsl  gsl_linalg_LU_decomp on the row-major matrix (what vigil calls;
**        GSL's BLAS calls go to OpenBLAS when linked -lgsl -lopenblas)
**   lapack  OpenBLAS's dgetrf_ on the same matrix stored column-major
** and checks that the two agree (same pivots, same factors to rounding).
** Prints key=value lines for scripts/bench-mrio.
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

int main(int argc, char **argv) {
    long n, i, j;
    int reps = argc > 2 ? atoi(argv[2]) : 3, r, ni, info = 0, signum, same_piv = 1;
    double *m, *cm, *work, *work2, t, best_gsl = 1e300, best_lapack = 1e300;
    double maxdiff = 0, maxabs = 0;
    int *ipiv, *perm;
    gsl_permutation *p;
    gsl_matrix_view v;
    if (argc < 2) {
        fputs("usage: bench_lu TABLEDIR [REPS]\n", stderr);
        return 1;
    }
    gsl_set_error_handler_off();
    m = bench_i_minus_a(argv[1], &n);
    ni = (int)n;
    cm = malloc(sizeof *cm * (size_t)(n * n));     /* column-major copy */
    work = malloc(sizeof *work * (size_t)(n * n));  /* GSL's factors */
    work2 = malloc(sizeof *work2 * (size_t)(n * n)); /* LAPACK's factors */
    ipiv = malloc(sizeof *ipiv * (size_t)n);
    perm = malloc(sizeof *perm * (size_t)n);
    p = gsl_permutation_alloc((size_t)n);
    if (!cm || !work || !work2 || !ipiv || !perm || !p) bench_die("out of memory", argv[1]);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) cm[j * n + i] = m[i * n + j];

    for (r = 0; r < reps; r++) {
        memcpy(work, m, sizeof *m * (size_t)(n * n));
        v = gsl_matrix_view_array(work, (size_t)n, (size_t)n);
        t = bench_now();
        if (gsl_linalg_LU_decomp(&v.matrix, p, &signum) != GSL_SUCCESS)
            bench_die("gsl_linalg_LU_decomp failed", argv[1]);
        t = bench_now() - t;
        if (t < best_gsl) best_gsl = t;

        memcpy(work2, cm, sizeof *cm * (size_t)(n * n));
        t = bench_now();
        dgetrf_(&ni, &ni, work2, &ni, ipiv, &info);
        t = bench_now() - t;
        if (info != 0) bench_die("dgetrf_ failed", argv[1]);
        if (t < best_lapack) best_lapack = t;
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
    printf("n=%ld\n", n);
    printf("gsl_lu_s=%.6f\n", best_gsl);
    printf("dgetrf_s=%.6f\n", best_lapack);
    printf("gsl_gflops=%.2f\n", 2.0 / 3.0 * (double)n * (double)n * (double)n / best_gsl * 1e-9);
    printf("dgetrf_gflops=%.2f\n", 2.0 / 3.0 * (double)n * (double)n * (double)n / best_lapack * 1e-9);
    printf("same_pivots=%d\n", same_piv);
    printf("max_rel_diff=%.3g\n", maxabs > 0 ? maxdiff / maxabs : maxdiff);
    printf("cblas_dgemm_from=%s\n", provider((void *)cblas_dgemm));
    printf("dgetrf_from=%s\n", provider((void *)dgetrf_));
    printf("openblas=%s (core %s)\n", openblas_get_config(), openblas_get_corename());
    gsl_permutation_free(p);
    free(m);
    free(cm);
    free(work);
    free(work2);
    free(ipiv);
    free(perm);
    return 0;
}
