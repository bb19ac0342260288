/*
** vigil batch: every scenario against the same world, seed and draws
** (docs/BATCH.md). Each scenario's folder is one output set (outfile.h):
** the files of vigil run, comparison.csv (against the baseline, draw by
** draw), timing.json, and manifest.json renamed last, so that a folder
** with a manifest is complete. A scenario that fails gets error.json
** instead, and the batch goes on. Batch-level files come from the folders
** (batch_files.c).
*/
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "csvio.h"
#include "draws.h"
#include "jobs.h"
#include "outfile.h"
#include "results.h"
#include "table.h"
#include "world_int.h"

#define DEFAULT_DRAWS 200
#define DEFAULT_SEED 87UL
#define NAME_MAX_LEN 200

typedef struct entry {
    const char *file;        /* borrowed from the options */
    char name[NAME_MAX_LEN]; /* file name without .lua: the folder */
} entry;

typedef struct batch {
    vigil_ctx *ctx;
    const vg_batch_opts *o;
    vg_batch_params p;
    vigil_world *w;
    entry *e;                /* every scenario, sorted by name */
    int ne, base;            /* base: the baseline entry, or -1 (no lever) */
    vigil_scenario *bscen;   /* the baseline scenario (NULL: no lever) */
    vigil_results *bres;     /* its results, computed when first needed */
    int bstatus;
    char berr[VIGIL_ERRMAX];
    vigil_run_opts ro;
    vg_batch_event ev;       /* the current scenario, for progress */
} batch;

/* Per-series comparison of a scenario with the baseline (ny x nser x 6:
** scenario mean, baseline mean, mean, p05, p50 and p95 of the difference). */
enum { C_SMEAN, C_BMEAN, C_MEAN, C_P05, C_P50, C_P95, NCMP };

typedef struct cmp {
    const char *name, *base;
    const vigil_results *s;
    double *v;
    char *have;              /* ny: the year is in the baseline too */
} cmp;

typedef struct timing {
    double seconds;
    int jobs;
    long draws;
} timing;

typedef struct failure {
    const char *name, *file, *sha, *msg, *key;
    int code;
} failure;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void event(batch *b, vg_batch_ev kind) {
    b->ev.kind = kind;
    if (b->o->event) b->o->event(b->o->event_arg, &b->ev);
}

static void on_draws(void *arg, long done, long total) {
    batch *b = arg;
    b->ev.done = done;
    b->ev.draws = total;
    event(b, VG_BATCH_DRAWS);
}

/* {==================================================================
** Setting up: scenarios, world, baseline, the batch key
** =================================================================== */

static int by_name(const void *a, const void *b) {
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

/* The folder name of a scenario file: its name without .lua. */
static int stem(vigil_ctx *ctx, const char *file, char *out) {
    const char *base = strrchr(file, '/');
    size_t len;
    base = base ? base + 1 : file;
    len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".lua") == 0) len -= 4;
    if (len == 0 || len >= NAME_MAX_LEN || base[0] == '.')
        return vigil_seterr(ctx, VIGIL_EUSAGE, "%s: not a usable scenario file name", file);
    memcpy(out, base, len);
    out[len] = '\0';
    return VIGIL_OK;
}

/* Entries sorted by name; two files with one name are an error. */
static int entries(batch *b) {
    int i;
    if (b->o->nfiles == 0) return vigil_seterr(b->ctx, VIGIL_EUSAGE, "batch: no scenario file");
    if ((b->e = vg_calloc((size_t)b->o->nfiles, sizeof *b->e)) == NULL)
        return vigil_nomem(b->ctx, "batch");
    for (i = 0; i < b->o->nfiles; i++) {
        b->e[i].file = b->o->files[i];
        if (stem(b->ctx, b->e[i].file, b->e[i].name) != VIGIL_OK) return VIGIL_EUSAGE;
    }
    b->ne = b->o->nfiles;
    qsort(b->e, (size_t)b->ne, sizeof *b->e, by_name);
    for (i = 1; i < b->ne; i++)
        if (strcmp(b->e[i].name, b->e[i - 1].name) == 0)
            return vigil_seterr(b->ctx, VIGIL_EUSAGE,
                                "batch: %s and %s would share the folder '%s'",
                                b->e[i - 1].file, b->e[i].file, b->e[i].name);
    return VIGIL_OK;
}

