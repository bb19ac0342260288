/*
** gen_table OUTDIR NREGIONS NSECTORS [SEED]
**
** Writes a synthetic, productive MRIO table in vigil's canonical layout:
** Z.csv (n x n), Y.csv (n x 3 categories per region), x.csv and F.csv
** (2 stressors), n = NREGIONS * NSECTORS. Deterministic: the same
** arguments give byte-identical files (own PRNG, no rand()).
**
** Construction: a technical-coefficient matrix A with column sums drawn
** from [0.35, 0.65] (mean 0.5), about 75% of each column's inputs bought at
** home (domestic block 95% non-zero) and the rest spread over the other
** regions (70% non-zero, with a fixed weight per pair of regions); a dense
** positive final demand Y, mostly domestic. Gross output solves
** x = A x + rowsum(Y) (Jacobi iteration, which converges since every column
** of A sums below 0.65), Z = A diag(x). Z and Y are written with 8
** significant digits and x.csv is rowsum(Z) + rowsum(Y) of the written
** numbers, so the table balances exactly as read.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t splitmix64(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double unif(void) { return (double)(splitmix64() >> 11) * 0x1.0p-53; }

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fputs("gen_table: out of memory\n", stderr);
        exit(4);
    }
    return p;
}

static FILE *open_out(const char *dir, const char *name) {
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "gen_table: cannot write %s\n", path);
        exit(4);
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

static void close_out(FILE *f) {
    if (ferror(f) || fclose(f) != 0) {
        fputs("gen_table: write error\n", stderr);
        exit(4);
    }
}

static const char *const category[] = {"HH", "GOV", "GFCF"};
enum { NCAT = 3, NSTRESS = 2 };
static const char *const stressor[NSTRESS] = {"CO2", "EMPL"};

static long R, S, n;

static void cell_label(char *buf, long i) {
    snprintf(buf, 48, "R%03ld_s%02ld", i / S + 1, i % S + 1);
}

/* Writes v with 8 significant digits and returns the number as written. */
static double put_num(FILE *f, double v) {
    char buf[40];
    if (v == 0.0) {
        fputs(",0", f);
        return 0.0;
    }
    snprintf(buf, sizeof buf, ",%.8g", v);
    fputs(buf, f);
    return strtod(buf + 1, NULL);
}

static void header(FILE *f, const char *first, int y_cols) {
    long j, c;
    char lab[48];
    fputs(first, f);
    if (y_cols) {
        for (j = 0; j < R; j++)
            for (c = 0; c < NCAT; c++) fprintf(f, ",R%03ld_%s", j + 1, category[c]);
    } else {
        for (j = 0; j < n; j++) {
            cell_label(lab, j);
            fprintf(f, ",%s", lab);
        }
    }
    fputc('\n', f);
}

