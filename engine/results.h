/*
** The results of a run: every draw's series (while running), their
** summary statistics, the decomposition by lever, and what the manifest
** records.
*/
#ifndef VIGIL_RESULTS_H
#define VIGIL_RESULTS_H

#include <stdio.h>

#include "jobs.h"
#include "model.h"

enum { ST_MEAN, ST_P05, ST_P50, ST_P95, NSTAT };

struct vigil_results {
    char *scenario, *scenario_path, *hash, *world, *world_dir, *description;
    int stylised, y0, y1, ny, ndraws, keep_draws, sampled;
    unsigned long seed;
    long nser, ngroups, nlevers;
    int *ser_ind;          /* indicator of each series */
    char **ser_region;     /* region of each series, from vg_malloc */
    double *draws;         /* ndraws x ny x nser */
    double *stat;          /* ny x nser x NSTAT (rounded up to a block) */
    double *dec;           /* ngroups x ny x nser (central path) */
    double *bil;           /* ny x (bil_ng + bil_nh) x bil_R, central path:
                              labour by producing labour region and
                              consuming MRIO region; NULL when not computed */
    long bil_ng, bil_nh, bil_R;
    long off_cl, off_fl, off_foot; /* first series of child labour, forced
                                      labour, child-labour footprint (their
                                      regions name bil's rows and columns) */
    char **group;          /* group names */
    vg_coef coef;          /* coefficients of the central run */
    double seconds;
    char **lever_text;     /* one line per static lever, for the manifest */
};

int vg_results_new(vigil_ctx *ctx, const vg_run *r, int ndraws, unsigned long seed,
                   vigil_results **out);
/* The buffer of draw k (ny x nser). */
double *vg_results_draw(vigil_results *res, long k);
/* Mean, p05, p50, p95 of every series over the draws, by blocks of
** series spread over jobs->njobs threads (pure arithmetic on the draws);
** the quantiles are those of vg_quantile_sorted, NaN for a series with a
** value not finite. */
int vg_results_stats(vigil_ctx *ctx, vigil_results *res, const vg_jobs *jobs);
int vg_results_decompose(vigil_ctx *ctx, vigil_results *res, vg_run *r);
/* The bilateral matrix on the central path (r's levers and coefficients
** already at their central values). */
int vg_results_bilateral(vigil_ctx *ctx, vigil_results *res, vg_run *r);
void vg_results_finish(vigil_results *res, const vg_run *r, const vigil_run_opts *o,
                       double seconds);

/* ---- Writing (results_write.c) ---- */

/* A further file of an output set: fn writes it to f. */
typedef struct vg_write_file {
    const char *name;
    void (*fn)(FILE *f, const void *arg);
    const void *arg;
} vg_write_file;

/* How vigil batch writes a run (vigil run: all zero). */
typedef struct vg_write_opts {
    int no_seconds;             /* leave the time out of manifest.json */
    const char *manifest_extra; /* members appended to manifest.json, each
                                ** written as ",\n  \"key\": value"; borrowed */
    const vg_write_file *files; /* written before manifest.json; borrowed */
    int nfiles;
} vg_write_opts;

/* vigil_results_write with options (o NULL: none). manifest.json is always
** the last file renamed: when it exists, the whole set does. */
int vg_results_write_opts(vigil_ctx *ctx, const vigil_results *r, const char *dir,
                          const vg_write_opts *o);
/* Writes s as a JSON string (quotes, backslashes and control characters
** escaped). */
void vg_json_str(FILE *f, const char *s);

#endif
