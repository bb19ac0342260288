/*
** The projection model (issue 5): the 2020 baseline reproduces the
** published totals; the Covid scenarios give the ILO-UNICEF projections;
** invariants (no lever -> baseline path, non-negative counts, prevalences
** in [0, 1], hazardous <= child labour, regions add up to World, sectors
** and ages add up, attribution adds up); each channel moves child labour
** the way the evidence says; the decomposition adds up to the change.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "test.h"
#include "vigil/project.h"

static vigil_world *world;
static const char *src;

/* Runs a scenario file (relative to the source tree; NULL: no scenario). */
static vigil_results *run(const char *rel, int draws) {
    vigil_ctx *ctx = vigil_open();
    vigil_scenario *s = NULL;
    vigil_results *r = NULL;
    vigil_run_opts o;
    char path[4096];
    memset(&o, 0, sizeof o);
    o.draws = draws;
    if (rel) {
        snprintf(path, sizeof path, "%s/%s", src, rel);
        if (vigil_scenario_load(ctx, path, world, NULL, &s) != VIGIL_OK) {
            fprintf(stderr, "%s\n", vigil_errmsg(ctx));
            CHECK(0);
        }
    }
    if (vigil_project(ctx, world, s, &o, &r) != VIGIL_OK) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        CHECK(0);
    }
    vigil_scenario_free(s);
    vigil_close(ctx);
    return r;
}

static double get(const vigil_results *r, const char *ind, const char *reg, int y) {
    return vigil_results_get(r, ind, reg, y, 0);
}

static double cl_change(const vigil_results *r) {
    return get(r, "child_labour", "World", 2023) - get(r, "child_labour", "World", 2020);
}

static void baseline_totals(void) {
    vigil_results *r = run(NULL, 1);
    if (!r) return;
    CHECK_ABS(get(r, "child_labour", "World", 2020), 160.0e6, 1e-3);
    CHECK_ABS(get(r, "hazardous", "World", 2020), 79.0e6, 1e-3);
    CHECK_ABS(get(r, "forced_labour", "World", 2021), 27.6e6, 1e-3);
    CHECK_ABS(get(r, "child_labour", "Sub-Saharan Africa", 2020), 86.6e6, 1e-3);
    CHECK_ABS(get(r, "forced_labour", "Asia and the Pacific", 2021), 15.12e6, 1e-3);
    CHECK_ABS(get(r, "forced_labour_private", "World", 2021), 17333334, 1);
    vigil_results_free(r);
}

/* Sums over the regions of a family against World, for every year. */
static void adds_up(const vigil_results *r, const char *ind, enum vigil_labour fam, int y) {
    long g;
    double s = 0;
    for (g = 0; g < vigil_world_nlabour(world, fam); g++)
        s += get(r, ind, vigil_world_labour_region(world, fam, g), y);
    CHECK_REL(s, get(r, ind, "World", y), 1e-12);
}

static void invariants(const char *rel) {
    static const char *const parts[][4] = {
        {"child_labour", "child_labour_agriculture", "child_labour_industry", "child_labour_services"},
        {"child_labour", "child_labour_5_11", "child_labour_12_14", "child_labour_15_17"},
        {"forced_labour", "forced_labour_private", "forced_labour_sexual", "forced_labour_state"},
        {"cl_export_linked", "cl_export_direct", "cl_export_upstream", NULL}};
    vigil_results *r = run(rel, 1);
    const vigil_table *t = vigil_world_table(world);
    int y;
    long g, d;
    size_t k;
    if (!r) return;
    for (y = 2020; y <= 2025; y++) {
        double foot = 0;
        adds_up(r, "child_labour", VIGIL_CHILD, y);
        adds_up(r, "hazardous", VIGIL_CHILD, y);
        adds_up(r, "forced_labour", VIGIL_FORCED, y);
        for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
            double s = get(r, parts[k][1], "World", y) + get(r, parts[k][2], "World", y) +
                       (parts[k][3] ? get(r, parts[k][3], "World", y) : 0);
            CHECK_REL(s, get(r, parts[k][0], "World", y), 1e-12);
        }
        for (g = 0; g < vigil_world_nlabour(world, VIGIL_CHILD); g++) {
            const char *reg = vigil_world_labour_region(world, VIGIL_CHILD, g);
            double cl = get(r, "child_labour", reg, y), haz = get(r, "hazardous", reg, y);
            CHECK(cl >= 0 && haz >= 0 && haz <= cl);
            CHECK(get(r, "cl_export_linked", reg, y) <= cl);
            CHECK(get(r, "poverty_rate", reg, y) >= 0 && get(r, "poverty_rate", reg, y) <= 100);
            CHECK(get(r, "sp_coverage", reg, y) >= 0 && get(r, "sp_coverage", reg, y) <= 100);
        }
        for (d = 0; d < vigil_table_nregions(t); d++)
            foot += get(r, "cl_footprint", vigil_table_region(t, d), y);
        CHECK_REL(foot, get(r, "child_labour", "World", y), 1e-12);
    }
    vigil_results_free(r);
}

