/*
** `vigil check SCENARIO.lua`: loads and validates a scenario against its
** world, then prints what was understood: the run, and the timeline of
** lever instructions in plain words (years, lever, regions, parameters
** with units). Exit 3 on a scenario error, as `vigil run` would.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scenario_int.h"
#include "vigil/scenario.h"
#include "vigil/world.h"

static const char *const help =
    "usage: vigil check SCENARIO.lua [--world DIR] [--max-memory MiB]\n"
    "                   [--max-instructions N]\n"
    "\n"
    "Loads a scenario in the sandbox, validates every lever against the world\n"
    "(region and sector names, years inside the run, shares in [0, 1], ...)\n"
    "and prints the timeline of instructions it understood. Nothing is run.\n"
    "Errors read `vigil: FILE:LINE: message`; the exit code is then 3.\n"
    "\n"
    "  --world DIR            validate against this world folder (default: the\n"
    "                         one scenario{world=} names, else the built-in\n"
    "                         stylised world)\n"
    "  --max-memory MiB       memory the script may use (default 256)\n"
    "  --max-instructions N   Lua instructions per call into the script\n"
    "                         (default 100000000)\n"
    "\n"
    "The language: docs/SCENARIOS.md. What a scenario can and cannot do:\n"
    "docs/SECURITY.md.\n";

typedef struct check_args {
    const char *path, *world;
    vigil_scenario_opts opts;
} check_args;

/* A positive whole number option; 0 when invalid. */
static long long parse_count(const char *s) {
    char *end;
    long long v;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0) return 0;
    return v;
}

/* Parses one argument; returns 0, or an exit code. */
static int parse_one(int argc, char **argv, int *i, check_args *a) {
    const char *v;
    long long n;
    int got;
    if ((got = vigil_opt_str(argc, argv, i, "--world", &a->world)) != 0)
        return got < 0 ? vigil_cli_usage("check", "--world needs a folder") : 0;
    if ((got = vigil_opt_str(argc, argv, i, "--max-memory", &v)) != 0) {
        if (got < 0 || (n = parse_count(v)) == 0 || n > (1LL << 30))
            return vigil_cli_usage("check", "--max-memory takes a number of "
                                   "MiB (1 to 1073741824)");
        a->opts.max_memory = (size_t)n << 20;
        return 0;
    }
    if ((got = vigil_opt_str(argc, argv, i, "--max-instructions", &v)) != 0) {
        if (got < 0 || (n = parse_count(v)) == 0)
            return vigil_cli_usage("check", "--max-instructions takes a "
                                   "positive whole number");
        a->opts.max_instructions = n;
        return 0;
    }
    if (argv[*i][0] == '-' && argv[*i][1] != '\0')
        return vigil_cli_usage("check", "unknown option '%s'", argv[*i]);
    if (a->path) return vigil_cli_usage("check", "one scenario at a time");
    a->path = argv[*i];
    return 0;
}

/* "2020" or "2021-2030" */
static const char *span(char *buf, size_t n, const vigil_lever *l) {
    if (l->from == l->to) snprintf(buf, n, "%d", l->from);
    else snprintf(buf, n, "%d-%d", l->from, l->to);
    return buf;
}

/* The names an instruction acts on: "region *", "importer EU27, origin
** *, goods forced_labour_risk". */
static void print_names(const vigil_lever *l) {
    const char *label[] = {"region", "importer", "origin", "sector", "goods"};
    const char *val[5];
    int i, n = 0;
    val[0] = l->importer ? NULL : l->region;
    val[1] = l->importer;
    val[2] = l->origin;
    val[3] = l->sector;
    val[4] = l->goods;
    printf("%11s", "");
    for (i = 0; i < 5; i++)
        if (val[i]) printf("%s%s %s", n++ ? ", " : " ", label[i], val[i]);
    printf("\n");
}

