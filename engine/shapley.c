/*
** Decomposition of a scenario's change against the baseline by lever, with
** Shapley values (Shapley 1953, "A value for n-person games"; as used for
** decompositions by Shorrocks 2013, J. Econ. Inequality 11(1)): each
** lever's contribution is its marginal effect averaged over the orders in
** which the levers could be added, so the parts add up exactly to the
** total change. Exact over all 2^G subsets up to G = 10 groups; beyond,
** averaged over random orders (Castro, Gomez and Tejada 2009), and the
** output says so. Computed on the central path (parameters at their
** central values).
*/
#include <math.h>
#include <string.h>

#include "draws.h"
#include "model.h"

#define EXACT_MAX 10
#define SAMPLES 200

/* The path of one subset (mask) of groups. */
static int eval(vigil_ctx *ctx, vg_run *r, const unsigned char *mask, double *out) {
    int rc = VIGIL_OK;
    if (r->s) rc = vigil_scenario_begin_draw(ctx, r->s, vg_draw_seed(r->seed, 0));
    if (rc == VIGIL_OK) rc = vg_draw_levers(ctx, r, 0, NULL);
    if (rc == VIGIL_OK) rc = vg_simulate(ctx, r, mask, 0, NULL, out);
    return rc;
}

static int exact(vigil_ctx *ctx, vg_run *r, double *dec) {
    long G = r->ngroups, S, size = (long)r->ny * r->nser, j, k;
    double *v = vg_malloc_array((size_t)(1L << G) * (size_t)size, sizeof *v), *wt;
    unsigned char mask[EXACT_MAX];
    int rc = VIGIL_OK;
    wt = vg_malloc_array((size_t)G + 1, sizeof *wt);
    if (v == NULL || wt == NULL) {
        vg_free(v);
        vg_free(wt);
        return vigil_nomem(ctx, "decomposition");
    }
    for (S = 0; rc == VIGIL_OK && S < (1L << G); S++) {
        for (j = 0; j < G; j++) mask[j] = (unsigned char)((S >> j) & 1);
        rc = eval(ctx, r, mask, v + S * size);
    }
    /* weight of a coalition of s others: s! (G - s - 1)! / G! */
    for (j = 0; j < G; j++) wt[j] = exp(lgamma((double)j + 1) + lgamma((double)(G - j)) -
                                        lgamma((double)G + 1));
    memset(dec, 0, sizeof *dec * (size_t)(G * size));
    for (j = 0; rc == VIGIL_OK && j < G; j++)
        for (S = 0; S < (1L << G); S++) {
            long s = 0, T;
            if (S & (1L << j)) continue;
            for (T = S; T; T &= T - 1) s++;
            for (k = 0; k < size; k++)
                dec[j * size + k] += wt[s] * (v[(S | (1L << j)) * size + k] - v[S * size + k]);
        }
    vg_free(v);
    vg_free(wt);
    return rc;
}

static int sampled(vigil_ctx *ctx, vg_run *r, double *dec) {
    long G = r->ngroups, size = (long)r->ny * r->nser, j, k, m;
    double *prev = vg_malloc_array((size_t)size, sizeof *prev);
    double *cur = vg_malloc_array((size_t)size, sizeof *cur);
    unsigned char *mask = vg_calloc((size_t)G, 1);
    size_t *order = vg_malloc_array((size_t)G, sizeof *order);
    gsl_rng *rng = vg_draw_rng(r->seed, -1);
    int rc = (prev && cur && mask && order && rng) ? VIGIL_OK : vigil_nomem(ctx, "decomposition");
    memset(dec, 0, sizeof *dec * (size_t)(G * size));
    for (m = 0; rc == VIGIL_OK && m < SAMPLES; m++) {
        for (j = 0; j < G; j++) order[j] = (size_t)j;
        vg_shuffle(rng, order, (size_t)G);
        memset(mask, 0, (size_t)G);
        if ((rc = eval(ctx, r, mask, prev)) != VIGIL_OK) break;
        for (j = 0; rc == VIGIL_OK && j < G; j++) {
            mask[order[j]] = 1;
            if ((rc = eval(ctx, r, mask, cur)) != VIGIL_OK) break;
            for (k = 0; k < size; k++) dec[(long)order[j] * size + k] += (cur[k] - prev[k]) / SAMPLES;
            memcpy(prev, cur, sizeof *cur * (size_t)size);
        }
    }
    if (rng) gsl_rng_free(rng);
    vg_free(prev);
    vg_free(cur);
    vg_free(mask);
    vg_free(order);
    return rc;
}

int vg_shapley(vigil_ctx *ctx, vg_run *r, double *dec, int *was_sampled) {
    *was_sampled = r->ngroups > EXACT_MAX;
    return *was_sampled ? sampled(ctx, r, dec) : exact(ctx, r, dec);
}
