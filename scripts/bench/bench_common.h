/*
** Shared by the scripts/bench-mrio helpers: a monotonic clock, and the
** "plain" CSV reader the engine is compared with (read line by line, skip
** the label column, strtod every field).
**
** The plain reader assumes the canonical layout (a header row, then one
** label and ncol numbers per row, labels without embedded commas or quotes)
** and does no checking beyond shape: it is the floor a CSV loader can
** reach with the C library, not a replacement for the engine's reader.
*/
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#if !defined(_GNU_SOURCE) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static inline void bench_die(const char *what, const char *path) {
    fprintf(stderr, "bench: %s: %s\n", path, what);
    exit(2);
}

typedef struct bench_mat {
    long nrow, ncol;
    double *v;      /* nrow x ncol, row-major */
    char *header;   /* the header line (NUL-terminated), for labels */
    double sum;     /* sum of every number, so the loop cannot be dropped */
} bench_mat;

/*
** Reads a labelled matrix: header row, then label,v1,...,vncol per row.
** One line at a time (getline, one reused buffer), strtod on each field,
** numbers stored in an array grown by doubling; no further checks.
*/
static inline bench_mat bench_read(const char *path) {
    bench_mat m = {0, 0, NULL, NULL, 0.0};
    FILE *f = fopen(path, "rb");
    char *line = NULL, *p, *end;
    size_t cap = 0, vcap = 0;
    ssize_t len;
    if (f == NULL) bench_die("cannot open", path);
    if ((len = getline(&line, &cap, f)) <= 0) bench_die("no header line", path);
    m.header = strdup(line);
    for (p = line; *p; p++) m.ncol += *p == ',';
    while ((len = getline(&line, &cap, f)) > 0) {
        long k;
        double *v;
        p = strchr(line, ','); /* after the row label */
        if (p == NULL) continue; /* blank line */
        if ((size_t)(m.nrow + 1) * (size_t)m.ncol > vcap) {
            vcap = vcap ? 2 * vcap : (size_t)m.ncol * 64;
            m.v = realloc(m.v, vcap * sizeof *m.v);
            if (m.v == NULL) bench_die("out of memory", path);
        }
        v = m.v + (size_t)m.nrow * (size_t)m.ncol;
        for (k = 0; k < m.ncol; k++) {
            double x;
            if (*p != ',') bench_die("short row", path);
            x = strtod(p + 1, &end);
            if (end == p + 1) bench_die("not a number", path);
            m.sum += x;
            v[k] = x;
            p = end;
        }
        m.nrow++;
    }
    if (ferror(f)) bench_die("read error", path);
    free(line);
    fclose(f);
    return m;
}

static inline void bench_free(bench_mat *m) {
    free(m->v);
    free(m->header);
    memset(m, 0, sizeof *m);
}

/* Does path exist? */
static inline int bench_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f) fclose(f);
    return f != NULL;
}

/* dir/name into buf (PATH_MAX-ish). */
static inline const char *bench_path(char *buf, size_t size, const char *dir, const char *name) {
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

/*
** I - A for the table in dir, as vigil forms it: A = Z diag(x)^-1 with x
** from x.csv when present, else rowsum(Z) + rowsum(Y), and 1/x taken as 0
** where x <= 0. Row-major n x n into a fresh buffer; *n_out = n.
*/
static inline double *bench_i_minus_a(const char *dir, long *n_out) {
    char path[4096];
    bench_mat z = bench_read(bench_path(path, sizeof path, dir, "Z.csv"));
    long i, j, n = z.ncol;
    double *x = malloc((size_t)n * sizeof *x), *m;
    if (z.nrow != n) bench_die("Z is not square", path);
    if (bench_exists(bench_path(path, sizeof path, dir, "x.csv"))) {
        bench_mat xm = bench_read(path);
        if (xm.nrow != n || xm.ncol != 1) bench_die("x.csv does not fit Z", path);
        memcpy(x, xm.v, (size_t)n * sizeof *x);
        bench_free(&xm);
    } else {
        bench_mat y = bench_read(bench_path(path, sizeof path, dir, "Y.csv"));
        if (y.nrow != n) bench_die("Y.csv does not fit Z", path);
        for (i = 0; i < n; i++) {
            double s = 0, t = 0;
            for (j = 0; j < n; j++) s += z.v[i * n + j];
            for (j = 0; j < y.ncol; j++) t += y.v[i * y.ncol + j];
            x[i] = s + t;
        }
        bench_free(&y);
    }
    for (j = 0; j < n; j++) x[j] = x[j] > 0 ? 1.0 / x[j] : 0.0;
    m = z.v; /* in place */
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) m[i * n + j] = -m[i * n + j] * x[j];
        m[i * n + i] += 1.0;
    }
    z.v = NULL;
    bench_free(&z);
    free(x);
    *n_out = n;
    return m;
}

#endif
