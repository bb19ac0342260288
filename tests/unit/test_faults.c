/*
** Fault injection (issue 8): the Nth engine allocation fails
** (vg_alloc_fail_after, engine/alloc.c; Lua's allocator goes through it
** too), for N over the allocation sites of
**
**   - vigil_world_load of the built-in world,
**   - vigil_project of a small scenario (two levers and an on_year hook,
**     five years, two draws, decomposition and kept draws) on that world,
**     then vigil_results_write of what it returns,
**
** and each failure must come back as VIGIL_ENOMEM with a message, with
** nothing half-built returned (and, under ASan, nothing leaked: the
** LeakSanitizer run at exit fails the test). Then the disk: a write that
** fails (RLIMIT_FSIZE, as a full disk does) or an --out that cannot be made
** gives VIGIL_EIO and leaves no file.
**
** Sites walked: the first FIRST of each loop, then every k-th so that a
** loop makes about BUDGET runs, then the last few. VIGIL_FAULTS_ALL=1 walks
** every site (about 10 minutes under ASan).
*/
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "vigil/project.h"
#include "vigil/scenario.h"
#include "vigil/world.h"
#include "vigil_int.h"

#define FIRST 200
#define BUDGET 400
#define LAST 5

static const char scenario_text[] =
    "scenario { name = \"faults\", years = {2020, 2024}, draws = 2, seed = 7 }\n"
    "shock.gdp { region = \"Sub-Saharan Africa\", [2020] = normal(-3, 1) }\n"
    "policy.social_protection { region = \"*\", from = 2022, coverage = uniform(0.3, 0.5) }\n"
    "on_year(function(year, state)\n"
    "  if year == 2021 and state.child_labour[\"World\"] > 0 then\n"
    "    shock.income { region = \"CHN\", year = 2023, loss = 0.05 }\n"
    "  end\n"
    "end)\n";

static char tmpdir[256], scn_path[300];
static vigil_world *W; /* the built-in world, for the projection */

/* ------------------------------------------------------------ helpers */

static void rm_tree(const char *path) {
    DIR *d = opendir(path);
    struct dirent *e;
    char p[1024];
    if (d == NULL) {
        unlink(path);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(p, sizeof p, "%s/%s", path, e->d_name);
        rm_tree(p);
    }
    closedir(d);
    rmdir(path);
}

/* Files in a folder (-1: no folder). */
static int count_files(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (d == NULL) return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
    closedir(d);
    return n;
}

/* One operation under test, run with allocation k failing (k < 0: none).
** Frees everything it made; returns its status, and the number of refused
** allocations in *refused. */
typedef int (*op_fn)(vigil_ctx *ctx, long k, long *refused);

/* The number of allocations op makes when none fails: the smallest k
** with nothing refused (doubling, then bisection). */
static long count_sites(op_fn op) {
    long lo = 0, hi = 1, refused;
    vigil_ctx *ctx = vigil_open();
    for (;;) {
        op(ctx, hi, &refused);
        if (refused == 0) break;
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        op(ctx, mid, &refused);
        if (refused == 0) hi = mid;
        else lo = mid;
    }
    vigil_close(ctx);
    return hi;
}

/* Walks the sites of op; returns how many were tested. */
static long walk(const char *name, op_fn op) {
    long n = count_sites(op), k, stride, tested = 0, refused;
    int all = getenv("VIGIL_FAULTS_ALL") != NULL, rc;
    stride = all || n <= FIRST + BUDGET ? 1 : (n - FIRST) / BUDGET + 1;
    for (k = 0; k <= n; k++) {
        vigil_ctx *ctx;
        if (!(k < FIRST || (k - FIRST) % stride == 0 || k >= n - LAST)) continue;
        ctx = vigil_open();
        rc = op(ctx, k, &refused);
        tested++;
        if (k == n) { /* nothing fails: it works */
            if (!CHECK(rc == VIGIL_OK && refused == 0))
                fprintf(stderr, "  %s: no failure, rc=%d %s\n", name, rc, vigil_errmsg(ctx));
        } else if (!CHECK(rc == VIGIL_ENOMEM && refused > 0 && vigil_errmsg(ctx)[0] != '\0')) {
            fprintf(stderr, "  %s: allocation %ld failed: rc=%d refused=%ld '%s'\n", name, k,
                    rc, refused, vigil_errmsg(ctx));
        }
        vigil_close(ctx);
    }
    printf("fault injection, %s: %ld allocations, %ld tested (the first %d, every %ld-th, "
           "the last %d)\n", name, n, tested, FIRST, stride, LAST);
    return tested;
}

/* ---------------------------------------------------------- the loops */

static int op_world(vigil_ctx *ctx, long k, long *refused) {
    vigil_world *w = NULL;
    int rc;
    vg_alloc_fail_after(k);
    rc = vigil_world_load(ctx, NULL, &w);
    *refused = vg_alloc_fail_after(-1);
    if (rc != VIGIL_OK && w != NULL) {
        CHECK(w == NULL); /* nothing returned on failure */
        w = NULL;
    }
    vigil_world_free(w);
    return rc;
}

