/*
** Running a projection: the run's layout (indicators x regions = series),
** Monte Carlo draws with one random stream per draw, summary statistics,
** and the decomposition by lever. The model itself is simulate.c.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draws.h"
#include "jobs.h"
#include "scenario_int.h"
#include "model.h"
#include "results.h"

static const struct { const char *name; int regions; } indicators[NIND] = {
    {"child_labour", RS_CHILD}, {"hazardous", RS_CHILD},
    {"child_labour_5_11", RS_CHILD}, {"child_labour_12_14", RS_CHILD},
    {"child_labour_15_17", RS_CHILD}, {"child_labour_agriculture", RS_CHILD},
    {"child_labour_industry", RS_CHILD}, {"child_labour_services", RS_CHILD},
    {"forced_labour", RS_FORCED}, {"forced_labour_private", RS_FORCED},
    {"forced_labour_sexual", RS_FORCED}, {"forced_labour_state", RS_FORCED},
    {"cl_export_linked", RS_CHILD}, {"cl_export_direct", RS_CHILD},
    {"cl_export_upstream", RS_CHILD}, {"fl_export_linked", RS_FORCED},
    {"cl_footprint", RS_MRIO}, {"fl_footprint", RS_MRIO},
    {"victims_identified", RS_FORCED}, {"poverty_rate", RS_CHILD}, {"sp_coverage", RS_CHILD}};

const char *vg_indicator_name(int ind) { return indicators[ind].name; }
int vg_indicator_regions(int ind) { return indicators[ind].regions; }

/* Series: for each indicator its regions, then "World". */
static int layout(vigil_ctx *ctx, vg_run *r) {
    const vigil_table *t = vigil_world_table(r->w);
    long s = 0, k;
    int ind;
    for (ind = 0; ind < NIND; ind++) {
        int rs = indicators[ind].regions;
        r->off[ind] = s;
        s += (rs == RS_CHILD ? r->ng : rs == RS_FORCED ? r->nh : r->R) + 1;
    }
    r->nser = s;
    if ((r->ser_region = vg_malloc_array((size_t)s, sizeof *r->ser_region)) == NULL)
        return vigil_nomem(ctx, "vigil_project");
    for (ind = 0; ind < NIND; ind++) {
        int rs = indicators[ind].regions;
        long nreg = rs == RS_CHILD ? r->ng : rs == RS_FORCED ? r->nh : r->R;
        for (k = 0; k < nreg; k++)
            r->ser_region[r->off[ind] + k] =
                (char *)(rs == RS_MRIO ? vigil_table_region(t, k)
                                       : vigil_world_labour_region(r->w, (enum vigil_labour)rs, k));
        r->ser_region[r->off[ind] + nreg] = (char *)"World";
    }
    return VIGIL_OK;
}

int vg_lever_on(const vg_run *r, long li, const unsigned char *mask) {
    const vigil_lever *l;
    if (mask == NULL) return 1;
    l = vigil_scenario_lever(r->s, li);
    if (l->dynamic) return r->hooks_group < 0 || mask[r->hooks_group];
    return r->group[li] < 0 || mask[r->group[li]];
}

int vg_draw_levers(vigil_ctx *ctx, vg_run *r, long from, gsl_rng *rng) {
    long n = vigil_scenario_nlevers(r->s), li;
    if (n * VIGIL_LEVER_MAXPARAM > r->pv_cap) {
        long cap = 2 * n * VIGIL_LEVER_MAXPARAM + 64;
        double *pv = vg_realloc(r->pv, sizeof *pv * (size_t)cap);
        if (pv == NULL) return vigil_nomem(ctx, "vigil_project");
        r->pv = pv;
        r->pv_cap = cap;
    }
    for (li = from; li < n; li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        int k;
        for (k = 0; k < l->nparam; k++)
            r->pv[li * VIGIL_LEVER_MAXPARAM + k] =
                rng ? vg_dist_draw(&l->value[k], rng) : vigil_dist_center(&l->value[k]);
    }
    return VIGIL_OK;
}