/* The baseline: --baseline (a file of the batch, by path or name), else
** the scenario named baseline, else none (the engine's no-lever run). */
static int find_baseline(batch *b) {
    char want[NAME_MAX_LEN];
    int i;
    b->base = -1;
    if (b->o->baseline == NULL) {
        snprintf(want, sizeof want, "baseline");
    } else if (stem(b->ctx, b->o->baseline, want) != VIGIL_OK) {
        return VIGIL_EUSAGE;
    }
    for (i = 0; i < b->ne; i++)
        if (strcmp(b->e[i].name, want) == 0) b->base = i;
    if (b->base < 0 && b->o->baseline)
        return vigil_seterr(b->ctx, VIGIL_EUSAGE,
                            "batch: --baseline %s is not one of the batch's scenarios",
                            b->o->baseline);
    return VIGIL_OK;
}

static void hash_file(vg_sha256 *h, const char *path) {
    size_t len = 0;
    char *text = path ? vg_read_text(path, &len) : NULL;
    if (text) vg_sha256_update(h, text, len);
    vg_free(text);
}

/* The world's hash: its name, the table as read (cell and final-demand
** labels; Z, Y and x as native doubles) and the bytes of its child and
** forced labour baseline files. */
static void world_hash(const vigil_world *w, char *hex) {
    const vigil_table *t = vigil_world_table(w);
    vg_sha256 h;
    long i;
    vg_sha256_init(&h);
    vg_sha256_update(&h, w->name, strlen(w->name) + 1);
    for (i = 0; i < t->n; i++) vg_sha256_update(&h, t->Z.col[i], strlen(t->Z.col[i]) + 1);
    for (i = 0; i < t->Y.ncol; i++) vg_sha256_update(&h, t->Y.col[i], strlen(t->Y.col[i]) + 1);
    vg_sha256_update(&h, t->Z.v, sizeof *t->Z.v * (size_t)(t->n * t->n));
    vg_sha256_update(&h, t->Y.v, sizeof *t->Y.v * (size_t)(t->n * t->Y.ncol));
    vg_sha256_update(&h, t->x, sizeof *t->x * (size_t)t->n);
    hash_file(&h, vigil_world_source_file(w, 0));
    hash_file(&h, vigil_world_source_file(w, 1));
    vg_sha256_final(&h, hex);
}

/* Everything a scenario's results depend on besides the scenario itself,
** hashed into the key that --resume compares. */
static void batch_key(batch *b) {
    char text[4096];
    snprintf(text, sizeof text,
             "vigil %s\nworld=%s\nseed=%lu\ndraws=%d\nbaseline=%s:%s\nkeep_draws=%d\nparams=%s\n",
             VIGIL_VERSION, b->p.world_sha256, b->p.seed, b->p.draws, b->p.baseline,
             b->p.baseline_sha256, b->o->keep_draws, b->p.params);
    vg_sha256_hex(text, strlen(text), b->p.key);
}

static void fill_params(batch *b) {
    const vg_batch_opts *o = b->o;
    size_t used = 0;
    int k;
    snprintf(b->p.world, sizeof b->p.world, "%s", vigil_world_name(b->w));
    snprintf(b->p.world_dir, sizeof b->p.world_dir, "%s", vigil_world_dir(b->w));
    world_hash(b->w, b->p.world_sha256);
    b->p.seed = o->has_seed ? o->seed : DEFAULT_SEED;
    b->p.draws = o->draws > 0 ? o->draws : DEFAULT_DRAWS;
    for (k = 0; o->params && o->params[k] && used < sizeof b->p.params; k++)
        used += (size_t)snprintf(b->p.params + used, sizeof b->p.params - used, "%s%s",
                                 k ? "," : "", o->params[k]);
    snprintf(b->p.baseline, sizeof b->p.baseline, "%s", b->base >= 0 ? b->e[b->base].name : "no_lever");
    snprintf(b->p.baseline_file, sizeof b->p.baseline_file, "%s",
             b->base >= 0 ? b->e[b->base].file : "");
    snprintf(b->p.baseline_sha256, sizeof b->p.baseline_sha256, "%s",
             b->bscen ? vigil_scenario_hash(b->bscen) : "");
    batch_key(b);
}

