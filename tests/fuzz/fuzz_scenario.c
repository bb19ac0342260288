/*
** Fuzzing the scenario loader (the `vigil check` path: engine/lua_host.c,
** engine/lua_api.c, engine/scenario.c): the input is written as a .lua
** file and loaded against the built-in world with low limits (16 MiB,
** 200,000 instructions per call). A scenario that loads and has on_year
** hooks then runs two draws of three years against a synthetic state, as
** `vigil run` would (the second draw replays the file).
**
** Skipped: inputs that use Lua's pattern matching (find, match, gmatch,
** gsub). Its backtracking runs in C, outside the instruction budget, and
** can take very long: a documented limit of the sandbox
** (docs/SECURITY.md, "What the sandbox does not cover").
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "vigil/scenario.h"
#include "vigil/world.h"

#define MAXREG 64

static vigil_world *world;

static void free_world(void) { vigil_world_free(world); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    vigil_ctx *ctx = vigil_open();
    (void)argc;
    (void)argv;
    if (ctx == NULL || vigil_world_load(ctx, NULL, &world) != VIGIL_OK) {
        fprintf(stderr, "fuzz_scenario: cannot load the built-in world: %s\n",
                ctx ? vigil_errmsg(ctx) : "no memory");
        abort();
    }
    vigil_close(ctx);
    atexit(free_world);
    fz_tmpdir();
    return 0;
}

static int contains(const uint8_t *data, size_t size, const char *word) {
    size_t n = strlen(word), i;
    for (i = 0; i + n <= size; i++)
        if (memcmp(data + i, word, n) == 0) return 1;
    return 0;
}

/* Two draws of up to three years of hooks, on a made-up state. */
static void hooks(vigil_ctx *ctx, vigil_scenario *s) {
    static const char *const ind[] = {"child_labour", "forced_labour", "poverty_rate"};
    const char *reg[MAXREG + 1];
    double val[3 * (MAXREG + 1)];
    vigil_state_view v;
    long g, ng = vigil_world_nlabour(world, VIGIL_CHILD);
    int draw, y;
    if (ng > MAXREG) ng = MAXREG;
    for (g = 0; g < ng; g++) reg[g] = vigil_world_labour_region(world, VIGIL_CHILD, g);
    reg[ng] = "World";
    for (g = 0; g < 3 * (ng + 1); g++) val[g] = 1e6 * (double)(g + 1);
    v.nregion = ng + 1;
    v.region = reg;
    v.nindicator = 3;
    v.indicator = ind;
    v.value = val;
    for (draw = 0; draw < 2; draw++) {
        if (vigil_scenario_begin_draw(ctx, s, 1000u + (unsigned)draw) != VIGIL_OK) return;
        v.draw = draw;
        for (y = vigil_scenario_year_from(s);
             y <= vigil_scenario_year_to(s) && y < vigil_scenario_year_from(s) + 3; y++) {
            v.year = y;
            if (vigil_scenario_on_year(ctx, s, &v) != VIGIL_OK) return;
        }
    }
}

/* Reads back what the scenario holds, as the model and `vigil check` do. */
static void inspect(vigil_scenario *s) {
    const vigil_table *t = vigil_world_table(world);
    long i, m, nl = vigil_scenario_nlevers(s);
    int k;
    (void)vigil_scenario_hash(s);
    for (i = 0; i < nl; i++) {
        const vigil_lever *l = vigil_scenario_lever(s, i);
        if (l == NULL || l->nparam < 0 || l->nparam > VIGIL_LEVER_MAXPARAM) abort();
        for (k = 0; k < l->nparam; k++)
            if (!isfinite(vigil_dist_center(&l->value[k]))) abort();
        for (m = 0; m < vigil_table_nregions(t); m++) (void)vigil_lever_covers_mrio(l, world, m);
        (void)vigil_lever_covers_labour(l, world, VIGIL_CHILD, 0);
        (void)vigil_sector_covers_cell(world, l->sector, 0);
        (void)vigil_lever_param(l, "coverage");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const patterns[] = {"find", "match", "gsub"};
    vigil_scenario_opts o;
    vigil_scenario *s = NULL;
    vigil_ctx *ctx;
    char path[512];
    size_t i;
    for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
        if (contains(data, size, patterns[i])) return 0;
    if ((ctx = vigil_open()) == NULL) abort();
    fz_write(fz_path(path, sizeof path, "scenario.lua"), data, size);
    memset(&o, 0, sizeof o);
    o.max_memory = (size_t)16 << 20;
    o.max_instructions = 200000;
    if (vigil_scenario_load(ctx, path, world, &o, &s) == VIGIL_OK) {
        inspect(s);
        if (vigil_scenario_has_hooks(s)) hooks(ctx, s);
    } else if (vigil_errmsg(ctx)[0] == '\0' || s != NULL) {
        abort();
    }
    vigil_scenario_free(s);
    vigil_close(ctx);
    return 0;
}
