/*
** Uncertainty and batches (issue 6): quantiles against known answers and
** GSL; the moments of each distribution's draws; draws in threads give
** the same bytes as in one thread, and different seeds differ; errors in
** threads (a Lua error, a lower draw wins, a thread argument that cannot
** be made); the SQLite store round-trips a batch. The
** command-line cases (broken scenario, kill -9 and --resume, shards) are
** the shell scripts of tests/batch/.
*/
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "draws.h"
#include "jobs.h"
#include "results.h"
#include "store.h"
#include "test.h"

static const char *src;
static vigil_world *world;

/* ---- quantiles ---- */

static void quantiles(void) {
    static const double a[] = {1, 2, 3, 4, 5};
    static const double b[] = {-3.5, 0, 0.25, 2, 10, 11.5, 100};
    static const double p[] = {0, 0.05, 0.25, 0.5, 0.9, 0.95, 1};
    size_t k;
    /* linear interpolation between order statistics (numpy's default):
    ** h = (n - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) */
    CHECK_ABS(vg_quantile_sorted(a, 5, 0.05), 1.2, 1e-12);
    CHECK_ABS(vg_quantile_sorted(a, 5, 0.50), 3.0, 1e-12);
    CHECK_ABS(vg_quantile_sorted(a, 5, 0.95), 4.8, 1e-12);
    CHECK_ABS(vg_quantile_sorted(b, 7, 0.05), -2.45, 1e-12);
    CHECK_ABS(vg_quantile_sorted(b, 7, 0.50), 2.0, 1e-12);
    CHECK_ABS(vg_quantile_sorted(b, 7, 0.95), 73.45, 1e-12);
    CHECK_ABS(vg_quantile_sorted(b, 1, 0.95), -3.5, 0);
    for (k = 0; k < sizeof p / sizeof p[0]; k++)
        CHECK_ABS(vg_quantile_sorted(b, 7, p[k]),
                  gsl_stats_quantile_from_sorted_data(b, 1, 7, p[k]), 0);
}

/* vg_quantiles (selection) against GSL on sorted copies, to the last bit:
** random samples of every size up to 300, with and without ties, sorted
** and reversed input; a value not finite gives NaN. */
static void quantiles_by_selection(void) {
    static const double p[] = {0, 0.05, 0.25, 0.5, 0.5, 0.9, 0.95, 1};
    gsl_rng *r = vg_draw_rng(87, 7);
    double x[300], y[300], q[8], bad[3] = {1, NAN, 2};
    long n, k, mismatches = 0;
    int shape, j;
    for (shape = 0; shape < 4; shape++)
        for (n = 1; n <= 300; n++) {
            for (k = 0; k < n; k++) {
                double u = gsl_rng_uniform(r);
                x[k] = shape == 1 ? floor(5 * u)             /* many ties */
                     : shape == 2 ? (double)k                /* sorted */
                     : shape == 3 ? (double)(n - k) : 1e6 * u - 3e5; /* reversed */
                y[k] = x[k];
            }
            gsl_sort(y, 1, (size_t)n);
            CHECK(vg_quantiles(x, n, p, 8, q) == 1);
            for (j = 0; j < 8; j++)
                mismatches += q[j] != gsl_stats_quantile_from_sorted_data(y, 1, (size_t)n, p[j]);
        }
    CHECK(mismatches == 0);
    CHECK(vg_quantiles(bad, 3, p, 8, q) == 0);
    CHECK(isnan(q[0]) && isnan(q[7]));
    CHECK(vg_quantiles(x, 0, p, 1, q) == 0 && isnan(q[0]));
    gsl_rng_free(r);
}

/* ---- moments of the draws ---- */

/* n draws of d: the sample mean and variance against the exact ones.
** Tolerances: the mean within 5 standard errors (sd / sqrt(n)); the
** variance within 3 % (its relative standard error is about
** sqrt((kurtosis - 1) / n), under 0.7 % here for n = 200,000). */
static void moments(const char *what, vigil_dist d, double mean, double var) {
    const long n = 200000;
    gsl_rng *r = vg_draw_rng(87, 1);
    double *x = malloc(sizeof *x * (size_t)n), m, v;
    long k;
    int inside = 1;
    for (k = 0; k < n; k++) {
        x[k] = vg_dist_draw(&d, r);
        inside &= x[k] >= d.lo && x[k] <= d.hi;
    }
    m = gsl_stats_mean(x, 1, (size_t)n);
    v = gsl_stats_variance_m(x, 1, (size_t)n, m);
    if (!CHECK_ABS(m, mean, 5 * sqrt(var / (double)n)) || !CHECK_REL(v, var, 0.03) ||
        !CHECK(inside))
        fprintf(stderr, "  (%s)\n", what);
    free(x);
    gsl_rng_free(r);
}

