/*
** Tests of the scenario language (engine/lua_api.c, engine/scenario.c,
** engine/sha256.c): SHA-256 known answers (FIPS 180-4 examples), every
** invalid fixture of tests/scenarios/invalid/ with its exact first line
** "file:line: message", every lever's instruction from
** tests/scenarios/valid/all_levers.lua, region and sector coverage,
** determinism (the same file gives the same instructions in fresh Lua
** states, whose string hash seeds differ), on_year hooks (dynamic
** instructions, per-draw reset, read-only and stale state, errors with
** year and draw), limits, the documentation of every key, and allocation
** failures (fault injection) over vigil_scenario_load and the hooks.
**
** Runs from the source tree (VIGIL_SOURCE) so that paths in messages are
** short and the same everywhere.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario_int.h"
#include "sha256.h"
#include "test.h"
#include "vigil/scenario.h"
#include "vigil/world.h"

#define INVALID "tests/scenarios/invalid"
#define VALID "tests/scenarios/valid/"
#define LIB "tests/scenarios/lib"

static vigil_world *W;             /* the built-in world, loaded once */
static char first[VIGIL_ERRMAX];   /* first line of the last message */
static char whole[VIGIL_ERRMAX];   /* the whole last message */

static vigil_scenario_opts opts(void) {
    vigil_scenario_opts o = {0, 0, LIB};
    return o;
}

/* Loads path against W; keeps the message. Caller frees *out. */
static int load(const char *path, const vigil_scenario_opts *o,
                vigil_scenario **out) {
    vigil_ctx *ctx = vigil_open();
    vigil_scenario_opts d = opts();
    int rc = vigil_scenario_load(ctx, path, W, o ? o : &d, out);
    snprintf(whole, sizeof whole, "%s", vigil_errmsg(ctx));
    snprintf(first, sizeof first, "%.*s", (int)strcspn(whole, "\n"), whole);
    vigil_close(ctx);
    return rc;
}

/* ---------------------------------------------------------------- sha256 */

static void test_sha256(void) {
    static const char a1m[] =
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    char hex[VG_SHA256_HEX], buf[1001];
    vg_sha256 c;
    int i;
    /* FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): one block, two blocks */
    vg_sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    vg_sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    vg_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* one million 'a', fed in uneven pieces across block boundaries */
    memset(buf, 'a', sizeof buf);
    vg_sha256_init(&c);
    for (i = 0; i < 1000; i++) vg_sha256_update(&c, buf, i % 2 ? 999 : 1001);
    vg_sha256_final(&c, hex);
    CHECK_STR(hex, a1m);
}

/* ------------------------------------------------------ invalid fixtures */

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The expected first line: "-- expect: MESSAGE" on line 1. */
static int expected(const char *path, char *out, size_t n) {
    char line[VIGIL_ERRMAX];
    FILE *f = fopen(path, "r");
    int ok = f && fgets(line, sizeof line, f) &&
             strncmp(line, "-- expect: ", 11) == 0;
    if (f) fclose(f);
    if (ok) snprintf(out, n, "%.*s", (int)strcspn(line + 11, "\n"), line + 11);
    return ok;
}

/* Every file of tests/scenarios/invalid/ fails with exactly its message. */
static void test_invalid(void) {
    char *name[256], path[512], want[VIGIL_ERRMAX];
    struct dirent *e;
    DIR *d = opendir(INVALID);
    long n = 0, i;
    vigil_scenario *s;
    if (!CHECK(d != NULL)) return;
    while ((e = readdir(d)) != NULL && n < 256)
        if (strstr(e->d_name, ".lua")) name[n++] = strdup(e->d_name);
    closedir(d);
    qsort(name, (size_t)n, sizeof *name, cmp_name);
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, INVALID "/%s", name[i]);
        if (!CHECK(expected(path, want, sizeof want))) continue;
        s = NULL;
        if (!CHECK(load(path, NULL, &s) == VIGIL_ESCRIPT))
            fprintf(stderr, "  %s\n", path);
        CHECK(s == NULL);
        CHECK_STR(first, want);
        free(name[i]);
    }
    printf("invalid fixtures: %ld\n", n);
    CHECK(n >= 80);
}

/* --------------------------------------------------------- valid levers */

