/*
** `vigil batch`: many scenarios, one world and seed; --resume, --shard,
** --merge and --db (docs/BATCH.md). The engine work is in batch.c and
** store.c; this file parses options and shows progress: a bar on stderr
** when it is a terminal, one line per scenario otherwise.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "store.h"

static const char *const help =
    "usage: vigil batch SCENARIO.lua... --out DIR [options]\n"
    "       vigil batch --merge SHARD_DIR... --out DIR [--db FILE.sqlite]\n"
    "\n"
    "Runs every scenario against the same world, seed and number of draws.\n"
    "DIR/<name>/ holds each scenario's outputs (as vigil run, plus\n"
    "comparison.csv against the baseline and timing.json; error.json when it\n"
    "failed); DIR/comparison.csv, DIR/manifest.json and DIR/timing.csv cover\n"
    "the batch. One failing scenario does not stop the others (exit code 3).\n"
    "\n"
    "Options:\n"
    "  --out DIR              the batch folder (required)\n"
    "  --draws N              Monte Carlo draws of every scenario (default 200)\n"
    "  --seed S               random seed of every scenario (default 87)\n"
    "  --jobs N               draws in N threads (default: one per core,\n"
    "                         or none when a scenario's draws take under 0.1 s)\n"
    "  --world DIR            a world folder (default: the built-in stylised world)\n"
    "  --baseline FILE        the scenario others are compared with (default:\n"
    "                         baseline.lua among them, else the no-lever run)\n"
    "  --shard I/N            run the I-th of N shares (scenarios sorted by file\n"
    "                         name; the k-th, from 0, goes to shard k % N + 1)\n"
    "  --merge                join shard folders into --out (same bytes as one run)\n"
    "  --resume               skip scenarios whose folder is complete and current\n"
    "  --db FILE.sqlite       also append the batch to a SQLite database\n"
    "  --keep-draws           also write draws.csv in each folder\n"
    "  --param NAME=VALUE     set a model coefficient (docs/MODEL.md); repeatable\n";

typedef struct batch_args {
    vg_batch_opts o;
    const char *files[4096];
    const char *params[64];
    int nparams, merge;
    const char *db;
} batch_args;

/* The display: a bar on a terminal, else one line per scenario. */
typedef struct display {
    int tty;
    double last, start;
} display;

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void where(const vg_batch_event *e, char *buf, size_t n) {
    if (e->index == 0) snprintf(buf, n, "[baseline] %s", e->name);
    else snprintf(buf, n, "[%d/%d] %s", e->index, e->total, e->name);
}

static void bar(display *d, const vg_batch_event *e) {
    char at[256], fill[21];
    double t = wall(), left;
    int k, w = e->draws > 0 ? (int)(20 * e->done / e->draws) : 0;
    if (!d->tty || (t - d->last < 0.1 && e->done < e->draws)) return;
    d->last = t;
    for (k = 0; k < 20; k++) fill[k] = k < w ? '#' : '.';
    fill[20] = '\0';
    left = e->done > 0 ? (t - d->start) * (double)(e->draws - e->done) / (double)e->done : 0;
    where(e, at, sizeof at);
    fprintf(stderr, "\r\033[K%s [%s] %ld/%ld draws, %.0f s left", at, fill, e->done, e->draws,
            left);
    fflush(stderr);
}

static void on_event(void *arg, const vg_batch_event *e) {
    display *d = arg;
    char at[256];
    where(e, at, sizeof at);
    switch (e->kind) {
    case VG_BATCH_START:
        d->start = wall();
        d->last = 0;
        if (e->scenario) {
            char prefix[300];
            snprintf(prefix, sizeof prefix, "%svigil batch: %s: ", d->tty ? "\r\033[K" : "", at);
            vigil_cli_unmodelled_notes(e->scenario, prefix);
        }
        break;
    case VG_BATCH_DRAWS: bar(d, e); break;
    case VG_BATCH_SKIP:
        fprintf(stderr, "%svigil batch: %s: complete, left as it is (--resume)\n",
                d->tty ? "\r\033[K" : "", at);
        break;
    case VG_BATCH_DONE:
        if (e->status == VIGIL_OK)
            fprintf(stderr, "%svigil batch: %s: ok (%ld draws, %.1f s)\n", d->tty ? "\r\033[K" : "",
                    at, e->draws, e->seconds);
        else
            fprintf(stderr, "%svigil batch: %s: FAILED: %s\n", d->tty ? "\r\033[K" : "", at,
                    e->error ? e->error : "");
        break;
    }
}