static vigil_dist dist(vigil_dist_kind k, double a, double b, double c, double lo, double hi) {
    vigil_dist d;
    d.kind = k;
    d.a = a;
    d.b = b;
    d.c = c;
    d.lo = lo;
    d.hi = hi;
    return d;
}

static void distributions(void) {
    const double H = HUGE_VAL;
    double s2 = 0.3 * 0.3, a = 2, b = 5, lo = 1, md = 2, hi = 6;
    /* truncated normal(0.95, 0.1) on [0, 1]: mean mu + s (phi(A) - phi(B)) / Z,
    ** variance s^2 (1 + (A phi(A) - B phi(B)) / Z - ((phi(A) - phi(B)) / Z)^2) */
    double A = (0 - 0.95) / 0.1, B = (1 - 0.95) / 0.1;
    double Z = gsl_cdf_ugaussian_P(B) - gsl_cdf_ugaussian_P(A);
    double pa = gsl_ran_ugaussian_pdf(A), pb = gsl_ran_ugaussian_pdf(B), q = (pa - pb) / Z;
    moments("normal", dist(VIGIL_DIST_NORMAL, -6.6, 0.4, 0, -H, H), -6.6, 0.16);
    moments("lognormal", dist(VIGIL_DIST_LOGNORMAL, 1.2, 0.3, 0, -H, H), exp(1.2 + s2 / 2),
            (exp(s2) - 1) * exp(2 * 1.2 + s2));
    moments("uniform", dist(VIGIL_DIST_UNIFORM, 0.2, 0.5, 0, -H, H), 0.35, 0.09 / 12);
    moments("triangular", dist(VIGIL_DIST_TRIANGULAR, lo, md, hi, -H, H), (lo + md + hi) / 3,
            (lo * lo + md * md + hi * hi - lo * md - lo * hi - md * hi) / 18);
    moments("beta", dist(VIGIL_DIST_BETA, a, b, 0, 0, 1), a / (a + b),
            a * b / ((a + b) * (a + b) * (a + b + 1)));
    moments("truncated normal", dist(VIGIL_DIST_NORMAL, 0.95, 0.1, 0, 0, 1), 0.95 + 0.1 * q,
            0.01 * (1 + (A * pa - B * pb) / Z - q * q));
}

/* ---- draws in worker processes ---- */

static vigil_results *project(const char *rel, int draws, int jobs, unsigned long seed,
                              char *err, size_t nerr) {
    vigil_ctx *ctx = vigil_open();
    vigil_scenario *s = NULL;
    vigil_results *r = NULL;
    vigil_run_opts o;
    char path[4096];
    memset(&o, 0, sizeof o);
    o.draws = draws;
    o.jobs = jobs;
    o.seed = seed;
    o.has_seed = 1;
    o.decompose = -1;
    snprintf(path, sizeof path, "%s/%s", src, rel);
    if (vigil_scenario_load(ctx, path, world, NULL, &s) == VIGIL_OK)
        vigil_project(ctx, world, s, &o, &r);
    if (err) snprintf(err, nerr, "%s", vigil_errmsg(ctx));
    else if (r == NULL) fprintf(stderr, "%s\n", vigil_errmsg(ctx));
    vigil_scenario_free(s);
    vigil_close(ctx);
    return r;
}

static int same(const vigil_results *a, const vigil_results *b) {
    size_t nd = (size_t)a->ndraws * (size_t)a->ny * (size_t)a->nser;
    return a->ndraws == b->ndraws && a->nser == b->nser &&
           memcmp(a->draws, b->draws, nd * sizeof *a->draws) == 0 &&
           memcmp(a->stat, b->stat, (size_t)a->ny * (size_t)a->nser * NSTAT * sizeof *a->stat) == 0;
}

static void parallel_same(void) {
    const char *sc[] = {"scenarios/covid_2020_2022.lua", "scenarios/conditional_policy.lua",
                        "scenarios/eu_forced_labour_ban.lua"};
    size_t i;
    for (i = 0; i < sizeof sc / sizeof sc[0]; i++) {
        vigil_results *r1 = project(sc[i], 23, 1, 87, NULL, 0);
        vigil_results *r2 = project(sc[i], 23, 2, 87, NULL, 0);
        vigil_results *r3 = project(sc[i], 23, 3, 87, NULL, 0);
        vigil_results *r4 = project(sc[i], 23, 2, 88, NULL, 0);
        if (CHECK(r1 && r2 && r3 && r4)) {
            if (!CHECK(same(r1, r2)) || !CHECK(same(r1, r3))) fprintf(stderr, "  (%s)\n", sc[i]);
            /* another seed: other draws (where anything is uncertain) */
            if (i == 0) CHECK(!same(r1, r4));
        }
        vigil_results_free(r1);
        vigil_results_free(r2);
        vigil_results_free(r3);
        vigil_results_free(r4);
    }
}