/* The distribution of parameter key of l is (kind, a, b). */
static int param_is(const vigil_lever *l, const char *key, vigil_dist_kind k,
                    double a, double b) {
    const vigil_dist *d = vigil_lever_param(l, key);
    int ok = d && d->kind == k && d->a == a && (k == VIGIL_DIST_FIXED || d->b == b);
    if (!ok) fprintf(stderr, "  %s:%d %s: %s\n", l->file, l->line,
                     vigil_lever_name(l->kind), key);
    return ok;
}

static int lever_is(const vigil_lever *l, vigil_lever_kind k, int from, int to,
                    const char *region, int line) {
    int ok = l && l->kind == k && l->from == from && l->to == to &&
             strcmp(l->region, region) == 0 && l->line == line && !l->dynamic;
    if (!ok && l) fprintf(stderr, "  lever at line %d: %s %d-%d %s\n", l->line,
                          vigil_lever_name(l->kind), l->from, l->to, l->region);
    return ok;
}

#define LV(i) vigil_scenario_lever(s, i)
#define FIX VIGIL_DIST_FIXED

static void check_shocks(const vigil_scenario *s) {
    CHECK(lever_is(LV(0), VIGIL_SHOCK_GDP, 2020, 2020, "Sub-Saharan Africa", 13));
    CHECK(param_is(LV(0), "growth", FIX, -2.0, 0));
    CHECK(lever_is(LV(1), VIGIL_SHOCK_GDP, 2021, 2021, "Sub-Saharan Africa", 13));
    CHECK(param_is(LV(1), "growth", FIX, 3.7, 0));
    CHECK(LV(0)->nparam == 1 && LV(0)->origin == NULL && LV(0)->sector == NULL);
    CHECK(lever_is(LV(2), VIGIL_SHOCK_INCOME, 2020, 2020, "IND", 14));
    CHECK(param_is(LV(2), "loss", FIX, 0.2, 0) && param_is(LV(2), "affected", FIX, 0.3, 0));
    CHECK(lever_is(LV(3), VIGIL_SHOCK_SCHOOL, 2020, 2020, "*", 15));
    CHECK(param_is(LV(3), "months", FIX, 5, 0));
    CHECK(param_is(LV(3), "mitigation", VIGIL_DIST_UNIFORM, 0.1, 0.4));
    CHECK(vigil_lever_param(LV(3), "mitigation")->lo == 0 &&
          vigil_lever_param(LV(3), "mitigation")->hi == 1);
    CHECK(lever_is(LV(4), VIGIL_SHOCK_DEMAND, 2020, 2021, "EU27", 16));
    CHECK_STR(LV(4)->sector, "agriculture");
    CHECK_STR(LV(4)->origin, "SSA");
    CHECK(param_is(LV(4), "change", FIX, -0.1, 0));
    CHECK(lever_is(LV(5), VIGIL_SHOCK_POVERTY, 2020, 2030,
                   "Latin America and the Caribbean", 17));
    CHECK(param_is(LV(5), "change", VIGIL_DIST_NORMAL, 1.2, 0.3));
}

