/*
** `vigil run`: a scenario on a world, written as summary.csv,
** attribution.csv, bilateral.csv, decomposition.csv, sdg87.csv and manifest.json, then
** its briefing notes (vigil/report.h) unless --no-report.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "vigil/project.h"
#include "vigil/report.h"

static const char *const help =
    "usage: vigil run [SCENARIO.lua] [options]\n"
    "\n"
    "Projects child labour and forced labour, year by year, under a scenario\n"
    "(without one: the baseline, no lever) and writes to --out:\n"
    "  summary.csv        scenario,year,region,indicator,mean,p05,p50,p95,world\n"
    "  attribution.csv    export-linked (direct, upstream) labour by producing\n"
    "                     region, consumption footprints by consuming region\n"
    "  bilateral.csv      labour by producing and consuming region (central path)\n"
    "  decomposition.csv  the change against the baseline by lever (Shapley)\n"
    "  sdg87.csv          child labour in 2025 against zero, forced labour 2030\n"
    "  manifest.json      engine, scenario hash, world, seed, draws, levers,\n"
    "                     coefficients, time\n"
    "\n"
    "Options:\n"
    "  --world DIR            a world folder (default: the built-in stylised world)\n"
    "  --out DIR              output folder (default: out/<scenario file name>)\n"
    "  --draws N              Monte Carlo draws (default: the scenario's, else 1;\n"
    "                         with 1 draw every parameter takes its central value)\n"
    "  --seed S               random seed (default: the scenario's, else 87)\n"
    "  --jobs N               draws in N threads (default: one per\n"
    "                         core, or none when the draws take under 0.1 s;\n"
    "                         results are the same for every N)\n"
    "  --param NAME=VALUE     set a model coefficient (docs/MODEL.md); repeatable\n"
    "  --keep-draws           also write draws.csv, every draw's values\n"
    "  --no-decomposition     skip the decomposition by lever\n"
    "  --no-report            do not write the briefing notes (by default run\n"
    "                         also writes report.en/fr.html, .md and charts/,\n"
    "                         as vigil report does; --report to ask for them)\n"
    "  --max-memory MIB       Lua memory limit (default 256)\n"
    "  --max-instructions N   Lua instruction limit per call (default 1e8)\n";

typedef struct run_args {
    const char *file, *world, *out;
    vigil_run_opts o;
    vigil_scenario_opts so;
    const char *params[64];
    int nparams;
    int no_report;        /* --no-report */
} run_args;

static int parse_number(const char *opt, const char *s, double lo, double *v) {
    if (!vigil_parse_double(s, v) || *v < lo)
        return vigil_cli_usage("run", "%s takes a number >= %g, not '%s'", opt, lo, s);
    return 0;
}

static int parse_one(int argc, char **argv, int *i, run_args *a) {
    const char *v = NULL;
    double d;
    int got, rc;
    if ((got = vigil_opt_str(argc, argv, i, "--world", &a->world)) != 0 ||
        (got = vigil_opt_str(argc, argv, i, "--out", &a->out)) != 0)
        return got < 0 ? vigil_cli_usage("run", "%s needs a value", argv[*i]) : 0;
    if (strcmp(argv[*i], "--keep-draws") == 0) a->o.keep_draws = 1;
    else if (strcmp(argv[*i], "--no-decomposition") == 0) a->o.decompose = -1;
    else if (strcmp(argv[*i], "--no-report") == 0) a->no_report = 1;
    else if (strcmp(argv[*i], "--report") == 0) a->no_report = 0;
    else if (argv[*i][0] != '-') {
        if (a->file) return vigil_cli_usage("run", "one scenario at a time (see vigil batch): '%s'", argv[*i]);
        a->file = argv[*i];
    } else {
        const char *opt = argv[*i];
        if (*i + 1 >= argc) return vigil_cli_usage("run", "%s needs a value", opt);
        v = argv[++*i];
        if (strcmp(opt, "--draws") == 0) {
            if ((rc = parse_number(opt, v, 1, &d)) != 0) return rc;
            a->o.draws = (int)d;
        } else if (strcmp(opt, "--jobs") == 0) {
            if ((rc = parse_number(opt, v, 1, &d)) != 0) return rc;
            a->o.jobs = d > 1024 ? 1024 : (int)d;
        } else if (strcmp(opt, "--seed") == 0) {
            if ((rc = parse_number(opt, v, 0, &d)) != 0) return rc;
            a->o.seed = (unsigned long)d;
            a->o.has_seed = 1;
        } else if (strcmp(opt, "--param") == 0) {
            if (a->nparams == 63) return vigil_cli_usage("run", "%s", "too many --param");
            a->params[a->nparams++] = v;
        } else if (strcmp(opt, "--max-memory") == 0) {
            if ((rc = parse_number(opt, v, 1, &d)) != 0) return rc;
            a->so.max_memory = (size_t)d << 20;
        } else if (strcmp(opt, "--max-instructions") == 0) {
            if ((rc = parse_number(opt, v, 1000, &d)) != 0) return rc;
            a->so.max_instructions = (long long)d;
        } else {
            return vigil_cli_usage("run", "unknown option '%s'", opt);
        }
    }
    return 0;
}