static void worker_lua_error(void) {
    char e1[VIGIL_ERRMAX], e2[VIGIL_ERRMAX];
    vigil_results *r1 = project("tests/batch/broken_hook.lua", 20, 1, 87, e1, sizeof e1);
    vigil_results *r2 = project("tests/batch/broken_hook.lua", 20, 2, 87, e2, sizeof e2);
    CHECK(r1 == NULL && r2 == NULL);
    CHECK(strstr(e2, "broken_hook.lua:7: deliberate failure (year 2022, draw 7)") != NULL);
    CHECK_STR(e2, e1);
    vigil_results_free(r1);
    vigil_results_free(r2);
}

/* Jobs of the generic module: item k writes k, k^2; some fail. */
static int job(vigil_ctx *ctx, void *arg, long k, double *out) {
    const long *fail = arg;
    if (fail && (k == fail[0] || k == fail[1]))
        return vigil_seterr(ctx, VIGIL_ESCRIPT, "item %ld failed", k);
    out[0] = (double)k;
    out[1] = (double)(k * k);
    return VIGIL_OK;
}

/* thread_arg: counts the arguments alive in *made; *made < 0 makes it
** fail. */
static long *made_by;

static void *thread_arg(vigil_ctx *ctx, void *arg, int j) {
    long *made = arg;
    if (*made < 0) {
        vigil_seterr(ctx, VIGIL_ENOMEM, "out of memory (thread %d)", j);
        return NULL;
    }
    made_by = made;
    (*made)++;
    return malloc(16);
}

/* Item k writes k, k^2 whatever its argument. */
static int job_plain(vigil_ctx *ctx, void *arg, long k, double *out) {
    (void)arg;
    return job(ctx, NULL, k, out);
}

static void thread_free(void *targ) {
    (*made_by)--;
    free(targ);
}

static void jobs_module(void) {
    vigil_ctx *ctx = vigil_open();
    double a[2 * 50], b[2 * 50], *c;
    long fail[3] = {31, 7, -1}, made = 0;
    vg_jobs j;
    memset(&j, 0, sizeof j);
    j.njobs = 1;
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job, NULL, a) == VIGIL_OK);
    j.njobs = 4;
    memset(b, 0, sizeof b);
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job, NULL, b) == VIGIL_OK);
    CHECK(memcmp(a, b, sizeof a) == 0);
    j.warm = 1; /* item 0 here, the others in threads */
    memset(b, 0, sizeof b);
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job, NULL, b) == VIGIL_OK);
    CHECK(memcmp(a, b, sizeof a) == 0);
    /* into a vg_jobs_buffer */
    c = vg_jobs_buffer(2 * 50);
    CHECK(c != NULL && c[0] == 0 && c[99] == 0);
    CHECK(c && vg_jobs_run(ctx, &j, 50, 2, job, NULL, c) == VIGIL_OK);
    CHECK(c && memcmp(a, c, sizeof a) == 0);
    vg_jobs_buffer_free(c, 2 * 50);
    /* an argument of each thread's own, made and freed once per thread */
    j.thread_arg = thread_arg;
    j.thread_free = thread_free;
    memset(b, 0, sizeof b);
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job_plain, &made, b) == VIGIL_OK);
    CHECK(memcmp(a, b, sizeof a) == 0 && made == 0);
    made = -1; /* thread_arg fails: its message is the run's */
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job_plain, &made, b) == VIGIL_ENOMEM);
    CHECK_STR(vigil_errmsg(ctx), "out of memory (thread 0)");
    j.thread_arg = NULL;
    j.thread_free = NULL;
    j.warm = 0;
    /* the lowest failing item is the one reported, as in one process */
    j.njobs = 3;
    CHECK(vg_jobs_run(ctx, &j, 50, 2, job, fail, b) == VIGIL_ESCRIPT);
    CHECK_STR(vigil_errmsg(ctx), "item 7 failed");
    vigil_close(ctx);
}

/* Threads of vg_jobs_threads: every item once, in its own range. */
static void mark(void *arg, int j, long k0, long k1) {
    long *seen = arg, k;
    for (k = k0; k < k1; k++) seen[k] += 1 + 1000 * j;
}