static void check_policies(const vigil_scenario *s) {
    CHECK(lever_is(LV(6), VIGIL_POLICY_SOCIAL, 2021, 2030, "*", 18));
    CHECK(param_is(LV(6), "change", FIX, -0.1, 0));
    CHECK(param_is(LV(6), "phase_in", FIX, 3, 0));
    CHECK(vigil_lever_param(LV(6), "coverage") == NULL);
    CHECK(lever_is(LV(7), VIGIL_POLICY_SOCIAL, 2022, 2025, "Africa", 19));
    CHECK(param_is(LV(7), "coverage", FIX, 0.4, 0) && param_is(LV(7), "phase_in", FIX, 1, 0));
    CHECK(lever_is(LV(8), VIGIL_POLICY_DUE_DILIGENCE, 2020, 2030, "FRA", 20));
    CHECK_STR(LV(8)->importer, "FRA");
    CHECK_STR(LV(8)->origin, "*");
    CHECK_STR(LV(8)->sector, "*");
    CHECK(param_is(LV(8), "coverage", FIX, 0.3, 0));
    CHECK(param_is(LV(8), "effectiveness", VIGIL_DIST_NORMAL, 0.2, 0.05));
    CHECK(param_is(LV(8), "firm_share", FIX, 1, 0));
    CHECK(vigil_lever_param(LV(8), "displacement") == NULL);  /* the model's */
    CHECK(lever_is(LV(9), VIGIL_POLICY_FAMILY_FARM, 2022, 2030, "SSA", 21));
    CHECK_STR(LV(9)->sector, "agriculture");
    CHECK(vigil_lever_param(LV(9), "effectiveness")->kind == VIGIL_DIST_TRIANGULAR);
    CHECK(lever_is(LV(10), VIGIL_POLICY_FORMALISATION, 2023, 2030, "IND", 22));
    CHECK_STR(LV(10)->sector, "ind");
    CHECK(param_is(LV(10), "phase_in", FIX, 5, 0));
    CHECK(lever_is(LV(11), VIGIL_POLICY_ENFORCEMENT, 2022, 2030,
                   "Asia and the Pacific", 23));
    CHECK(param_is(LV(11), "detection", FIX, 0.15, 0));
    CHECK(param_is(LV(11), "prosecution", VIGIL_DIST_BETA, 2, 5));
    CHECK(lever_is(LV(12), VIGIL_POLICY_VICTIM_ID, 2024, 2030, "Arab States", 24));
    CHECK(param_is(LV(12), "identified", FIX, 0.3, 0) &&
          param_is(LV(12), "trained", FIX, 0.5, 0));
}

static void check_trade(const vigil_scenario *s) {
    CHECK(lever_is(LV(13), VIGIL_TRADE_TARIFF, 2021, 2030, "NAM", 25));
    CHECK_STR(LV(13)->importer, "NAM");
    CHECK_STR(LV(13)->origin, "CHN");
    CHECK_STR(LV(13)->sector, "industry");
    CHECK(param_is(LV(13), "rate", FIX, 0.25, 0));
    CHECK(param_is(LV(13), "elasticity", VIGIL_DIST_LOGNORMAL, 1.0, 0.2));
    CHECK(lever_is(LV(14), VIGIL_TRADE_BAN, 2028, 2030, "EU27", 26));
    CHECK_STR(LV(14)->goods, "forced_labour_risk");
    CHECK(param_is(LV(14), "exports", FIX, 1, 0) && param_is(LV(14), "upstream", FIX, 0, 0));
    CHECK(param_is(LV(14), "effectiveness", FIX, 1, 0));
    CHECK(vigil_lever_param(LV(14), "elasticity") == NULL);
    CHECK(lever_is(LV(15), VIGIL_PARAM_SET, 2020, 2030, "*", 27));
    CHECK(LV(15)->nparam == 1);
    CHECK(param_is(LV(15), "poverty_elasticity", VIGIL_DIST_NORMAL, 0.7, 0.1));
    /* levers called by a module are placed in the module */
    CHECK(lever_is(LV(16), VIGIL_SHOCK_GDP, 2020, 2020, "LAC", 7));
    CHECK(lever_is(LV(19), VIGIL_SHOCK_GDP, 2021, 2021, "NAWA", 7));
    CHECK_STR(LV(16)->file, LIB "/helper.lua");
    CHECK_STR(LV(0)->file, VALID "all_levers.lua");
}

/* The hash: the file's sha256 combined with the module's (scenario.c). */
static void check_hash(const vigil_scenario *s) {
    char fh[VG_SHA256_HEX], mh[VG_SHA256_HEX], want[VG_SHA256_HEX];
    char buf[65536], text[256];
    size_t n;
    FILE *f = fopen(VALID "all_levers.lua", "rb");
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    vg_sha256_hex(buf, n, fh);
    f = fopen(LIB "/helper.lua", "rb");
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    vg_sha256_hex(buf, n, mh);
    snprintf(text, sizeof text, "%s  scenario\n%s  helper\n", fh, mh);
    vg_sha256_hex(text, strlen(text), want);
    CHECK_STR(vigil_scenario_hash(s), want);
}