int main(int argc, char **argv) {
    const char *dir;
    uint64_t seed = 20240601;
    double *A, *y, *x, *xn, *pair, *size, *xw;
    long i, j, k, c, it;
    FILE *f;
    char lab[48];
    if (argc < 4) {
        fputs("usage: gen_table OUTDIR NREGIONS NSECTORS [SEED]\n", stderr);
        return 1;
    }
    dir = argv[1];
    R = atol(argv[2]);
    S = atol(argv[3]);
    if (argc > 4) seed = strtoull(argv[4], NULL, 10);
    if (R < 2 || S < 1 || R > 999 || S > 99) {
        fputs("gen_table: need 2..999 regions and 1..99 sectors\n", stderr);
        return 1;
    }
    n = R * S;
    rng_state = seed;

    /* Region-pair trade weights and cell sizes. */
    pair = xmalloc(sizeof *pair * (size_t)(R * R));
    for (i = 0; i < R * R; i++) pair[i] = 0.2 + unif();
    size = xmalloc(sizeof *size * (size_t)n);
    for (i = 0; i < n; i++) size[i] = exp(4.0 * unif()); /* 1 .. 55 */

    /* A, column by column (stored row-major n x n). */
    A = xmalloc(sizeof *A * (size_t)n * (size_t)n);
    for (j = 0; j < n; j++) {
        long rj = j / S;
        double colsum = 0.35 + 0.3 * unif(), dom_share = 0.65 + 0.2 * unif();
        double wd = 0, wf = 0;
        for (i = 0; i < n; i++) {
            long ri = i / S;
            double w;
            if (ri == rj) {
                w = unif() < 0.95 ? (0.05 + unif()) * size[i] : 0.0;
                wd += w;
            } else {
                w = unif() < 0.70 ? (0.05 + unif()) * pair[ri * R + rj] * size[i] : 0.0;
                wf += w;
            }
            A[i * n + j] = w;
        }
        for (i = 0; i < n; i++) {
            double share = (i / S == rj) ? dom_share / wd : (1 - dom_share) / wf;
            A[i * n + j] *= colsum * share;
        }
    }

    /* Final demand: n x (R * NCAT), dense, mostly domestic. */
    y = xmalloc(sizeof *y * (size_t)n * (size_t)(R * NCAT));
    for (i = 0; i < n; i++) {
        long ri = i / S;
        for (j = 0; j < R; j++)
            for (c = 0; c < NCAT; c++) {
                double scale = (c == 0 ? 100.0 : c == 1 ? 30.0 : 40.0) * size[i];
                double trade = ri == j ? 1.0 : 0.02 * pair[ri * R + j];
                y[i * R * NCAT + j * NCAT + c] = scale * trade * (0.5 + unif());
            }
    }

    /* x = A x + rowsum(Y), by Jacobi iteration. */
    x = xmalloc(sizeof *x * (size_t)n);
    xn = xmalloc(sizeof *xn * (size_t)n);
    xw = xmalloc(sizeof *xw * (size_t)n); /* rowsum(Y) */
    for (i = 0; i < n; i++) {
        double s = 0;
        for (j = 0; j < R * NCAT; j++) s += y[i * R * NCAT + j];
        xw[i] = x[i] = s;
    }
    for (it = 0; it < 200; it++) {
        double diff = 0, norm = 0;
        for (i = 0; i < n; i++) {
            double s = xw[i];
            const double *a = A + i * n;
            for (j = 0; j < n; j++) s += a[j] * x[j];
            xn[i] = s;
            diff += fabs(s - x[i]);
            norm += s;
        }
        memcpy(x, xn, sizeof *x * (size_t)n);
        if (diff <= 1e-12 * norm) break;
    }

    /* Z.csv and Y.csv; x.csv from the numbers as written. */
    f = open_out(dir, "Z.csv");
    header(f, "region_sector", 0);
    for (i = 0; i < n; i++) {
        double s = 0;
        cell_label(lab, i);
        fputs(lab, f);
        for (j = 0; j < n; j++) s += put_num(f, A[i * n + j] * x[j]);
        fputc('\n', f);
        xn[i] = s;
    }
    close_out(f);
    f = open_out(dir, "Y.csv");
    header(f, "region_sector", 1);
    for (i = 0; i < n; i++) {
        double s = 0;
        cell_label(lab, i);
        fputs(lab, f);
        for (j = 0; j < R * NCAT; j++) s += put_num(f, y[i * R * NCAT + j]);
        fputc('\n', f);
        xn[i] += s;
    }
    close_out(f);
    f = open_out(dir, "x.csv");
    fputs("region_sector,x\n", f);
    for (i = 0; i < n; i++) {
        cell_label(lab, i);
        fprintf(f, "%s,%.17g\n", lab, xn[i]);
    }
    close_out(f);

    /* F.csv: stressor = output x intensity (intensities spread 1:20). */
    f = open_out(dir, "F.csv");
    header(f, "stressor", 0);
    for (k = 0; k < NSTRESS; k++) {
        fputs(stressor[k], f);
        for (i = 0; i < n; i++)
            put_num(f, xn[i] * (k == 0 ? 0.4 : 0.01) * exp(3.0 * unif()));
        fputc('\n', f);
    }
    close_out(f);

    printf("n=%ld regions=%ld sectors=%ld ycols=%ld stressors=%d jacobi_iterations=%ld\n",
           n, R, S, R * NCAT, NSTRESS, it + 1);
    free(A);
    free(y);
    free(x);
    free(xn);
    free(xw);
    free(pair);
    free(size);
    return 0;
}
