/*
** Draw streams, distributions and quantiles on GSL.
*/
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>

#include "draws.h"

static uint64_t splitmix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

unsigned long vg_draw_seed(unsigned long seed, long k) {
    uint64_t h = splitmix64(splitmix64((uint64_t)seed) ^ (uint64_t)k);
    return (unsigned long)(h & 0xFFFFFFFFULL);
}

gsl_rng *vg_draw_rng(unsigned long seed, long k) {
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (r) gsl_rng_set(r, vg_draw_seed(seed, k));
    return r;
}

/* One untruncated draw. */
static double raw(const vigil_dist *d, gsl_rng *r) {
    switch (d->kind) {
    case VIGIL_DIST_NORMAL: return d->a + gsl_ran_gaussian(r, d->b);
    case VIGIL_DIST_LOGNORMAL: return gsl_ran_lognormal(r, d->a, d->b);
    case VIGIL_DIST_UNIFORM: return gsl_ran_flat(r, d->a, d->b);
    case VIGIL_DIST_BETA: return gsl_ran_beta(r, d->a, d->b);
    case VIGIL_DIST_TRIANGULAR: {
        /* inverse CDF of the triangular distribution on [a, c], mode b */
        double u = gsl_rng_uniform(r), f = (d->b - d->a) / (d->c - d->a);
        if (d->c == d->a) return d->a;
        return u < f ? d->a + sqrt(u * (d->c - d->a) * (d->b - d->a))
                     : d->c - sqrt((1 - u) * (d->c - d->a) * (d->c - d->b));
    }
    default: return d->a;
    }
}

double vg_dist_draw(const vigil_dist *d, gsl_rng *r) {
    int i;
    double v = d->a;
    if (d->kind == VIGIL_DIST_FIXED) return d->a;
    for (i = 0; i < 10000; i++) {
        v = raw(d, r);
        if (v >= d->lo && v <= d->hi) return v;
    }
    return v < d->lo ? d->lo : d->hi;
}

double vg_quantile_sorted(const double *sorted, long n, double p) {
    return gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)n, p);
}

/* Rearranges x[lo..hi] so that x[k] holds the value a sort would put
** there, smaller or equal values before it and greater or equal after
** (Hoare's FIND, CACM 4(7), 1961, in the form of N. Wirth, Algorithms +
** Data Structures = Programs, 1976, section 2.3.4). Expected time linear. */
static void select_k(double *x, long lo, long hi, long k) {
    while (lo < hi) {
        double pivot = x[k], t;
        long i = lo, j = hi;
        do {
            while (x[i] < pivot) i++;
            while (pivot < x[j]) j--;
            if (i <= j) {
                t = x[i];
                x[i++] = x[j];
                x[j--] = t;
            }
        } while (i <= j);
        if (j < k) lo = i;
        if (k < i) hi = j;
    }
}

/* The (k+1)-th smallest of x[0..n-1] once x is partitioned at k: the least
** value after k. */
static double next_up(const double *x, long n, long k) {
    double m = x[k + 1];
    long i;
    for (i = k + 2; i < n; i++)
        if (x[i] < m) m = x[i];
    return m;
}

int vg_quantiles(double *x, long n, const double *p, int np, double *q) {
    long i, from = 0;
    int j;
    for (i = 0; i < n; i++)
        if (!isfinite(x[i])) break;
    for (j = 0; j < np; j++) {
        /* gsl_stats_quantile_from_sorted_data's arithmetic, term for term */
        const double index = p[j] * (double)(n - 1);
        const long lhs = (long)index;
        const double delta = index - (double)lhs;
        if (n == 0 || i < n) {
            q[j] = NAN;
            continue;
        }
        select_k(x, from, n - 1, lhs);
        q[j] = lhs == n - 1 ? x[lhs] : (1 - delta) * x[lhs] + delta * next_up(x, n, lhs);
        from = lhs; /* x[lhs..] now holds the order statistics lhs.. */
    }
    return n > 0 && i == n;
}

void vg_shuffle(gsl_rng *r, size_t *v, size_t n) {
    gsl_ran_shuffle(r, v, n, sizeof *v);
}
