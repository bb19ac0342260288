/*
** Random draws: one GSL generator per Monte Carlo draw, seeded from
** (seed, draw) only, so that results do not depend on how draws are
** spread over threads or machines; draws of uncertain numbers; quantiles.
*/
#ifndef VIGIL_DRAWS_H
#define VIGIL_DRAWS_H

#include <gsl/gsl_rng.h>

#include "vigil/scenario.h"
#include "vigil_int.h"

/* The 32-bit seed of draw k of a run seeded with seed (SplitMix64 of both;
** Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
** generators", OOPSLA). */
unsigned long vg_draw_seed(unsigned long seed, long k);

/* A Mersenne Twister (gsl_rng_mt19937) for draw k; NULL when out of memory.
** Free with gsl_rng_free. */
gsl_rng *vg_draw_rng(unsigned long seed, long k);

/* One draw of d. Truncation by rejection (at most 10,000 tries, then the
** nearest bound: documented in docs/MODEL.md). */
double vg_dist_draw(const vigil_dist *d, gsl_rng *r);

/* Quantile p of n sorted values (linear interpolation between order
** statistics, GSL's gsl_stats_quantile_from_sorted_data, numpy's default). */
double vg_quantile_sorted(const double *sorted, long n, double p);

/* Quantiles p[0..np-1] (ascending, in [0, 1]) of the n values x, into q,
** by the rule of vg_quantile_sorted and with the same result to the last
** bit, by selection rather than sorting (linear expected time; x is
** rearranged). When a value is not finite (or n is 0) every q is NaN and
** 0 is returned, else 1. */
int vg_quantiles(double *x, long n, const double *p, int np, double *q);

/* Shuffles n indices (gsl_ran_shuffle). */
void vg_shuffle(gsl_rng *r, size_t *v, size_t n);

#endif