/* A scenario without levers gives the baseline path exactly. */
static void no_lever(void) {
    vigil_results *a = run(NULL, 1), *b = run("scenarios/baseline.lua", 1);
    int y;
    if (!a || !b) return;
    for (y = 2020; y <= 2030; y++) {
        CHECK(get(a, "child_labour", "World", y) == get(b, "child_labour", "World", y));
        CHECK(get(a, "forced_labour", "World", y) == get(b, "forced_labour", "World", y));
    }
    vigil_results_free(a);
    vigil_results_free(b);
}

/* ILO and UNICEF (2021): +8.9 M by end-2022 without mitigation, about +46 M
** if social protection slips (the scenarios' own draws). */
static void covid(void) {
    vigil_results *r = run("scenarios/covid_2020_2022.lua", 0);
    if (r) CHECK_ABS(cl_change(r), 8.9e6, 0.5e6);
    vigil_results_free(r);
    r = run("scenarios/covid_social_protection_slips.lua", 0);
    if (r) CHECK_ABS(cl_change(r), 46e6, 3e6);
    vigil_results_free(r);
}

/* Bigger GDP loss, longer closure, lower coverage: more child labour. */
static void directions(void) {
    static const char *const pairs[][2] = {
        {"tests/model/gdp_2.lua", "tests/model/gdp_5.lua"},
        {"tests/model/closure_3.lua", "tests/model/closure_6.lua"},
        {"tests/model/coverage_10.lua", "tests/model/coverage_30.lua"}};
    vigil_results *base = run(NULL, 1);
    size_t k;
    for (k = 0; base && k < sizeof pairs / sizeof pairs[0]; k++) {
        vigil_results *lo = run(pairs[k][0], 1), *hi = run(pairs[k][1], 1);
        if (lo && hi) {
            double b = get(base, "child_labour", "World", 2023);
            double l = get(lo, "child_labour", "World", 2023), h = get(hi, "child_labour", "World", 2023);
            if (!CHECK(b < l && l < h))
                fprintf(stderr, "  %s: baseline %.0f, %.0f, %.0f\n", pairs[k][1], b, l, h);
        }
        vigil_results_free(lo);
        vigil_results_free(hi);
    }
    vigil_results_free(base);
}

/* bilateral.csv's matrix (central path; with one draw the central path is
** the run): each producing region's row adds up to its labour, each
** consuming region's column to its footprint, to 1e-12. */
static void bilateral(const char *rel) {
    vigil_results *r = run(rel, 1);
    long y, p, d, np, bad = 0;
    if (r == NULL || !CHECK(r->bil != NULL)) {
        vigil_results_free(r);
        return;
    }
    np = r->bil_ng + r->bil_nh;
    for (y = 0; y < r->ny; y++) {
        const double *row = r->stat + y * r->nser * NSTAT, *b = r->bil + y * np * r->bil_R;
        for (p = 0; p < np; p++) {
            long s = p < r->bil_ng ? r->off_cl + p : r->off_fl + p - r->bil_ng;
            double sum = 0;
            for (d = 0; d < r->bil_R; d++) sum += b[p * r->bil_R + d];
            bad += fabs(sum - row[s * NSTAT + ST_MEAN]) > 1e-12 * row[s * NSTAT + ST_MEAN];
        }
        for (d = 0; d < r->bil_R; d++) {
            double cl = 0, fl = 0;
            long scl = r->off_foot + d, sfl = scl + (r->bil_R + 1); /* fl_footprint follows */
            for (p = 0; p < np; p++) *(p < r->bil_ng ? &cl : &fl) += b[p * r->bil_R + d];
            bad += fabs(cl - row[scl * NSTAT]) > 1e-12 * fmax(1, row[scl * NSTAT]);
            bad += fabs(fl - row[sfl * NSTAT]) > 1e-12 * fmax(1, row[sfl * NSTAT]);
        }
    }
    if (!CHECK(bad == 0)) fprintf(stderr, "  %s: %ld sums off\n", rel, bad);
    vigil_results_free(r);
}

