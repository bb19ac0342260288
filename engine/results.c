/*
** Results of a run: storage of the draws, statistics (mean, p05, p50, p95
** over draws), the decomposition, and the accessors.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draws.h"
#include "results.h"

/* Statistics come in blocks of STAT_BLOCK consecutive series of one year:
** they sit side by side in every draw, so one cache line of each draw
** feeds the whole block. */
#define STAT_BLOCK 8

static long stat_cells(const vigil_results *res) {
    long m = (long)res->ny * res->nser;
    return (m + STAT_BLOCK - 1) / STAT_BLOCK * STAT_BLOCK;
}

/* Doubles in res->draws (ndraws x ny x nser; an int, a year span and a
** series count: far from size_t's limit). */
static size_t draws_count(const vigil_results *res) {
    return (size_t)res->ndraws * (size_t)res->ny * (size_t)res->nser;
}

static char *dup_or_empty(const char *s) { return vg_strdup(s ? s : ""); }

int vg_results_new(vigil_ctx *ctx, const vg_run *r, int ndraws, unsigned long seed,
                   vigil_results **out) {
    vigil_results *res = vg_calloc(1, sizeof *res);
    long k;
    int ind, ok;
    *out = NULL;
    if (res == NULL) return vigil_nomem(ctx, "vigil_project");
    res->y0 = r->y0;
    res->y1 = r->y1;
    res->ny = r->ny;
    res->ndraws = ndraws;
    res->seed = seed;
    res->nser = r->nser;
    res->ser_ind = vg_malloc_array((size_t)r->nser, sizeof *res->ser_ind);
    res->ser_region = vg_calloc((size_t)r->nser, sizeof *res->ser_region);
    res->draws = vg_jobs_buffer(draws_count(res));
    res->stat = vg_calloc((size_t)stat_cells(res) * NSTAT, sizeof *res->stat);
    ok = res->ser_ind && res->ser_region && res->draws && res->stat;
    for (ind = 0; ok && ind < NIND; ind++) {
        long end = ind + 1 < NIND ? r->off[ind + 1] : r->nser;
        for (k = r->off[ind]; k < end; k++) res->ser_ind[k] = ind;
    }
    for (k = 0; ok && k < r->nser; k++) ok = (res->ser_region[k] = vg_strdup(r->ser_region[k])) != NULL;
    if (!ok) {
        vigil_results_free(res);
        return vigil_nomem(ctx, "vigil_project");
    }
    *out = res;
    return VIGIL_OK;
}

double *vg_results_draw(vigil_results *res, long k) {
    return res->draws + (size_t)k * (size_t)res->ny * (size_t)res->nser;
}

typedef struct stat_job {
    vigil_results *res;
    double *buf; /* per thread: STAT_BLOCK x ndraws */
} stat_job;

/* Mean, p05, p50 and p95 over the draws of series block b, into res->stat. */
static void stat_block(const vigil_results *res, long b, double *buf) {
    static const double p[] = {0.05, 0.50, 0.95};
    long N = res->ndraws, m = (long)res->ny * res->nser, f0 = b * STAT_BLOCK;
    long nb = m - f0 < STAT_BLOCK ? m - f0 : STAT_BLOCK, k, j;
    for (k = 0; k < N; k++) {
        const double *row = res->draws + k * m + f0;
        for (j = 0; j < nb; j++) buf[j * N + k] = row[j];
    }
    for (j = 0; j < nb; j++) {
        double *x = buf + j * N, *st = res->stat + (f0 + j) * NSTAT, mean = 0;
        for (k = 0; k < N; k++) mean += x[k];
        st[ST_MEAN] = mean / (double)N;
        vg_quantiles(x, N, p, 3, st + ST_P05);
    }
}

static void stat_range(void *arg, int j, long b0, long b1) {
    stat_job *sj = arg;
    long b;
    for (b = b0; b < b1; b++)
        stat_block(sj->res, b, sj->buf + (size_t)j * STAT_BLOCK * (size_t)sj->res->ndraws);
}

int vg_results_stats(vigil_ctx *ctx, vigil_results *res, const vg_jobs *jobs) {
    long nblocks = stat_cells(res) / STAT_BLOCK;
    int nt = jobs && jobs->njobs > 1 ? jobs->njobs : 1;
    stat_job sj;
    if (nt > nblocks) nt = (int)nblocks;
    if (nt < 1) nt = 1;
    sj.res = res;
    sj.buf = vg_malloc_array((size_t)nt * STAT_BLOCK * (size_t)res->ndraws, sizeof *sj.buf);
    if (sj.buf == NULL) return vigil_nomem(ctx, "statistics over draws");
    vg_jobs_threads(nt, nblocks, stat_range, &sj);
    vg_free(sj.buf);
    return VIGIL_OK;
}