/* out/<file name without .lua>, or out/baseline. */
static const char *default_out(const char *file, char *buf, size_t n) {
    const char *base = file ? strrchr(file, '/') : NULL;
    size_t len;
    base = file ? (base ? base + 1 : file) : "baseline";
    len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".lua") == 0) len -= 4;
    snprintf(buf, n, "out/%.*s", (int)len, base);
    return buf;
}

/* A few headline numbers (World, mean and 90 % interval) so that a run
** explains itself at a glance; everything else is in the files. */
static void print_headline(const vigil_results *res, const vigil_scenario *s,
                           const vigil_world *w, const char *out) {
    static const struct { const char *ind, *label; } rows[] = {
        {"child_labour", "children in child labour"}, {"hazardous", "  of whom in hazardous work"},
        {"cl_export_linked", "  linked to exports"}, {"forced_labour", "people in forced labour"}};
    static const int years[] = {2020, 2023, 2025, 2030};
    size_t k, j;
    printf("vigil run: %s\n  world: %s%s\n  output: %s\n\n", s ? vigil_scenario_name(s) : "baseline",
           vigil_world_name(w), vigil_world_stylised(w) ? " [STYLISED: not a real MRIO table]" : "",
           out);
    printf("  World, millions (mean [5%%-95%%])     ");
    for (j = 0; j < 4; j++) printf(" %19d", years[j]);
    printf("\n");
    for (k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        printf("  %-36s", rows[k].label);
        for (j = 0; j < 4; j++) {
            double m = vigil_results_get(res, rows[k].ind, "World", years[j], 0);
            double lo = vigil_results_get(res, rows[k].ind, "World", years[j], 1);
            double hi = vigil_results_get(res, rows[k].ind, "World", years[j], 3);
            if (m != m) printf(" %19s", "-");
            else printf(" %6.1f [%5.1f-%5.1f]", m / 1e6, lo / 1e6, hi / 1e6);
        }
        printf("\n");
    }
    printf("\n  SDG 8.7: end child labour by 2025 (sdg87.csv); by lever: decomposition.csv\n");
}

void vigil_cli_unmodelled_notes(const vigil_scenario *s, const char *prefix) {
    long li;
    for (li = 0; li < vigil_scenario_nlevers(s); li++) {
        const vigil_lever *l = vigil_scenario_lever(s, li);
        char keys[128];
        if (vigil_lever_unmodelled(l, keys, sizeof keys))
            fprintf(stderr, "%snote: %s:%d: %s: %s not modelled yet (no effect on the "
                    "results)\n", prefix, l->file, l->line, vigil_lever_name(l->kind), keys);
    }
}

static int run(vigil_ctx *ctx, run_args *a) {
    vigil_world *w = NULL;
    vigil_scenario *s = NULL;
    vigil_results *res = NULL;
    char outbuf[4096];
    const vigil_world *world;
    int rc = VIGIL_OK;
    /* --world wins; else the scenario's scenario{world=}, else the built-in */
    if (a->world || !a->file) rc = vigil_world_load(ctx, a->world, &w);
    if (rc == VIGIL_OK && a->file) rc = vigil_scenario_load(ctx, a->file, w, &a->so, &s);
    world = s ? vigil_scenario_world(s) : w;
    if (s) vigil_cli_unmodelled_notes(s, "vigil: ");
    a->params[a->nparams] = NULL;
    a->o.params = a->params;
    if (rc == VIGIL_OK) rc = vigil_project(ctx, world, s, &a->o, &res);
    if (!a->out) a->out = default_out(a->file, outbuf, sizeof outbuf);
    if (rc == VIGIL_OK) rc = vigil_results_write(ctx, res, a->out);
    if (rc == VIGIL_OK) print_headline(res, s, world, a->out);
    if (rc == VIGIL_OK && !a->no_report &&
        (rc = vigil_report_write(ctx, a->out, "both", VIGIL_REPORT_BOTH)) == VIGIL_OK)
        printf("  briefing notes: %s/report.en.html, report.fr.html (and .md, charts/)\n", a->out);
    vigil_results_free(res);
    vigil_scenario_free(s);
    vigil_world_free(w);
    return rc;
}

int vigil_cmd_run(int argc, char **argv) {
    run_args a;
    vigil_ctx *ctx;
    int i, rc;
    memset(&a, 0, sizeof a);
    a.o.jobs = VIGIL_JOBS_AUTO;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if ((rc = parse_one(argc, argv, &i, &a)) != 0) return rc;
    }
    if ((ctx = vigil_open()) == NULL) return 4;
    rc = run(ctx, &a) == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}