/* Loads the world, the baseline scenario (its failure is recorded: every
** scenario will then fail) and the shared run options. */
static int setup(batch *b) {
    vigil_ctx *sctx;
    int rc;
    if ((rc = entries(b)) != VIGIL_OK || (rc = find_baseline(b)) != VIGIL_OK) return rc;
    if ((rc = vigil_world_load(b->ctx, b->o->world_dir, &b->w)) != VIGIL_OK) return rc;
    if (b->base >= 0) {
        if ((sctx = vigil_open()) == NULL) return vigil_nomem(b->ctx, "batch");
        b->bstatus = vigil_scenario_load(sctx, b->e[b->base].file, b->w, NULL, &b->bscen);
        snprintf(b->berr, sizeof b->berr, "%s", vigil_errmsg(sctx));
        vigil_close(sctx);
    }
    fill_params(b);
    b->ro.draws = b->p.draws;
    b->ro.seed = b->p.seed;
    b->ro.has_seed = 1;
    b->ro.keep_draws = b->o->keep_draws;
    b->ro.params = b->o->params;
    b->ro.jobs = b->o->jobs;
    b->ro.progress = on_draws;
    b->ro.progress_arg = b;
    return VIGIL_OK;
}

/* }================================================================== */

/* {==================================================================
** The comparison with the baseline, draw by draw
** =================================================================== */

/* Draw k of scenario and baseline share the random stream (seed, k), so
** the difference of draw k is a draw of the difference: its quantiles are
** an interval for the scenario's effect. */
static void compare_series(cmp *c, const vigil_results *b, long y, long yb, long s,
                           double *d) {
    const vigil_results *r = c->s;
    long k, N = r->ndraws < b->ndraws ? r->ndraws : b->ndraws;
    static const double p[] = {0.05, 0.50, 0.95};
    double *v = c->v + (y * r->nser + s) * NCMP, sm = 0, bm = 0, q[3];
    for (k = 0; k < N; k++) {
        double x = r->draws[(k * r->ny + y) * r->nser + s];
        double z = b->draws[(k * b->ny + yb) * b->nser + s];
        sm += x;
        bm += z;
        d[k] = x - z;
    }
    v[C_SMEAN] = sm / (double)N;
    v[C_BMEAN] = bm / (double)N;
    v[C_MEAN] = v[C_SMEAN] - v[C_BMEAN];
    vg_quantiles(d, N, p, 3, q);
    v[C_P05] = q[0];
    v[C_P50] = q[1];
    v[C_P95] = q[2];
}

static int compare(vigil_ctx *ctx, cmp *c, const vigil_results *b) {
    const vigil_results *r = c->s;
    long y, s;
    double *d;
    if (r->nser != b->nser)
        return vigil_seterr(ctx, VIGIL_EUSAGE, "comparison: %s and the baseline have "
                            "different series", c->name);
    c->v = vg_malloc_array((size_t)(r->ny * r->nser * NCMP), sizeof *c->v);
    c->have = vg_calloc((size_t)r->ny, 1);
    d = vg_malloc_array((size_t)(r->ndraws > b->ndraws ? r->ndraws : b->ndraws), sizeof *d);
    if (!c->v || !c->have || !d) {
        vg_free(d);
        return vigil_nomem(ctx, "comparison");
    }
    for (y = 0; y < r->ny; y++) {
        long yb = r->y0 + y - b->y0;
        if (yb < 0 || yb >= b->ny) continue;
        c->have[y] = 1;
        for (s = 0; s < r->nser; s++) compare_series(c, b, y, yb, s, d);
    }
    vg_free(d);
    return VIGIL_OK;
}