int vg_results_decompose(vigil_ctx *ctx, vigil_results *res, vg_run *r) {
    long g;
    int rc;
    res->ngroups = r->ngroups;
    res->dec = vg_malloc_array((size_t)r->ngroups * (size_t)r->ny * (size_t)r->nser,
                               sizeof *res->dec);
    res->group = vg_calloc((size_t)r->ngroups, sizeof *res->group);
    if (!res->dec || !res->group) return vigil_nomem(ctx, "decomposition");
    for (g = 0; g < r->ngroups; g++)
        if ((res->group[g] = vg_strdup(r->group_name[g])) == NULL)
            return vigil_nomem(ctx, "decomposition");
    rc = vg_shapley(ctx, r, res->dec, &res->sampled);
    return rc;
}

int vg_results_bilateral(vigil_ctx *ctx, vigil_results *res, vg_run *r) {
    size_t nb = (size_t)r->ny * (size_t)(r->ng + r->nh) * (size_t)r->R;
    double *path = vg_malloc_array((size_t)r->ny * (size_t)r->nser, sizeof *path);
    int rc = VIGIL_OK;
    res->bil = vg_calloc(nb, sizeof *res->bil);
    if (path == NULL || res->bil == NULL) {
        vg_free(path);
        return vigil_nomem(ctx, "bilateral attribution");
    }
    res->bil_ng = r->ng;
    res->bil_nh = r->nh;
    res->bil_R = r->R;
    res->off_cl = r->off[IND_CL];
    res->off_fl = r->off[IND_FL];
    res->off_foot = r->off[IND_CL_FOOT];
    r->bil = res->bil;
    if (r->s) rc = vigil_scenario_begin_draw(ctx, r->s, vg_draw_seed(r->seed, 0));
    if (rc == VIGIL_OK && r->s) rc = vg_draw_levers(ctx, r, 0, NULL);
    if (rc == VIGIL_OK) rc = vg_simulate(ctx, r, NULL, 0, NULL, path);
    r->bil = r->bil_year = NULL;
    vg_free(path);
    return rc;
}

/* One readable line per static lever, for the manifest and reports. */
static char *lever_line(const vigil_lever *l) {
    char buf[1024];
    size_t used = 0;
    int k;
    used += (size_t)snprintf(buf, sizeof buf, "%s %d-%d %s", vigil_lever_name(l->kind),
                             l->from, l->to, l->region ? l->region : "");
    if (l->importer) used += (size_t)snprintf(buf + used, sizeof buf - used, " importer=%s", l->importer);
    if (l->origin && used < sizeof buf)
        used += (size_t)snprintf(buf + used, sizeof buf - used, " origin=%s", l->origin);
    for (k = 0; k < l->nparam && used < sizeof buf; k++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, " %s=%g", l->key[k],
                                 vigil_dist_center(&l->value[k]));
    return vg_strdup(buf);
}

void vg_results_finish(vigil_results *res, const vg_run *r, const vigil_run_opts *o,
                       double seconds) {
    long li;
    res->coef = r->coef;
    res->seconds = seconds;
    res->keep_draws = o->keep_draws;
    res->scenario = dup_or_empty(r->s ? vigil_scenario_name(r->s) : "baseline (no lever)");
    res->scenario_path = dup_or_empty(r->s ? vigil_scenario_path(r->s) : "");
    res->hash = dup_or_empty(r->s ? vigil_scenario_hash(r->s) : "");
    res->description = dup_or_empty(r->s ? vigil_scenario_description(r->s) : "");
    res->world = dup_or_empty(vigil_world_name(r->w));
    res->world_dir = dup_or_empty(vigil_world_dir(r->w));
    res->stylised = vigil_world_stylised(r->w);
    res->nlevers = r->s ? vigil_scenario_nlevers(r->s) : 0;
    res->lever_text = vg_calloc((size_t)res->nlevers + 1, sizeof *res->lever_text);
    for (li = 0; res->lever_text && li < res->nlevers; li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        res->lever_text[li] = l->dynamic ? NULL : lever_line(l);
    }
}

void vigil_results_free(vigil_results *res) {
    long k;
    if (res == NULL) return;
    for (k = 0; res->ser_region && k < res->nser; k++) vg_free(res->ser_region[k]);
    for (k = 0; res->group && k < res->ngroups; k++) vg_free(res->group[k]);
    for (k = 0; res->lever_text && k < res->nlevers; k++) vg_free(res->lever_text[k]);
    vg_free(res->lever_text);
    vg_free(res->group);
    vg_free(res->ser_region);
    vg_free(res->ser_ind);
    vg_jobs_buffer_free(res->draws, draws_count(res));
    vg_free(res->stat);
    vg_free(res->dec);
    vg_free(res->bil);
    vg_free(res->scenario);
    vg_free(res->scenario_path);
    vg_free(res->hash);
    vg_free(res->description);
    vg_free(res->world);
    vg_free(res->world_dir);
    vg_free(res);
}

double vigil_results_get(const vigil_results *res, const char *indicator, const char *region,
                         int year, int stat) {
    long s;
    if (year < res->y0 || year > res->y1 || stat < 0 || stat >= NSTAT) return NAN;
    for (s = 0; s < res->nser; s++)
        if (strcmp(vg_indicator_name(res->ser_ind[s]), indicator) == 0 &&
            strcmp(res->ser_region[s], region) == 0)
            return res->stat[((long)(year - res->y0) * res->nser + s) * NSTAT + stat];
    return NAN;
}