/* Decomposition groups: one per lever call (file and line) of the static
** instructions, plus one for the on_year hooks. */
static int groups(vigil_ctx *ctx, vg_run *r) {
    long n = r->s ? vigil_scenario_nlevers(r->s) : 0, li, g;
    r->group = vg_calloc((size_t)(n + 1), sizeof *r->group);
    r->group_name = vg_calloc((size_t)(n + 2), sizeof *r->group_name);
    r->hooks_group = -1;
    if (!r->group || !r->group_name) return vigil_nomem(ctx, "vigil_project");
    for (li = 0; li < n; li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        char name[512];
        if (l->kind == VIGIL_PARAM_SET) { r->group[li] = -1; continue; }
        snprintf(name, sizeof name, "%s (line %d)", vigil_lever_name(l->kind), l->line);
        for (g = 0; g < r->ngroups; g++)
            if (strcmp(r->group_name[g], name) == 0) break;
        if (g == r->ngroups && (r->group_name[r->ngroups++] = vg_strdup(name)) == NULL)
            return vigil_nomem(ctx, "vigil_project");
        r->group[li] = g;
    }
    if (r->s && vigil_scenario_has_hooks(r->s)) {
        r->hooks_group = (int)r->ngroups;
        if ((r->group_name[r->ngroups++] = vg_strdup("on_year hooks")) == NULL)
            return vigil_nomem(ctx, "vigil_project");
    }
    return VIGIL_OK;
}

/* Coefficients of this draw: defaults, the scenario's param.set, then the
** command line's --param. */
static int coefficients(vigil_ctx *ctx, vg_run *r, const vigil_run_opts *o) {
    long li;
    int k, c;
    r->coef = r->md.coef;
    for (li = 0; r->s && li < vigil_scenario_nlevers(r->s); li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        if (l->kind != VIGIL_PARAM_SET) continue;
        for (k = 0; k < l->nparam; k++) {
            const char *hint = "";
            if ((c = vg_coef_find(l->key[k], &hint)) < 0)
                return vigil_seterr(ctx, VIGIL_ESCRIPT,
                                    "%s:%d: unknown model coefficient '%s' (did you mean '%s'?)",
                                    l->file, l->line, l->key[k], hint);
            *vg_coef_field(&r->coef, c) = r->pv[li * VIGIL_LEVER_MAXPARAM + k];
        }
    }
    for (k = 0; o->params && o->params[k]; k++) {
        char name[128];
        const char *eq = strchr(o->params[k], '='), *hint = "";
        double v;
        char *end;
        if (eq == NULL || (size_t)(eq - o->params[k]) >= sizeof name)
            return vigil_seterr(ctx, VIGIL_EUSAGE, "--param takes NAME=VALUE, not '%s'",
                                o->params[k]);
        memcpy(name, o->params[k], (size_t)(eq - o->params[k]));
        name[eq - o->params[k]] = '\0';
        if ((c = vg_coef_find(name, &hint)) < 0)
            return vigil_seterr(ctx, VIGIL_EUSAGE,
                                "--param: unknown model coefficient '%s' (did you mean '%s'?)",
                                name, hint);
        v = strtod(eq + 1, &end);
        if (end == eq + 1 || *end || !isfinite(v))
            return vigil_seterr(ctx, VIGIL_EUSAGE, "--param %s: '%s' is not a number", name,
                                eq + 1);
        *vg_coef_field(&r->coef, c) = v;
    }
    return VIGIL_OK;
}

/* One Monte Carlo draw k into out (ny x nser). */
static int one_draw(vigil_ctx *ctx, vg_run *r, const vigil_run_opts *o, long k, int ndraws,
                    unsigned long seed, double *out) {
    gsl_rng *rng = ndraws > 1 ? vg_draw_rng(seed, k) : NULL;
    int rc = VIGIL_OK;
    if (ndraws > 1 && rng == NULL) return vigil_nomem(ctx, "vigil_project");
    if (r->s) rc = vigil_scenario_begin_draw(ctx, r->s, vg_draw_seed(seed, k));
    if (rc == VIGIL_OK && r->s) rc = vg_draw_levers(ctx, r, 0, rng);
    if (rc == VIGIL_OK) rc = coefficients(ctx, r, o);
    if (rc == VIGIL_OK) rc = vg_simulate(ctx, r, NULL, (int)k, rng, out);
    if (rng) gsl_rng_free(rng);
    return rc;
}

/* Draw k as a job of engine/jobs.c (in a thread when parallel). */
typedef struct draw_job {
    vg_run *r;
    const vigil_run_opts *o;
    int ndraws;
    unsigned long seed;
} draw_job;

static int draw_fn(vigil_ctx *ctx, void *arg, long k, double *out) {
    draw_job *d = arg; /* a draw_thread starts with its draw_job */
    return one_draw(ctx, d->r, d->o, k, d->ndraws, d->seed, out);
}

/* The workers o asks for, no warm-up, no progress. */
static vg_jobs run_jobs(const vigil_run_opts *o) {
    vg_jobs jobs;
    memset(&jobs, 0, sizeof jobs);
    jobs.njobs = o->jobs == VIGIL_JOBS_AUTO ? vg_jobs_cores() : o->jobs;
    return jobs;
}

