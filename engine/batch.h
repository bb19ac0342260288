/*
** vigil batch (docs/BATCH.md): many scenarios against one world, seed and
** number of draws; each scenario's outputs in its own folder, written all
** or nothing; the comparison of every scenario with the baseline, draw by
** draw; a batch manifest; --resume after a kill; --shard and --merge to
** split a batch over machines. Batch-level files are computed from the
** scenario folders alone, so that merged shards give the same bytes as one
** machine.
*/
#ifndef VIGIL_BATCH_H
#define VIGIL_BATCH_H

#include "vigil/project.h"
#include "vigil_int.h"

typedef enum vg_batch_ev {
    VG_BATCH_START, /* a scenario starts */
    VG_BATCH_DRAWS, /* draws done so far (done of draws) */
    VG_BATCH_DONE,  /* a scenario ended: status, error, seconds */
    VG_BATCH_SKIP   /* --resume: the folder is complete, left untouched */
} vg_batch_ev;

/* What the command line shows; strings borrowed for the call only. */
typedef struct vg_batch_event {
    vg_batch_ev kind;
    int index, total;   /* 1-based position among this run's scenarios */
    const char *name;   /* the scenario's folder name */
    long done, draws;
    int status;         /* VIGIL_OK or the scenario's error */
    const char *error;  /* the message when status is not VIGIL_OK */
    double seconds;
    const vigil_scenario *scenario; /* START: the scenario, or NULL */
} vg_batch_event;

typedef struct vg_batch_opts {
    const char *const *files; /* scenario files; borrowed */
    int nfiles;
    const char *out;          /* the batch folder */
    const char *world_dir;    /* NULL: the built-in world */
    const char *baseline;     /* NULL: baseline.lua among the files, else
                                 the engine's no-lever baseline */
    int draws;                /* 0: 200 */
    unsigned long seed;       /* has_seed 0: 87 */
    int has_seed;
    int jobs;                 /* as vigil_run_opts.jobs */
    int shard_i, shard_n;     /* 1-based; 0/0: everything */
    int resume;
    int keep_draws;
    const char *const *params; /* --param NAME=VALUE, NULL-terminated */
    void (*event)(void *arg, const vg_batch_event *e);
    void *event_arg;
} vg_batch_opts;

/* The outcome: scenarios run, skipped (complete) and failed, and the
** status of the first failure (VIGIL_ESCRIPT when any scenario error). */
typedef struct vg_batch_result {
    int ran, skipped, failed, fail_status;
} vg_batch_result;

/* Runs the batch. A failing scenario is recorded (its folder gets
** error.json) and the others go on; the return value is an error of the
** batch itself (bad options, the world, the output folder). */
int vg_batch_run(vigil_ctx *ctx, const vg_batch_opts *o, vg_batch_result *res);

/* Joins shard folders (outputs of --shard i/n runs of the same batch)
** into out: the scenario folders are copied, the batch files recomputed,
** byte for byte what one unsharded run writes (timing files aside). */
int vg_batch_merge(vigil_ctx *ctx, const char *const *dirs, int ndirs, const char *out,
                   vg_batch_result *res);

/* ---- Shared by batch.c and batch_files.c ---- */

#include "sha256.h"

/* What every scenario of a batch shares, as its manifests record it. */
typedef struct vg_batch_params {
    char world[512], world_dir[1024], world_sha256[VG_SHA256_HEX];
    unsigned long seed;
    int draws;
    char baseline[256];           /* the baseline's folder name, or "no_lever" */
    char baseline_file[1024];     /* "" for the no-lever baseline */
    char baseline_sha256[VG_SHA256_HEX];
    char params[1024];            /* --param settings, comma-separated */
    char key[VG_SHA256_HEX];      /* hash of all the above and the engine */
} vg_batch_params;

/* Writes out/comparison.csv, timing.csv and manifest.json for the
** scenario folders names[0..n) (sorted), from the folders alone. shard is
** "i/n" or NULL. Counts ok and failed folders into res. */
int vg_batch_write_files(vigil_ctx *ctx, const char *out, const vg_batch_params *p,
                         char *const *names, int n, const char *shard, vg_batch_result *res);

/* What a scenario folder of a batch says about itself: status "ok"
** (manifest.json), "failed" (error.json) or "missing". */
typedef struct vg_batch_folder {
    const char *name;
    char status[16], title[512], file[1024], sha[VG_SHA256_HEX];
    char error[VIGIL_ERRMAX], seconds[32], jobs[16];
} vg_batch_folder;

void vg_batch_read_folder(const char *out, const char *name, vg_batch_folder *f);

/* The scenario names listed in a batch manifest's text, NULL-terminated;
** NULL when out of memory. Free with vg_batch_list_free. */
char **vg_batch_list(const char *text, int *n);
void vg_batch_list_free(char **v);

/* Before a scenario folder is (re)written: removes its markers
** (manifest.json, error.json) first, then its other outputs and the
** temporaries a killed run left. */
void vg_batch_clean(const char *dir);

/* The value of a top-level member "key" of a JSON file vigil wrote (one
** member per line, two-space indent), unescaped into buf; 0 when absent. */
int vg_json_member(const char *text, const char *key, char *buf, size_t n);
/* Reads a whole file into a NUL-terminated buffer (vg_malloc); NULL when
** it cannot be read (errno set). */
char *vg_read_text(const char *path, size_t *len);

#endif
