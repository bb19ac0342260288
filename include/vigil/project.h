/*
** The projection: from a world and a scenario to child labour and forced
** labour by region and year, with uncertainty, attribution to supply
** chains, and the decomposition of changes by lever (docs/MODEL.md).
*/
#ifndef VIGIL_PROJECT_H
#define VIGIL_PROJECT_H

#include "vigil/scenario.h"
#include "vigil/world.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_run_opts {
    int draws;            /* Monte Carlo draws; 0: the scenario's */
    unsigned long seed;   /* 0: the scenario's */
    int has_seed;         /* seed given (a seed of 0 is allowed) */
    int keep_draws;       /* keep every draw for draws.csv */
    int decompose;        /* Shapley decomposition by lever (default on) */
    /* "name=value" overrides of model coefficients (after the scenario's
    ** param.set), NULL-terminated; borrowed. */
    const char *const *params;
    const char *model_dir; /* coefficients.csv and regions.csv; NULL:
                              scenarios/data/model */
    /* Draws in parallel: worker processes (0 or 1: all in this process;
    ** VIGIL_JOBS_AUTO: one per core). Results are the same whatever the
    ** number (each draw has its own random stream). */
    int jobs;
    /* Called in this process with the number of draws done, about ten
    ** times a second (NULL: none); arg is passed back. */
    void (*progress)(void *arg, long done, long total);
    void *progress_arg;
} vigil_run_opts;

#define VIGIL_JOBS_AUTO (-1)

typedef struct vigil_results vigil_results;

/* Runs the scenario (NULL: the baseline, no lever) on the world. The
** caller frees *out with vigil_results_free. */
int vigil_project(vigil_ctx *ctx, const vigil_world *w, vigil_scenario *s,
                  const vigil_run_opts *opts, vigil_results **out);
void vigil_results_free(vigil_results *r);

/* Writes summary.csv, attribution.csv, decomposition.csv, sdg87.csv,
** manifest.json (and draws.csv with keep_draws) into dir, all or nothing. */
int vigil_results_write(vigil_ctx *ctx, const vigil_results *r, const char *dir);

/* One value of the summary: the mean over draws (or p05/p50/p95 with
** stat = 1, 2, 3) of an indicator in a region and year; NAN when absent. */
double vigil_results_get(const vigil_results *r, const char *indicator,
                         const char *region, int year, int stat);

#ifdef __cplusplus
}
#endif
#endif