/* Every draw into res, in threads when o->jobs asks for them. */
static void *thread_arg(vigil_ctx *ctx, void *arg, int j);
static void thread_free(void *targ);

static int all_draws(vigil_ctx *ctx, vg_run *r, const vigil_run_opts *o, int ndraws,
                     unsigned long seed, vigil_results *res) {
    draw_job d;
    vg_jobs jobs = run_jobs(o);
    d.r = r;
    d.o = o;
    d.ndraws = ndraws;
    d.seed = seed;
    jobs.warm = 1;
    /* by default, draws that take under 0.1 s in all run in one thread;
    ** an explicit --jobs N is obeyed */
    jobs.serial_below = o->jobs == VIGIL_JOBS_AUTO ? 0.1 : 0;
    jobs.progress = o->progress;
    jobs.progress_arg = o->progress_arg;
    jobs.thread_arg = thread_arg;
    jobs.thread_free = thread_free;
    return vg_jobs_run(ctx, &jobs, ndraws, (size_t)r->ny * (size_t)r->nser, draw_fn, &d,
                       vg_results_draw(res, 0));
}

static double wall_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void run_free(vg_run *r) {
    long g;
    vg_econ_cache_free(r);
    vg_model_data_free(&r->md);
    vg_free(r->ser_region);
    vg_free(r->pv);
    vg_free(r->group);
    for (g = 0; r->group_name && g < r->ngroups; g++) vg_free(r->group_name[g]);
    vg_free(r->group_name);
    vg_free(r->ex_cell);
    vg_free(r->dem);
    vg_free(r->risk_share);
    vg_free(r->risk_adj);
    for (g = 0; r->dd && g < r->dd_cap; g++) vg_free(r->dd[g].own);
    vg_free(r->dd);
    vg_free(r->dd_mask);
    vg_free(r->dd_ready);
}

/* The scenario language's goods lists, whose first VG_RISK_LISTS are the
** forced-labour and child-labour lists in that order (scenario.c). */
const char *vg_risk_list_name(int k) { return vg_goods_lists[k]; }

/* Scratch of the yearly model: export-linked labour by cell, and the
** due-diligence masks of the scenario's own levers (simulate.c). */
static int scratch(vigil_ctx *ctx, vg_run *r) {
    long ns = r->s ? vigil_scenario_nlevers(r->s) : 0, i;
    int k;
    r->nstatic = ns;
    r->ex_cell = vg_calloc((size_t)r->n, sizeof *r->ex_cell);
    r->dem = vg_malloc_array((size_t)r->n + 1, sizeof *r->dem);
    r->dd_mask = vg_malloc_array((size_t)(ns + 1), (size_t)(r->R + r->n));
    r->dd_ready = vg_calloc((size_t)ns + 1, 1);
    r->risk_share = vg_malloc_array((size_t)(VG_RISK_LISTS * r->n) + 1, sizeof *r->risk_share);
    r->risk_adj = vg_malloc_array((size_t)(VG_RISK_LISTS * r->n) + 1, sizeof *r->risk_adj);
    if (!r->ex_cell || !r->dem || !r->dd_mask || !r->dd_ready || !r->risk_share || !r->risk_adj)
        return vigil_nomem(ctx, "vigil_project");
    for (k = 0; k < VG_RISK_LISTS; k++)
        for (i = 0; i < r->n; i++)
            r->risk_share[k * r->n + i] = vigil_world_risk_share(r->w, vg_risk_list_name(k), i);
    return VIGIL_OK;
}

static int run_init(vigil_ctx *ctx, vg_run *r, const vigil_world *w, vigil_scenario *s,
                    const vigil_run_opts *o) {
    char dir[4096];
    const char *home = getenv("VIGIL_HOME");
    int rc;
    memset(r, 0, sizeof *r);
    r->w = w;
    r->s = s;
    r->y0 = s ? vigil_scenario_year_from(s) : 2020;
    r->y1 = s ? vigil_scenario_year_to(s) : 2030;
    r->ny = r->y1 - r->y0 + 1;
    r->n = vigil_table_ncells(vigil_world_table(w));
    r->R = vigil_table_nregions(vigil_world_table(w));
    r->ng = vigil_world_nlabour(w, VIGIL_CHILD);
    r->nh = vigil_world_nlabour(w, VIGIL_FORCED);
    snprintf(dir, sizeof dir, "%s/scenarios/data/model", home ? home : VIGIL_SOURCE_DIR);
    rc = vg_model_data_load(ctx, o->model_dir ? o->model_dir : dir, w, &r->md);
    if (rc == VIGIL_OK) rc = layout(ctx, r);
    if (rc == VIGIL_OK) rc = groups(ctx, r);
    if (rc == VIGIL_OK) rc = scratch(ctx, r);
    return rc;
}