/* Bans on a list of goods (docs/MODEL.md): the lost at-risk sales take
** their labour at risk_concentration (kappa) times the cell's intensity.
** More concentrated forced labour, less of it after the ban; what goes is
** less than the export-linked forced labour; child labour is untouched by
** a ban on the forced-labour list; kappa does nothing without a ban. */
static void risk_concentration(void) {
    vigil_results *k1 = run("tests/model/ban_kappa_1.lua", 1);
    vigil_results *k20 = run("tests/model/ban_kappa_20.lua", 1);
    vigil_results *kmax = run("tests/model/ban_kappa_1e6.lua", 1);
    vigil_results *g = run("tests/model/gdp_2.lua", 1);
    vigil_results *g50 = run("tests/model/gdp_2_kappa_50.lua", 1);
    int y, same = 1;
    if (k1 && k20 && kmax) {
        double f1 = get(k1, "forced_labour", "World", 2025);
        double f20 = get(k20, "forced_labour", "World", 2025);
        double fmx = get(kmax, "forced_labour", "World", 2025);
        if (!CHECK(fmx < f20 && f20 < f1))
            fprintf(stderr, "  forced labour 2025: %.0f, %.0f, %.0f\n", f1, f20, fmx);
        CHECK(f1 - fmx < get(k1, "fl_export_linked", "World", 2025));
        CHECK(get(k1, "child_labour", "World", 2025) == get(kmax, "child_labour", "World", 2025));
        CHECK(get(k1, "forced_labour", "World", 2020) == get(kmax, "forced_labour", "World", 2020));
    }
    for (y = 2020; g && g50 && y <= 2025; y++)
        same &= get(g, "forced_labour", "World", y) == get(g50, "forced_labour", "World", y) &&
                get(g, "child_labour", "World", y) == get(g50, "child_labour", "World", y);
    CHECK(same);
    vigil_results_free(k1);
    vigil_results_free(k20);
    vigil_results_free(kmax);
    vigil_results_free(g);
    vigil_results_free(g50);
}

/* Shapley parts add up to the central path's change against the baseline;
** read back from decomposition.csv through the writer. */
static void decomposition(void) {
    vigil_results *base = run(NULL, 1), *r = run("tests/model/mixed.lua", 1);
    vigil_ctx *ctx = vigil_open();
    char dir[] = "/tmp/vigil_test_model_XXXXXX", path[4096], line[1024];
    double sum = 0;
    FILE *f;
    if (!base || !r || mkdtemp(dir) == NULL) return;
    CHECK(vigil_results_write(ctx, r, dir) == VIGIL_OK);
    snprintf(path, sizeof path, "%s/decomposition.csv", dir);
    if (CHECK((f = fopen(path, "r")) != NULL)) {
        while (fgets(line, sizeof line, f))
            if (strncmp(line, "2024,World,child_labour,", 24) == 0)
                sum += strtod(strrchr(line, ',') + 1, NULL);
        fclose(f);
    }
    CHECK_REL(sum, get(r, "child_labour", "World", 2024) - get(base, "child_labour", "World", 2024),
              1e-9);
    CHECK(fabs(sum) > 1e5);
    vigil_results_free(r);
    vigil_results_free(base);
    vigil_close(ctx);
}

int main(void) {
    vigil_ctx *ctx = vigil_open();
    src = getenv("VIGIL_SOURCE");
    if (src == NULL) src = VIGIL_SOURCE_DIR;
    if (vigil_world_load(ctx, NULL, &world) != VIGIL_OK) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return 1;
    }
    baseline_totals();
    invariants(NULL);
    invariants("tests/model/mixed.lua");
    no_lever();
    covid();
    directions();
    risk_concentration();
    bilateral("scenarios/covid_2020_2022.lua");
    bilateral("tests/batch/bench_10_levers.lua");
    decomposition();
    vigil_world_free(world);
    vigil_close(ctx);
    return test_done();
}
