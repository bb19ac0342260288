/*
** bench_baseline TABLEDIR [FPATH|-]
**
** The floor for a whole `vigil mrio` job: the same numerical work with
** nothing else. Reads Z, Y, x (x.csv when present, else rowsum(Z) +
** rowsum(Y)) and F with a plain strtod loop (bench_common.h), forms I - A
** (column-major), factors it with OpenBLAS's dgetrf_, and solves with
** dgetrs_ for the final demand summed by region ((I - A) X = Y_reg, one
** column per region) and for the multipliers ((I - A)' M' = S', S = F / x).
** No label checks, no validation, no accounts, no output files. Prints
** the time of each step and checksums as key=value lines; scripts/bench-mrio
** times the whole process.
*/
#include "bench_common.h"

extern void dgetrf_(const int *m, const int *n, double *a, const int *lda,
                    int *ipiv, int *info);
extern void dgetrs_(const char *trans, const int *n, const int *nrhs,
                    const double *a, const int *lda, const int *ipiv, double *b,
                    const int *ldb, int *info);

/* The REGION prefix (up to the first '_') of the first count labels of a header. */
static char **header_prefixes(const char *h, long count) {
    char **out = malloc(sizeof *out * (size_t)count);
    const char *p = strchr(h, ',');
    long k;
    for (k = 0; k < count && p; k++) {
        const char *s = p + 1, *e = s;
        while (*e && *e != ',' && *e != '_' && *e != '\r') e++;
        out[k] = malloc((size_t)(e - s) + 1);
        memcpy(out[k], s, (size_t)(e - s));
        out[k][e - s] = '\0';
        p = strchr(s, ',');
    }
    return out;
}

int main(int argc, char **argv) {
    char path[4096];
    const char *dir, *fpath;
    bench_mat z, y, f = {0, 0, NULL, NULL, 0.0};
    double *x, *m, *yr, *st, t0, t1, t2, t3, cx = 0, cm = 0;
    char **creg, **yreg, **reg;
    long n, i, j, k, R = 0, *cell_r, *ycol_r;
    int ni, nr, nk, info = 0, *ipiv;
    if (argc < 2) {
        fputs("usage: bench_baseline TABLEDIR [FPATH|-]\n", stderr);
        return 1;
    }
    dir = argv[1];
    fpath = argc > 2 && strcmp(argv[2], "-") != 0
                ? argv[2] : bench_path(path, sizeof path, dir, "F.csv");

    t0 = bench_now();
    if (bench_exists(fpath)) f = bench_read(fpath);
    z = bench_read(bench_path(path, sizeof path, dir, "Z.csv"));
    y = bench_read(bench_path(path, sizeof path, dir, "Y.csv"));
    n = z.ncol;
    if (z.nrow != n || y.nrow != n || (f.v && f.ncol != n)) bench_die("shapes differ", dir);
    x = malloc(sizeof *x * (size_t)n);
    if (bench_exists(bench_path(path, sizeof path, dir, "x.csv"))) {
        bench_mat xm = bench_read(path);
        if (xm.nrow != n) bench_die("x.csv does not fit Z", path);
        memcpy(x, xm.v, sizeof *x * (size_t)n);
        bench_free(&xm);
    } else {
        for (i = 0; i < n; i++) {
            double s = 0;
            for (j = 0; j < n; j++) s += z.v[i * n + j];
            for (j = 0; j < y.ncol; j++) s += y.v[i * y.ncol + j];
            x[i] = s;
        }
    }

    /* Regions: REGION prefixes of Z's labels, in order of appearance. */
    creg = header_prefixes(z.header, n);
    yreg = header_prefixes(y.header, y.ncol);
    reg = malloc(sizeof *reg * (size_t)n);
    cell_r = malloc(sizeof *cell_r * (size_t)n);
    ycol_r = malloc(sizeof *ycol_r * (size_t)y.ncol);
    for (i = 0; i < n; i++) {
        if (R == 0 || strcmp(reg[R - 1], creg[i]) != 0) reg[R++] = creg[i];
        cell_r[i] = R - 1;
    }
    for (j = 0; j < y.ncol; j++) {
        for (k = 0; k < R && strcmp(reg[k], yreg[j]) != 0; k++) continue;
        if (k == R) bench_die("a final-demand column has an unknown region", dir);
        ycol_r[j] = k;
    }

    /* I - A in place of Z, row-major: read column-major it is B = (I - A)',
    ** so dgetrf_ needs no transposed copy and the two solves swap roles:
    ** (I - A) X = Y_reg is B' X = Y_reg ("T"), (I - A)' M' = S' is B M' = S'
    ** ("N"). Y by region (n x R) and S' (n x k) are column-major. */
    m = z.v;
    yr = calloc((size_t)(n * R), sizeof *yr);
    st = malloc(sizeof *st * (size_t)(n * (f.nrow ? f.nrow : 1)));
    if (!yr || !st) bench_die("out of memory", dir);
    for (j = 0; j < n; j++) x[j] = x[j] > 0 ? 1.0 / x[j] : 0.0; /* now 1/x */
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) m[i * n + j] = -m[i * n + j] * x[j];
        m[i * n + i] += 1.0;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < y.ncol; j++) yr[ycol_r[j] * n + i] += y.v[i * y.ncol + j];
    for (k = 0; k < f.nrow; k++)
        for (i = 0; i < n; i++) st[k * n + i] = f.v[k * n + i] * x[i];

    t1 = bench_now();
    ni = (int)n;
    nr = (int)R;
    nk = (int)f.nrow;
    ipiv = malloc(sizeof *ipiv * (size_t)n);
    dgetrf_(&ni, &ni, m, &ni, ipiv, &info);
    if (info != 0) bench_die("dgetrf_ failed", dir);
    t2 = bench_now();
    dgetrs_("T", &ni, &nr, m, &ni, ipiv, yr, &ni, &info);
    if (nk > 0 && info == 0) dgetrs_("N", &ni, &nk, m, &ni, ipiv, st, &ni, &info);
    if (info != 0) bench_die("dgetrs_ failed", dir);
    t3 = bench_now();
    for (i = 0; i < n * R; i++) cx += yr[i];
    for (i = 0; i < n * nk; i++) cm += st[i];
    printf("n=%ld\nregions=%ld\nstressors=%d\n", n, R, nk);
    printf("read_form_s=%.6f\ndgetrf_s=%.6f\ndgetrs_s=%.6f\n", t1 - t0, t2 - t1, t3 - t2);
    printf("checksum_x=%.17g\nchecksum_M=%.17g\n", cx, cm);
    return 0;
}