static void num(FILE *f, double v) {
    char buf[32];
    fputc(',', f);
    if (!isnan(v)) fputs(vg_fmt_double(buf, v), f);
}

static void comparison_csv(FILE *f, const void *arg) {
    const cmp *c = arg;
    const vigil_results *r = c->s;
    long y, s;
    int k;
    fputs("scenario,baseline,year,region,indicator,scenario_mean,baseline_mean,"
          "diff_mean,diff_p05,diff_p50,diff_p95\n", f);
    for (y = 0; y < r->ny; y++)
        for (s = 0; c->have[y] && s < r->nser; s++) {
            vg_csv_put_field(f, c->name);
            fputc(',', f);
            vg_csv_put_field(f, c->base);
            fprintf(f, ",%ld,", r->y0 + y);
            vg_csv_put_field(f, r->ser_region[s]);
            fprintf(f, ",%s", vg_indicator_name(r->ser_ind[s]));
            for (k = 0; k < NCMP; k++) num(f, c->v[(y * r->nser + s) * NCMP + k]);
            fputc('\n', f);
        }
}

/* }================================================================== */

/* {==================================================================
** A scenario's folder
** =================================================================== */

static void timing_json(FILE *f, const void *arg) {
    const timing *t = arg;
    fprintf(f, "{\n  \"seconds\": %.3f,\n  \"jobs\": %d,\n  \"draws\": %ld\n}\n", t->seconds,
            t->jobs, t->draws);
}

static void error_json(FILE *f, const void *arg) {
    const failure *e = arg;
    fprintf(f, "{\n  \"engine\": \"vigil %s\",\n  \"scenario\": ", VIGIL_VERSION);
    vg_json_str(f, e->name);
    fputs(",\n  \"scenario_file\": ", f);
    vg_json_str(f, e->file);
    fputs(",\n  \"scenario_sha256\": ", f);
    vg_json_str(f, e->sha);
    fputs(",\n  \"status\": \"failed\",\n  \"error\": ", f);
    vg_json_str(f, e->msg);
    fprintf(f, ",\n  \"exit_code\": %d,\n  \"batch_key\": ", vigil_exit_code(e->code));
    vg_json_str(f, e->key);
    fputs("\n}\n", f);
}