/*
** A thread of draws (jobs.c): the scenario again in a Lua state of its
** own, and a run of its own (lever parameters, scratch, caches) that
** borrows the economies the first draw solved. The first run's cache is
** left alone while the threads work, so what they borrow stays valid.
*/
typedef struct draw_thread {
    draw_job d;
    vg_run run;
    vigil_scenario *s;
} draw_thread;

static void thread_free(void *targ) {
    draw_thread *t = targ;
    run_free(&t->run);
    vigil_scenario_free(t->s);
    vg_free(t);
}

static void *thread_arg(vigil_ctx *ctx, void *arg, int j) {
    const draw_job *d0 = arg;
    draw_thread *t = vg_calloc(1, sizeof *t);
    int rc = t ? VIGIL_OK : vigil_nomem(ctx, "draw threads");
    (void)j;
    if (rc == VIGIL_OK && d0->r->s) rc = vg_scn_clone(ctx, d0->r->s, &t->s);
    if (rc == VIGIL_OK) rc = run_init(ctx, &t->run, d0->r->w, t->s, d0->o);
    if (rc == VIGIL_OK) rc = vg_econ_cache_borrow(ctx, &t->run, d0->r);
    if (rc != VIGIL_OK) {
        if (t) thread_free(t);
        return NULL;
    }
    t->run.seed = d0->r->seed;
    t->d = *d0;
    t->d.r = &t->run;
    return t;
}

/* A projection that overflowed (a coefficient set to 1e308 ...) must not
** write inf or NaN into an official table. */
static int check_finite(vigil_ctx *ctx, const vigil_results *res) {
    long k, n = (long)res->ny * res->nser * NSTAT;
    for (k = 0; k < n; k++)
        if (!isfinite(res->stat[k])) {
            long s = (k / NSTAT) % res->nser;
            return vigil_seterr(ctx, VIGIL_ESCRIPT,
                                "the projection overflowed: %s in %s, year %ld, is not a "
                                "finite number (check the coefficients set by param.set "
                                "or --param)",
                                vg_indicator_name(res->ser_ind[s]), res->ser_region[s],
                                res->y0 + (k / NSTAT) / res->nser);
        }
    return VIGIL_OK;
}

int vigil_project(vigil_ctx *ctx, const vigil_world *w, vigil_scenario *s,
                  const vigil_run_opts *opts, vigil_results **out) {
    vigil_run_opts o0;
    const vigil_run_opts *o = opts ? opts : (memset(&o0, 0, sizeof o0), &o0);
    int ndraws = o->draws > 0 ? o->draws : s ? vigil_scenario_draws(s) : 1;
    unsigned long seed = o->has_seed ? o->seed : s ? vigil_scenario_seed(s) : 87;
    vg_run r;
    vigil_results *res = NULL;
    double t0 = wall_seconds();
    /* BLAS on one thread throughout: the draws' economies are solved in
    ** each worker, and an idle BLAS thread spinning meanwhile took a core
    ** from them (draws ran 30 % slower in one of two workers) */
    int blas = vg_blas_single();
    int rc = run_init(ctx, &r, w, s, o);
    *out = NULL;
    r.seed = seed;
    if (rc == VIGIL_OK) rc = vg_results_new(ctx, &r, ndraws, seed, &res);
    if (rc == VIGIL_OK) rc = all_draws(ctx, &r, o, ndraws, seed, res);
    if (rc == VIGIL_OK) {
        vg_jobs jobs = run_jobs(o);
        rc = vg_results_stats(ctx, res, &jobs);
    }
    if (rc == VIGIL_OK) rc = check_finite(ctx, res);
    if (rc == VIGIL_OK && o->decompose >= 0 && r.ngroups > 0) {
        if ((rc = vg_draw_levers(ctx, &r, 0, NULL)) == VIGIL_OK &&
            (rc = coefficients(ctx, &r, o)) == VIGIL_OK)
            rc = vg_results_decompose(ctx, res, &r);
    }
    /* the central path once more, by producer and consumer region */
    if (rc == VIGIL_OK && (!r.s || (rc = vg_draw_levers(ctx, &r, 0, NULL)) == VIGIL_OK) &&
        (rc = coefficients(ctx, &r, o)) == VIGIL_OK)
        rc = vg_results_bilateral(ctx, res, &r);
    if (rc == VIGIL_OK) vg_results_finish(res, &r, o, wall_seconds() - t0);
    run_free(&r);
    vg_blas_restore(blas);
    if (rc != VIGIL_OK) {
        vigil_results_free(res);
        return rc;
    }
    *out = res;
    return VIGIL_OK;
}