static void test_all_levers(void) {
    vigil_scenario *s = NULL;
    int k, seen[VIGIL_NLEVER_KINDS] = {0};
    long i;
    if (!CHECK(load(VALID "all_levers.lua", NULL, &s) == VIGIL_OK)) {
        fprintf(stderr, "  %s\n", whole);
        return;
    }
    CHECK_STR(vigil_scenario_name(s), "All levers");
    CHECK_STR(vigil_scenario_description(s), "Every lever once.");
    CHECK(vigil_scenario_year_from(s) == 2020 && vigil_scenario_year_to(s) == 2030);
    CHECK(vigil_scenario_draws(s) == 50 && vigil_scenario_seed(s) == 1234);
    CHECK(vigil_scenario_world(s) == W && vigil_scenario_world_name(s) == NULL);
    CHECK(vigil_scenario_has_hooks(s));
    CHECK(vigil_scenario_nlevers(s) == 20 && vigil_scenario_nstatic(s) == 20);
    CHECK(vigil_scenario_lever(s, 20) == NULL && vigil_scenario_lever(s, -1) == NULL);
    for (i = 0; i < vigil_scenario_nlevers(s); i++) seen[LV(i)->kind] = 1;
    for (k = 0; k < VIGIL_NLEVER_KINDS; k++) CHECK(seen[k]);
    check_shocks(s);
    check_policies(s);
    check_trade(s);
    check_hash(s);
    vigil_scenario_free(s);
    vigil_scenario_free(NULL);
}

/* ------------------------------------------------------------ coverage */

static long mrio(const char *code) {
    const vigil_table *t = vigil_world_table(W);
    long r;
    for (r = 0; r < vigil_table_nregions(t); r++)
        if (strcmp(vigil_table_region(t, r), code) == 0) return r;
    return -1;
}

static long labour(enum vigil_labour f, const char *name) {
    long g;
    for (g = 0; g < vigil_world_nlabour(W, f); g++)
        if (strcmp(vigil_world_labour_region(W, f, g), name) == 0) return g;
    return -1;
}

static long cell(const char *label) {
    const vigil_table *t = vigil_world_table(W);
    long i;
    for (i = 0; i < vigil_table_ncells(t); i++)
        if (strcmp(vigil_table_cell(t, i), label) == 0) return i;
    return -1;
}

static void test_covers(void) {
    vigil_scenario *s = NULL;
    long euna = labour(VIGIL_CHILD, "Europe and Northern America");
    double fr;
    if (!CHECK(load(VALID "all_levers.lua", NULL, &s) == VIGIL_OK)) return;
    /* a group (EU27 = FRA + EU26, scenarios/worlds/stylised/groups.csv) */
    CHECK(vigil_lever_covers_mrio(LV(4), W, mrio("FRA")));
    CHECK(vigil_lever_covers_mrio(LV(4), W, mrio("EU26")));
    CHECK(!vigil_lever_covers_mrio(LV(4), W, mrio("NAM")));
    CHECK(vigil_lever_covers_labour(LV(4), W, VIGIL_CHILD, euna));
    /* an ILO region covers the SDG regions it shares MRIO regions with */
    CHECK(vigil_lever_covers_labour(LV(7), W, VIGIL_CHILD, labour(VIGIL_CHILD, "Sub-Saharan Africa")));
    CHECK(!vigil_lever_covers_labour(LV(7), W, VIGIL_CHILD, labour(VIGIL_CHILD, "Oceania")));
    CHECK(vigil_lever_covers_labour(LV(7), W, VIGIL_FORCED, labour(VIGIL_FORCED, "Africa")));
    /* "*" and param.set cover everything */
    CHECK(vigil_lever_covers_mrio(LV(3), W, mrio("ROW")));
    CHECK(vigil_lever_covers_labour(LV(15), W, VIGIL_FORCED, 0));
    /* the share of a labour region a name covers */
    fr = vigil_region_labour_share(W, "FRA", VIGIL_CHILD, euna);
    CHECK(fr > 0.05 && fr < 0.08);   /* 10.2 of about 163 million children */
    CHECK_REL(vigil_region_labour_share(W, "EU27", VIGIL_CHILD, euna),
              fr + vigil_region_labour_share(W, "EU26", VIGIL_CHILD, euna), 1e-12);
    CHECK(vigil_region_labour_share(W, "*", VIGIL_CHILD, euna) == 1);
    CHECK(vigil_region_labour_share(W, "Oceania", VIGIL_CHILD, euna) == 0);
    CHECK(vigil_region_labour_share(W, "SSA", VIGIL_CHILD,
                                    labour(VIGIL_CHILD, "Sub-Saharan Africa")) == 1);
    /* sectors */
    CHECK(vigil_sector_covers_cell(W, "agriculture", cell("FRA_agr")));
    CHECK(vigil_sector_covers_cell(W, "agr", cell("CHN_agr")));
    CHECK(!vigil_sector_covers_cell(W, "industry", cell("FRA_agr")));
    CHECK(vigil_sector_covers_cell(W, "ind", cell("IND_ind")));
    CHECK(vigil_sector_covers_cell(W, "*", cell("IND_srv")));
    CHECK(vigil_sector_covers_cell(W, NULL, cell("IND_srv")));
    vigil_scenario_free(s);
}