/* One parameter: "growth = -6.6 pp   change in real GDP growth". */
static void print_param(const vg_leverspec *ls, const char *key,
                        const vigil_dist *d) {
    const vg_keyspec *ks = ls ? vg_lever_key(ls, key) : NULL;
    char val[160], buf[128], kv[320];
    const char *unit = ks && ks->unit ? ks->unit : "";
    vg_dist_format(buf, sizeof buf, d);
    if (ks && ks->type == VG_K_BOOL)
        snprintf(val, sizeof val, "%s", d->a != 0 ? "yes" : "no");
    else if (strcmp(unit, "relative") == 0 && d->kind == VIGIL_DIST_FIXED)
        snprintf(val, sizeof val, "%s (%+g%%)", buf, 100 * d->a);
    else if (strcmp(unit, "pp") == 0 || (strcmp(unit, "years") == 0 &&
                                         d->kind != VIGIL_DIST_FIXED))
        snprintf(val, sizeof val, "%s %s", buf, unit);
    else if (strcmp(unit, "years") == 0)
        snprintf(val, sizeof val, "%s year%s", buf, d->a == 1 ? "" : "s");
    else
        snprintf(val, sizeof val, "%s", buf);
    if (ks == NULL) {
        printf("%11s %s = %s\n", "", key, val);
        return;
    }
    snprintf(kv, sizeof kv, "%s = %s", key, val);
    printf("%11s %-34s %s\n", "", kv, ks->what);
}

static void print_lever(const vigil_lever *l) {
    const vg_leverspec *ls = vg_lever_spec(l->kind);
    char when[32], unmod[128];
    int i;
    printf("  %-9s %s: %s  [%s:%d]\n", span(when, sizeof when, l),
           vigil_lever_name(l->kind), ls ? ls->what : "model coefficient",
           l->file, l->line);
    if (ls) print_names(l);
    for (i = 0; i < l->nparam; i++) print_param(ls, l->key[i], &l->value[i]);
    if (vigil_lever_unmodelled(l, unmod, sizeof unmod))
        printf("%11s (not modelled yet: %s; no effect on the results)\n", "", unmod);
}

/* The instructions by first year, then in file order. */
static void timeline(const vigil_scenario *s) {
    long i, n = vigil_scenario_nlevers(s);
    int y, ymin = vigil_scenario_year_from(s), ymax = vigil_scenario_year_to(s);
    printf("\nTimeline (%ld instruction%s):\n", n, n == 1 ? "" : "s");
    for (y = ymin; y <= ymax; y++)
        for (i = 0; i < n; i++)
            if (vigil_scenario_lever(s, i)->from == y)
                print_lever(vigil_scenario_lever(s, i));
    if (n == 0) printf("  (none: the baseline projection)\n");
}

static void summary(const vigil_scenario *s) {
    const vigil_world *w = vigil_scenario_world(s);
    printf("Scenario: %s (%s)\n", vigil_scenario_name(s), vigil_scenario_path(s));
    if (*vigil_scenario_description(s))
        printf("  %s\n", vigil_scenario_description(s));
    printf("Run: %d-%d, %d draw%s, seed %lu\n", vigil_scenario_year_from(s),
           vigil_scenario_year_to(s), vigil_scenario_draws(s),
           vigil_scenario_draws(s) == 1 ? "" : "s", vigil_scenario_seed(s));
    printf("World: %s (%s)\n", vigil_world_name(w), vigil_world_dir(w));
    printf("Hash: sha256:%s\n", vigil_scenario_hash(s));
    timeline(s);
    if (vigil_scenario_has_hooks(s))
        printf("\nHooks: on_year hooks are registered; the instructions they "
               "add appear\nduring `vigil run` (they may act only in later "
               "years).\n");
}

static int run(vigil_ctx *ctx, const check_args *a) {
    vigil_world *w = NULL;
    vigil_scenario *s = NULL;
    int rc = VIGIL_OK;
    if (a->world) rc = vigil_world_load(ctx, a->world, &w);
    if (rc == VIGIL_OK) rc = vigil_scenario_load(ctx, a->path, w, &a->opts, &s);
    if (rc == VIGIL_OK) {
        if (w && vigil_scenario_world_name(s))
            fprintf(stderr, "vigil: note: the scenario names world '%s'; "
                    "checked against --world %s\n",
                    vigil_scenario_world_name(s), a->world);
        summary(s);
        printf("\nOK\n");
    }
    vigil_scenario_free(s);
    vigil_world_free(w);
    return rc;
}

int vigil_cmd_check(int argc, char **argv) {
    check_args a;
    vigil_ctx *ctx;
    int i, rc;
    memset(&a, 0, sizeof a);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if ((rc = parse_one(argc, argv, &i, &a)) != 0) return rc;
    }
    if (a.path == NULL) return vigil_cli_usage("check", "which scenario?");
    if ((ctx = vigil_open()) == NULL) {
        fprintf(stderr, "vigil: out of memory\n");
        return 4;
    }
    rc = run(ctx, &a);
    rc = rc == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}