static int op_project(vigil_ctx *ctx, long k, long *refused) {
    vigil_scenario *s = NULL;
    vigil_results *res = NULL;
    vigil_run_opts o;
    char out[400];
    int rc;
    memset(&o, 0, sizeof o);
    o.jobs = 1;
    o.keep_draws = 1;
    rc = vigil_scenario_load(ctx, scn_path, W, NULL, &s);
    if (!CHECK(rc == VIGIL_OK)) {
        fprintf(stderr, "  %s\n", vigil_errmsg(ctx));
        *refused = 0;
        return rc;
    }
    snprintf(out, sizeof out, "%s/out", tmpdir);
    rm_tree(out);
    vg_alloc_fail_after(k);
    rc = vigil_project(ctx, W, s, &o, &res);
    if (rc == VIGIL_OK) rc = vigil_results_write(ctx, res, out);
    *refused = vg_alloc_fail_after(-1);
    if (rc != VIGIL_OK) {
        int nf = count_files(out);
        if (!CHECK(nf <= 0)) fprintf(stderr, "  k=%ld: %d files left in %s\n", k, nf, out);
    }
    vigil_results_free(res);
    vigil_scenario_free(s);
    return rc;
}

/* -------------------------------------------------------------- disk */

/* A full disk, as RLIMIT_FSIZE makes it (writes fail with EFBIG), and an
** --out under a file: VIGIL_EIO, a message naming the folder, no file. */
static void disk(void) {
    vigil_ctx *ctx = vigil_open();
    vigil_scenario *s = NULL;
    vigil_results *res = NULL;
    vigil_run_opts o;
    struct rlimit old, lim;
    char out[400], file[400];
    int rc;
    memset(&o, 0, sizeof o);
    o.jobs = 1;
    if (!CHECK(vigil_scenario_load(ctx, scn_path, W, NULL, &s) == VIGIL_OK) ||
        !CHECK(vigil_project(ctx, W, s, &o, &res) == VIGIL_OK)) {
        fprintf(stderr, "  %s\n", vigil_errmsg(ctx));
        vigil_scenario_free(s);
        vigil_close(ctx);
        return;
    }
    /* disk full: the first few KiB fit, then writes fail */
    snprintf(out, sizeof out, "%s/full", tmpdir);
    signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &old);
    lim = old;
    lim.rlim_cur = 2048;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    rc = vigil_results_write(ctx, res, out);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, SIG_DFL);
    if (!CHECK(rc == VIGIL_EIO)) fprintf(stderr, "  disk full: rc=%d %s\n", rc, vigil_errmsg(ctx));
    else printf("disk full: %s\n", vigil_errmsg(ctx));
    CHECK(strstr(vigil_errmsg(ctx), "write failed: File too large") != NULL);
    CHECK(count_files(out) <= 0);
    /* --out that cannot be made: its parent is a file */
    snprintf(file, sizeof file, "%s/a_file", tmpdir);
    fclose(fopen(file, "w"));
    snprintf(out, sizeof out, "%s/a_file/out", tmpdir);
    rc = vigil_results_write(ctx, res, out);
    if (!CHECK(rc == VIGIL_EIO)) fprintf(stderr, "  unwritable: rc=%d %s\n", rc, vigil_errmsg(ctx));
    else printf("unwritable --out: %s\n", vigil_errmsg(ctx));
    CHECK(strstr(vigil_errmsg(ctx), "a_file") != NULL);
    vigil_results_free(res);
    vigil_scenario_free(s);
    vigil_close(ctx);
}

int main(void) {
    const char *src = getenv("VIGIL_SOURCE");
    vigil_ctx *ctx;
    FILE *f;
#ifdef VIGIL_SOURCE_DIR
    if (src == NULL) src = VIGIL_SOURCE_DIR;
#endif
    if (src == NULL || chdir(src) != 0) return test_skip("no source tree");
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vigil-faults-XXXXXX");
    if (mkdtemp(tmpdir) == NULL) return test_skip("no temporary folder");
    snprintf(scn_path, sizeof scn_path, "%s/faults.lua", tmpdir);
    if ((f = fopen(scn_path, "w")) == NULL) return 1;
    fputs(scenario_text, f);
    fclose(f);

    CHECK(walk("vigil_world_load (built-in world)", op_world) > FIRST);
    ctx = vigil_open();
    if (!CHECK(vigil_world_load(ctx, NULL, &W) == VIGIL_OK)) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return test_done();
    }
    vigil_close(ctx);
    CHECK(walk("vigil_project + vigil_results_write (2 levers, a hook, 5 years, 2 draws)",
               op_project) > FIRST);
    disk();
    vigil_world_free(W);
    rm_tree(tmpdir);
    return test_done();
}