/* ---------------------------------------------------------- determinism */

static int same_dist(const vigil_dist *a, const vigil_dist *b) {
    return memcmp(a, b, sizeof *a) == 0;
}

static int same_str(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static int same_lever(const vigil_lever *a, const vigil_lever *b) {
    int k, ok = a->kind == b->kind && a->from == b->from && a->to == b->to &&
                 a->line == b->line && a->nparam == b->nparam &&
                 same_str(a->region, b->region) && same_str(a->importer, b->importer) &&
                 same_str(a->origin, b->origin) && same_str(a->sector, b->sector) &&
                 same_str(a->goods, b->goods) && same_str(a->file, b->file);
    for (k = 0; ok && k < a->nparam; k++)
        ok = strcmp(a->key[k], b->key[k]) == 0 && same_dist(&a->value[k], &b->value[k]);
    return ok;
}

/* Fresh states (each with its own string hash seed) give the same
** instructions, hash and messages. */
static void test_determinism(void) {
    vigil_scenario *ref = NULL, *s;
    char msg[VIGIL_ERRMAX];
    int run, ok = 1;
    long i;
    if (!CHECK(load(VALID "all_levers.lua", NULL, &ref) == VIGIL_OK)) return;
    for (run = 0; run < 20; run++) {
        s = NULL;
        if (!CHECK(load(VALID "all_levers.lua", NULL, &s) == VIGIL_OK)) break;
        ok &= vigil_scenario_nlevers(s) == vigil_scenario_nlevers(ref);
        for (i = 0; ok && i < vigil_scenario_nlevers(s); i++)
            ok &= same_lever(vigil_scenario_lever(s, i), vigil_scenario_lever(ref, i));
        ok &= strcmp(vigil_scenario_hash(s), vigil_scenario_hash(ref)) == 0;
        vigil_scenario_free(s);
    }
    CHECK(ok);
    load(INVALID "/many_unknown_keys.lua", NULL, &s);
    snprintf(msg, sizeof msg, "%s", first);
    for (run = 0, ok = 1; run < 20; run++) {
        load(INVALID "/many_unknown_keys.lua", NULL, &s);
        ok &= strcmp(msg, first) == 0;
    }
    CHECK(ok);
    vigil_scenario_free(ref);
}

/* ---------------------------------------------------------------- hooks */

static const char *const regions[] = {"Sub-Saharan Africa", "Oceania", "World"};
static const char *const indicators[] = {"child_labour", "poverty_rate"};

/* A state view of year y with child labour cl in Sub-Saharan Africa. */
static vigil_state_view view(int year, int draw, double cl, double *value) {
    vigil_state_view v;
    value[0] = cl;
    value[1] = 700000;
    value[2] = 160e6;
    value[3] = 40;
    value[4] = 5;
    value[5] = 9;
    v.year = year;
    v.draw = draw;
    v.nregion = 3;
    v.region = regions;
    v.nindicator = 2;
    v.indicator = indicators;
    v.value = value;
    return v;
}

/* Runs the hooks of one draw for the years and child labour levels given;
** returns the status of the last call. */
static int draw(vigil_ctx *ctx, vigil_scenario *s, unsigned long seed, int k,
                const double *cl, int n) {
    double value[6];
    vigil_state_view v;
    int y, rc = vigil_scenario_begin_draw(ctx, s, seed);
    for (y = 0; rc == VIGIL_OK && y < n; y++) {
        v = view(2020 + y, k, cl[y], value);
        rc = vigil_scenario_on_year(ctx, s, &v);
    }
    return rc;
}

static void test_hooks(void) {
    static const double low[] = {86.6e6, 88e6, 89e6}, high[] = {86.6e6, 95e6, 96e6};
    vigil_ctx *ctx = vigil_open();
    vigil_scenario *s = NULL;
    const vigil_lever *l;
    double r1, r2;
    if (!CHECK(load(VALID "hook.lua", NULL, &s) == VIGIL_OK)) return;
    CHECK(vigil_scenario_nstatic(s) == 0 && vigil_scenario_has_hooks(s));
    CHECK(draw(ctx, s, 11, 0, low, 3) == VIGIL_OK);
    CHECK(vigil_scenario_nlevers(s) == 1);           /* draw_random only */
    l = vigil_scenario_lever(s, 0);
    CHECK(l->kind == VIGIL_PARAM_SET && l->dynamic && l->from == 2021 && l->to == 2030);
    r1 = vigil_lever_param(l, "draw_random")->a;
    /* the trigger fires in 2021: acts from 2022 */
    CHECK(draw(ctx, s, 11, 1, high, 3) == VIGIL_OK);
    CHECK(vigil_scenario_nlevers(s) == 3);
    l = vigil_scenario_lever(s, 1);
    CHECK(l && l->kind == VIGIL_POLICY_SOCIAL && l->dynamic && l->from == 2022 &&
          l->to == 2030 && strcmp(l->region, "Sub-Saharan Africa") == 0 && l->line == 13);
    CHECK(l && param_is(l, "change", VIGIL_DIST_FIXED, 0.2, 0));
    l = vigil_scenario_lever(s, 2);
    CHECK(l && l->kind == VIGIL_PARAM_SET && l->from == 2022 && param_is(l, "alpha", FIX, 2, 0));
    /* same seed, same random numbers; the hook's memory starts afresh */
    CHECK(vigil_lever_param(vigil_scenario_lever(s, 0), "draw_random")->a == r1);
    CHECK(draw(ctx, s, 12, 2, high, 3) == VIGIL_OK);
    CHECK(vigil_scenario_nlevers(s) == 3);
    r2 = vigil_lever_param(vigil_scenario_lever(s, 0), "draw_random")->a;
    CHECK(r2 != r1 && r2 >= 0 && r2 < 1);
    CHECK(vigil_scenario_begin_draw(ctx, s, 11) == VIGIL_OK);
    CHECK(vigil_scenario_nlevers(s) == 0);
    vigil_scenario_free(s);
    vigil_close(ctx);
}

/* The hook of hook_errors.lua fails in year y with this message. */
static void hook_fails(vigil_scenario *s, int year, const char *want) {
    vigil_ctx *ctx = vigil_open();
    double value[6];
    vigil_state_view v = view(year, 3, 1e6, value);
    int rc;
    char line[VIGIL_ERRMAX];
    vigil_scenario_begin_draw(ctx, s, 1);
    if (year == 2025) {   /* keeps the state of 2024 first */
        v = view(2024, 3, 1e6, value);
        vigil_scenario_on_year(ctx, s, &v);
        v = view(year, 3, 1e6, value);
    }
    rc = vigil_scenario_on_year(ctx, s, &v);
    snprintf(line, sizeof line, "%.*s", (int)strcspn(vigil_errmsg(ctx), "\n"),
             vigil_errmsg(ctx));
    CHECK(rc == VIGIL_ESCRIPT);
    CHECK_STR(line, want);
    vigil_close(ctx);
}

static void test_hook_errors(void) {
    vigil_scenario_opts o = opts();
    vigil_scenario *s = NULL;
    o.max_instructions = 100000;
    if (!CHECK(load(VALID "hook_errors.lua", &o, &s) == VIGIL_OK)) return;
#define HE VALID "hook_errors.lua:"
    hook_fails(s, 2021, HE "5: shock.gdp: a hook called in 2021 can only act in "
               "later years (from 2022 on), not in 2021 (year 2021, draw 3)");
    hook_fails(s, 2022, HE "6: policy.enforcement: a hook called in 2022 can only "
               "act in later years (from 2023 on), not in 2020 (year 2022, draw 3)");
    hook_fails(s, 2023, HE "7: the state has no indicator 'child_labor' (did you "
               "mean 'child_labour'?) (year 2023, draw 3)");
    hook_fails(s, 2025, HE "9: the state of 2024 can only be read during its "
               "on_year call (year 2025, draw 3)");
    hook_fails(s, 2026, HE "10: the state is read-only (year 2026, draw 3)");
    hook_fails(s, 2027, HE "11: boom (year 2027, draw 3)");
    hook_fails(s, 2028, HE "12: scenario: scenario { ... } belongs at the top of "
               "the file, not in a hook (year 2028, draw 3)");
    hook_fails(s, 2029, HE "13: instruction limit exceeded (100000 instructions); "
               "raise it with --max-instructions (year 2029, draw 3)");
    hook_fails(s, 2030, HE "14: param.set: a hook called in 2030, the last year "
               "of the run, cannot set parameters (year 2030, draw 3)");
    vigil_scenario_free(s);
}

/* ------------------------------------------------------- other checks */

static void test_dist(void) {
    vigil_dist d = {VIGIL_DIST_NORMAL, 0.2, 0.05, 0, 0, 1};
    char buf[64];
    CHECK(vigil_dist_center(&d) == 0.2);
    d.kind = VIGIL_DIST_UNIFORM, d.a = 0.1, d.b = 0.4;
    CHECK_REL(vigil_dist_center(&d), 0.25, 1e-15);
    d.kind = VIGIL_DIST_TRIANGULAR, d.a = 0, d.b = 0.3, d.c = 0.9;
    CHECK_REL(vigil_dist_center(&d), 0.4, 1e-15);
    d.kind = VIGIL_DIST_BETA, d.a = 2, d.b = 6;
    CHECK_REL(vigil_dist_center(&d), 0.25, 1e-15);
    d.kind = VIGIL_DIST_LOGNORMAL, d.a = 0, d.b = 0.5, d.lo = -HUGE_VAL, d.hi = HUGE_VAL;
    CHECK_REL(vigil_dist_center(&d), exp(0.125), 1e-15);
    d.kind = VIGIL_DIST_FIXED, d.a = 3, d.lo = 0, d.hi = 1;
    CHECK(vigil_dist_center(&d) == 1);                 /* clamped */
    d.kind = VIGIL_DIST_TRIANGULAR, d.a = 0, d.b = 0.25, d.c = 1;
    CHECK_STR(vg_dist_format(buf, sizeof buf, &d), "triangular(0, 0.25, 1)");
    CHECK_STR(vigil_lever_name(VIGIL_POLICY_VICTIM_ID), "policy.victim_identification");
    CHECK_STR(vigil_lever_name(VIGIL_PARAM_SET), "param.set");
}

static void test_nearest(void) {
    static const char *const c[] = {"Sub-Saharan Africa", "SSA", "ESEA", "region"};
    CHECK_STR(vg_nearest("Sub Saharan Africa", c, 4), "Sub-Saharan Africa");
    CHECK_STR(vg_nearest("ssa", c, 4), "SSA");
    CHECK_STR(vg_nearest("regoin", c, 4), "region");
    CHECK_STR(vg_nearest("reg", c, 4), "region");       /* a prefix */
    CHECK(vg_nearest("Mars", c, 4) == NULL);
    CHECK(vg_nearest("X", c, 4) == NULL);
}

/* A world named by the scenario; no world given. */
static void test_own_world(void) {
    vigil_ctx *ctx = vigil_open();
    vigil_scenario *s = NULL;
    vigil_scenario_opts o = opts();
    CHECK(vigil_scenario_load(ctx, VALID "named_world.lua", NULL, &o, &s) == VIGIL_OK);
    CHECK(s && vigil_scenario_world(s) != NULL);
    CHECK(s && strcmp(vigil_scenario_world_name(s), "stylised") == 0);
    CHECK(s && vigil_scenario_nlevers(s) == 1);
    vigil_scenario_free(s);
    CHECK(vigil_scenario_load(ctx, VALID "no_such_file.lua", NULL, &o, &s) == VIGIL_EIO);
    CHECK(s == NULL);
    vigil_close(ctx);
}

static void test_limits(void) {
    vigil_scenario_opts o = opts();
    vigil_scenario *s = NULL;
    o.max_instructions = 100000;
    CHECK(load("tests/scenarios/limits/loop.lua", &o, &s) == VIGIL_ESCRIPT);
    CHECK_STR(first, "tests/scenarios/limits/loop.lua:2: instruction limit exceeded "
              "(100000 instructions); raise it with --max-instructions");
    o = opts();
    o.max_memory = (size_t)8 << 20;
    CHECK(load("tests/scenarios/limits/memory.lua", &o, &s) == VIGIL_ESCRIPT);
    CHECK(strstr(first, "memory limit exceeded (8 MiB); raise it with --max-memory") != NULL);
    CHECK(strncmp(first, "tests/scenarios/limits/memory.lua", 33) == 0);
}

/* Every lever and every key is in docs/SCENARIOS.md. */
static void test_documented(void) {
    static char doc[400000];
    FILE *f = fopen("docs/SCENARIOS.md", "rb");
    size_t n;
    int k;
    char key[80];
    if (!CHECK(f != NULL)) return;
    n = fread(doc, 1, sizeof doc - 1, f);
    doc[n] = '\0';
    fclose(f);
    for (k = 0; k < VIGIL_NLEVER_KINDS; k++) {
        const vg_leverspec *ls = vg_lever_spec((vigil_lever_kind)k);
        const vg_keyspec *ks;
        if (!CHECK(strstr(doc, vigil_lever_name((vigil_lever_kind)k)) != NULL))
            fprintf(stderr, "  undocumented: %s\n", vigil_lever_name((vigil_lever_kind)k));
        for (ks = ls ? ls->key : NULL; ks && ks->name; ks++) {
            snprintf(key, sizeof key, "`%s`", ks->name);
            if (!CHECK(strstr(doc, key) != NULL))
                fprintf(stderr, "  undocumented key %s of %s\n", key, ls->name);
        }
    }
}

/* ---------------------------------------------------- fault injection */

static void test_fault_injection(void) {
    static const double high[] = {86.6e6, 95e6, 96e6};
    long k, refused;
    int rc;
    for (k = 0;; k++) {
        vigil_scenario *s = NULL;
        vg_alloc_fail_after(k);
        rc = load(VALID "all_levers.lua", NULL, &s);
        refused = vg_alloc_fail_after(-1);
        vigil_scenario_free(s);
        if (refused == 0) {
            CHECK(rc == VIGIL_OK);
            break;
        }
        if (!CHECK(rc == VIGIL_ENOMEM && s == NULL))
            fprintf(stderr, "  load k=%ld rc=%d %s\n", k, rc, first);
    }
    printf("fault injection, load: %ld allocation sites\n", k);
    CHECK(k > 300);
    for (k = 0;; k++) {
        vigil_ctx *ctx = vigil_open();
        vigil_scenario *s = NULL;
        CHECK(load(VALID "hook.lua", NULL, &s) == VIGIL_OK);
        draw(ctx, s, 1, 0, high, 3);    /* a hook ran: the next draw replays */
        vg_alloc_fail_after(k);
        rc = draw(ctx, s, 2, 1, high, 3);
        refused = vg_alloc_fail_after(-1);
        vigil_scenario_free(s);
        if (refused == 0) {
            CHECK(rc == VIGIL_OK);
            vigil_close(ctx);
            break;
        }
        if (!CHECK(rc == VIGIL_ENOMEM))
            fprintf(stderr, "  hooks k=%ld rc=%d %s\n", k, rc, vigil_errmsg(ctx));
        vigil_close(ctx);
    }
    printf("fault injection, draws and hooks: %ld allocation sites\n", k);
    CHECK(k > 100);
}

int main(void) {
    const char *src = getenv("VIGIL_SOURCE");
    vigil_ctx *ctx;
#ifdef VIGIL_SOURCE_DIR
    if (src == NULL) src = VIGIL_SOURCE_DIR;
#endif
    if (src == NULL || chdir(src) != 0) return test_skip("no source tree");
    ctx = vigil_open();
    if (vigil_world_load(ctx, NULL, &W) != VIGIL_OK) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return 1;
    }
    vigil_close(ctx);
    test_sha256();
    test_dist();
    test_nearest();
    test_invalid();
    test_all_levers();
    test_covers();
    test_determinism();
    test_hooks();
    test_hook_errors();
    test_own_world();
    test_limits();
    test_documented();
    test_fault_injection();
    vigil_world_free(W);
    return test_done();
}