/* The members vigil batch adds to a scenario's manifest.json. From
** open_memstream; the caller frees it with free(). */
static char *manifest_members(const batch *b) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL) return NULL;
    fputs(",\n  \"world_sha256\": ", f);
    vg_json_str(f, b->p.world_sha256);
    fputs(",\n  \"batch_baseline\": ", f);
    vg_json_str(f, b->p.baseline);
    fputs(",\n  \"batch_baseline_sha256\": ", f);
    vg_json_str(f, b->p.baseline_sha256);
    fputs(",\n  \"batch_key\": ", f);
    vg_json_str(f, b->p.key);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *join(const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* Is the folder complete for this scenario (hash) and batch (key)? */
static int complete(const char *dir, const char *hash, const char *key) {
    char *path = join(dir, "manifest.json"), *text = path ? vg_read_text(path, NULL) : NULL;
    char got[VG_SHA256_HEX], gotkey[VG_SHA256_HEX];
    int ok = text && vg_json_member(text, "scenario_sha256", got, sizeof got) &&
             vg_json_member(text, "batch_key", gotkey, sizeof gotkey) &&
             strcmp(got, hash) == 0 && strcmp(gotkey, key) == 0;
    vg_free(path);
    vg_free(text);
    return ok;
}

static int write_failure(batch *b, const char *dir, const entry *e, const char *sha,
                         vigil_ctx *sctx, const timing *t) {
    failure f;
    vg_outset set;
    FILE *fp;
    int rc = vg_out_begin(b->ctx, &set, dir);
    f.name = e->name;
    f.file = e->file;
    f.sha = sha;
    f.msg = vigil_errmsg(sctx);
    f.key = b->p.key;
    f.code = vigil_errcode(sctx);
    if (rc == VIGIL_OK && (rc = vg_out_open(b->ctx, &set, "timing.json", &fp)) == VIGIL_OK)
        timing_json(fp, t);
    if (rc == VIGIL_OK && (rc = vg_out_open(b->ctx, &set, "error.json", &fp)) == VIGIL_OK)
        error_json(fp, &f);
    if (rc == VIGIL_OK) return vg_out_commit(b->ctx, &set);
    vg_out_abort(&set);
    return rc;
}

static int write_results(vigil_ctx *ctx, const batch *b, const char *dir, const entry *e,
                         const vigil_results *r, const timing *t) {
    cmp c;
    vg_write_file files[2];
    vg_write_opts wo;
    char *extra = manifest_members(b);
    int rc = extra ? VIGIL_OK : vigil_nomem(ctx, "manifest");
    memset(&c, 0, sizeof c);
    memset(&wo, 0, sizeof wo);
    c.name = e->name;
    c.base = b->p.baseline;
    c.s = r;
    files[wo.nfiles++] = (vg_write_file){"timing.json", timing_json, t};
    if (rc == VIGIL_OK && r != b->bres) {
        rc = compare(ctx, &c, b->bres);
        files[wo.nfiles++] = (vg_write_file){"comparison.csv", comparison_csv, &c};
    }
    wo.no_seconds = 1;
    wo.manifest_extra = extra;
    wo.files = files;
    if (rc == VIGIL_OK) rc = vg_results_write_opts(ctx, r, dir, &wo);
    vg_free(c.v);
    vg_free(c.have);
    free(extra);
    return rc;
}

/* The baseline's results, computed once when a scenario first needs them
** (shown as a step of its own unless it is the baseline's own turn). */
static int need_baseline(batch *b, vigil_ctx *sctx, int own) {
    vg_batch_event saved = b->ev;
    if (b->bres || b->bstatus != VIGIL_OK) goto done;
    if (own) {
        b->bstatus = vigil_project(sctx, b->w, b->bscen, &b->ro, &b->bres);
        snprintf(b->berr, sizeof b->berr, "%s", vigil_errmsg(sctx));
        goto done;
    }
    memset(&b->ev, 0, sizeof b->ev);
    b->ev.name = b->p.baseline;
    event(b, VG_BATCH_START);
    b->ev.seconds = now();
    b->bstatus = vigil_project(sctx, b->w, b->bscen, &b->ro, &b->bres);
    snprintf(b->berr, sizeof b->berr, "%s", vigil_errmsg(sctx));
    b->ev.seconds = now() - b->ev.seconds;
    b->ev.status = b->bstatus;
    b->ev.error = b->berr;
    event(b, VG_BATCH_DONE);
    b->ev = saved;
done:
    if (b->bstatus == VIGIL_OK) return VIGIL_OK;
    if (own) return vigil_seterr(sctx, b->bstatus, "%s", b->berr);
    return vigil_seterr(sctx, b->bstatus, "the baseline (%s) failed: %.*s", b->p.baseline,
                        (int)strcspn(b->berr, "\n"), b->berr);
}

/* Loads, checks --resume, runs and writes one scenario. Returns a batch
** error only (I/O on the batch folder); the scenario's own failure is
** written to its error.json and counted. */
static int run_one(batch *b, int i, vg_batch_result *res) {
    const entry *e = &b->e[i];
    vigil_scenario *s = NULL;
    vigil_results *r = NULL;
    vigil_ctx *sctx = vigil_open();
    char *dir = join(b->o->out, e->name);
    timing t;
    int rc, brc = VIGIL_OK;
    double t0 = now();
    if (!sctx || !dir) {
        vigil_close(sctx);
        vg_free(dir);
        return vigil_nomem(b->ctx, "batch");
    }
    b->ev.name = e->name;
    rc = i == b->base ? b->bstatus : vigil_scenario_load(sctx, e->file, b->w, NULL, &s);
    if (i == b->base && rc != VIGIL_OK) vigil_seterr(sctx, rc, "%s", b->berr);
    if (i == b->base) s = b->bscen;
    if (b->o->resume && s && complete(dir, vigil_scenario_hash(s), b->p.key)) {
        res->skipped++;
        event(b, VG_BATCH_SKIP);
        goto done;
    }
    b->ev.scenario = s;
    event(b, VG_BATCH_START);
    b->ev.scenario = NULL;
    vg_batch_clean(dir);
    if (rc == VIGIL_OK) rc = need_baseline(b, sctx, i == b->base);
    if (rc == VIGIL_OK && i != b->base) rc = vigil_project(sctx, b->w, s, &b->ro, &r);
    t.seconds = now() - t0;
    t.jobs = b->ro.jobs == VIGIL_JOBS_AUTO ? vg_jobs_cores() : b->ro.jobs > 1 ? b->ro.jobs : 1;
    t.draws = b->p.draws;
    if (rc == VIGIL_OK) rc = write_results(sctx, b, dir, e, i == b->base ? b->bres : r, &t);
    b->ev.status = rc;
    b->ev.error = rc ? vigil_errmsg(sctx) : NULL;
    b->ev.seconds = t.seconds;
    if (rc != VIGIL_OK) {
        res->failed++;
        if (res->fail_status == VIGIL_OK || rc == VIGIL_ESCRIPT) res->fail_status = rc;
        brc = write_failure(b, dir, e, s ? vigil_scenario_hash(s) : "", sctx, &t);
    } else {
        res->ran++;
    }
    event(b, VG_BATCH_DONE);
done:
    if (s != b->bscen) vigil_scenario_free(s);
    vigil_results_free(r);
    vigil_close(sctx);
    vg_free(dir);
    return brc;
}

/* }================================================================== */

static void batch_free(batch *b) {
    vigil_results_free(b->bres);
    vigil_scenario_free(b->bscen);
    vigil_world_free(b->w);
    vg_free(b->e);
}

int vg_batch_run(vigil_ctx *ctx, const vg_batch_opts *o, vg_batch_result *res) {
    batch b;
    char **names = NULL, shard[64];
    int i, n = 0, rc;
    memset(&b, 0, sizeof b);
    memset(res, 0, sizeof *res);
    b.ctx = ctx;
    b.o = o;
    if (o->shard_n > 0 && (o->shard_i < 1 || o->shard_i > o->shard_n))
        return vigil_seterr(ctx, VIGIL_EUSAGE, "--shard %d/%d: i must be in 1..n", o->shard_i,
                            o->shard_n);
    rc = setup(&b);
    if (rc == VIGIL_OK) rc = vg_mkdirs(ctx, o->out);
    if (rc == VIGIL_OK && (names = vg_calloc((size_t)b.ne + 1, sizeof *names)) == NULL)
        rc = vigil_nomem(ctx, "batch");
    for (i = 0; rc == VIGIL_OK && i < b.ne; i++)
        if (o->shard_n <= 0 || i % o->shard_n == o->shard_i - 1) names[n++] = b.e[i].name;
    b.ev.total = n;
    for (i = 0, n = 0; rc == VIGIL_OK && i < b.ne; i++) {
        if (o->shard_n > 0 && i % o->shard_n != o->shard_i - 1) continue;
        b.ev.index = ++n;
        rc = run_one(&b, i, res);
    }
    snprintf(shard, sizeof shard, "%d/%d", o->shard_i, o->shard_n);
    if (rc == VIGIL_OK)
        rc = vg_batch_write_files(ctx, o->out, &b.p, names, n, o->shard_n > 0 ? shard : NULL,
                                  NULL);
    vg_free(names);
    batch_free(&b);
    return rc;
}