static void threads_module(void) {
    long seen[37], k, bad = 0;
    int n, j;
    for (n = 1; n <= 5; n++) {
        memset(seen, 0, sizeof seen);
        vg_jobs_threads(n, 37, mark, seen);
        for (j = 0; j < n; j++) /* range j is [37 j / n, 37 (j + 1) / n) */
            for (k = 37L * j / n; k < 37L * (j + 1) / n; k++) bad += seen[k] != 1 + 1000L * j;
    }
    CHECK(bad == 0);
    memset(seen, 0, sizeof seen);
    vg_jobs_threads(8, 3, mark, seen); /* more threads than items */
    CHECK(seen[0] == 1 && seen[1] == 1001 && seen[2] == 2001 && seen[3] == 0);
}

/* ---- the SQLite store ---- */

static long long count(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static double value(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st = NULL;
    double v = NAN;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void store(void) {
    char dir[] = "/tmp/vigil-test-batch-XXXXXX", out[4200], db[4200], f1[4200], f2[4200], f3[4200];
    const char *files[3];
    vg_batch_opts o;
    vg_batch_result res;
    vigil_ctx *ctx = vigil_open();
    vigil_results *r;
    sqlite3 *h = NULL;
    long long run = 0;
    if (!CHECK(mkdtemp(dir) != NULL)) return;
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(db, sizeof db, "%s/store.sqlite", dir);
    snprintf(f1, sizeof f1, "%s/scenarios/baseline.lua", src);
    snprintf(f2, sizeof f2, "%s/scenarios/covid_2020_2022.lua", src);
    snprintf(f3, sizeof f3, "%s/tests/batch/broken_hook.lua", src);
    files[0] = f2;
    files[1] = f3;
    files[2] = f1;
    memset(&o, 0, sizeof o);
    o.files = files;
    o.nfiles = 3;
    o.out = out;
    o.draws = 10;
    o.jobs = 2;
    CHECK(vg_batch_run(ctx, &o, &res) == VIGIL_OK);
    CHECK(res.ran == 2 && res.failed == 1 && res.fail_status == VIGIL_ESCRIPT);
    CHECK(vg_store_append(ctx, db, out, &run) == VIGIL_OK && run == 1);
    CHECK(vg_store_append(ctx, db, out, &run) == VIGIL_OK && run == 2);
    r = project("scenarios/covid_2020_2022.lua", 10, 1, 87, NULL, 0);
    if (CHECK(sqlite3_open(db, &h) == SQLITE_OK) && CHECK(r != NULL)) {
        long long nser = r->nser * r->ny;
        CHECK(count(h, "SELECT count(*) FROM runs") == 2);
        CHECK(count(h, "SELECT count(*) FROM scenarios WHERE run_id = 2") == 3);
        CHECK(count(h, "SELECT count(*) FROM scenarios WHERE status = 'failed' AND "
                       "scenario = 'broken_hook' AND error LIKE '%deliberate failure%'") == 2);
        CHECK(count(h, "SELECT count(*) FROM series WHERE run_id = 1") == 2 * nser);
        CHECK(count(h, "SELECT count(*) FROM comparison WHERE run_id = 1") == nser);
        CHECK(count(h, "SELECT count(*) FROM decomposition WHERE run_id = 1") == nser);
        CHECK(count(h, "SELECT count(*) FROM bilateral WHERE run_id = 1") ==
              2LL * r->ny * (r->bil_ng + r->bil_nh) * r->bil_R);
        CHECK_ABS(value(h, "SELECT sum(value) FROM bilateral WHERE run_id = 2 AND scenario = "
                           "'covid_2020_2022' AND indicator = 'child_labour' AND year = 2020"),
                  vigil_results_get(r, "child_labour", "World", 2020, 0), 1e-6);
        CHECK(count(h, "PRAGMA user_version") == VG_STORE_VERSION);
        CHECK_ABS(value(h, "SELECT p95 FROM series WHERE run_id = 2 AND scenario = "
                           "'covid_2020_2022' AND indicator = 'child_labour' AND region = "
                           "'World' AND year = 2023"),
                  vigil_results_get(r, "child_labour", "World", 2023, 3), 0);
    }
    sqlite3_close(h);
    vigil_results_free(r);
    vigil_close(ctx);
    if (test_fail == 0) {
        char cmd[4300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
}

int main(void) {
    vigil_ctx *ctx = vigil_open();
    if ((src = getenv("VIGIL_SOURCE")) == NULL) src = VIGIL_SOURCE_DIR;
    if (vigil_world_load(ctx, NULL, &world) != VIGIL_OK) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return 1;
    }
    quantiles();
    quantiles_by_selection();
    threads_module();
    distributions();
    parallel_same();
    worker_lua_error();
    jobs_module();
    store();
    vigil_world_free(world);
    vigil_close(ctx);
    return test_done();
}