static int parse_number(const char *opt, const char *s, double lo, double *v) {
    if (!vigil_parse_double(s, v) || *v < lo || *v > 1e15)
        return vigil_cli_usage("batch", "%s takes a number >= %g, not '%s'", opt, lo, s);
    return 0;
}

static int parse_value(batch_args *a, const char *opt, const char *v) {
    double d;
    int rc;
    if (strcmp(opt, "--out") == 0) a->o.out = v;
    else if (strcmp(opt, "--world") == 0) a->o.world_dir = v;
    else if (strcmp(opt, "--baseline") == 0) a->o.baseline = v;
    else if (strcmp(opt, "--db") == 0) a->db = v;
    else if (strcmp(opt, "--param") == 0) {
        if (a->nparams == 63) return vigil_cli_usage("batch", "%s", "too many --param");
        a->params[a->nparams++] = v;
    } else if (strcmp(opt, "--shard") == 0) {
        char end;
        if (sscanf(v, "%d/%d%c", &a->o.shard_i, &a->o.shard_n, &end) != 2 || a->o.shard_n < 1 ||
            a->o.shard_i < 1 || a->o.shard_i > a->o.shard_n)
            return vigil_cli_usage("batch", "--shard takes I/N with 1 <= I <= N, not '%s'", v);
    } else {
        if ((rc = parse_number(opt, v, strcmp(opt, "--seed") == 0 ? 0 : 1, &d)) != 0) return rc;
        if (strcmp(opt, "--draws") == 0) a->o.draws = d > 1e7 ? 10000000 : (int)d;
        else if (strcmp(opt, "--jobs") == 0) a->o.jobs = d > 1024 ? 1024 : (int)d;
        else if (strcmp(opt, "--seed") == 0) {
            a->o.seed = (unsigned long)d;
            a->o.has_seed = 1;
        } else return vigil_cli_usage("batch", "unknown option '%s'", opt);
    }
    return 0;
}

static int parse(int argc, char **argv, batch_args *a) {
    int i;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--resume") == 0) a->o.resume = 1;
        else if (strcmp(arg, "--keep-draws") == 0) a->o.keep_draws = 1;
        else if (strcmp(arg, "--merge") == 0) a->merge = 1;
        else if (arg[0] != '-') {
            if (a->o.nfiles == 4096) return vigil_cli_usage("batch", "%s", "too many files");
            a->files[a->o.nfiles++] = arg;
        } else if (i + 1 >= argc) {
            return vigil_cli_usage("batch", "%s needs a value", arg);
        } else {
            int rc = parse_value(a, arg, argv[++i]);
            if (rc != 0) return rc;
        }
    }
    if (a->o.out == NULL) return vigil_cli_usage("batch", "%s", "--out DIR is required");
    if (a->o.nfiles == 0)
        return vigil_cli_usage("batch", "%s", a->merge ? "--merge needs shard folders"
                                                       : "no scenario file");
    return 0;
}

/* Exit code: 0, or that of the failures (3 when any scenario error). */
static int outcome(const batch_args *a, const vg_batch_result *r) {
    printf("vigil batch: %d ok, %d failed; %s/manifest.json, comparison.csv\n",
           r->ran + r->skipped, r->failed, a->o.out);
    if (r->failed == 0) return 0;
    return r->fail_status == VIGIL_OK ? 3 : vigil_exit_code(r->fail_status);
}

int vigil_cmd_batch(int argc, char **argv) {
    batch_args a;
    vg_batch_result r;
    display d;
    vigil_ctx *ctx;
    int i, rc;
    memset(&a, 0, sizeof a);
    memset(&d, 0, sizeof d);
    a.o.jobs = VIGIL_JOBS_AUTO;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
    if ((rc = parse(argc, argv, &a)) != 0) return rc;
    a.params[a.nparams] = NULL;
    a.o.files = a.files;
    a.o.params = a.params;
    d.tty = isatty(STDERR_FILENO);
    a.o.event = on_event;
    a.o.event_arg = &d;
    if ((ctx = vigil_open()) == NULL) return 4;
    rc = a.merge ? vg_batch_merge(ctx, a.files, a.o.nfiles, a.o.out, &r)
                 : vg_batch_run(ctx, &a.o, &r);
    if (rc == VIGIL_OK && a.db) rc = vg_store_append(ctx, a.db, a.o.out, NULL);
    if (rc == VIGIL_OK && a.db) fprintf(stderr, "vigil batch: appended to %s\n", a.db);
    rc = rc == VIGIL_OK ? outcome(&a, &r) : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}
