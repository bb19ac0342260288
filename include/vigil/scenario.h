/*
** Scenarios: what an analyst's Lua file says, as the engine sees it. A
** scenario is a list of time-indexed lever instructions, each with its
** parameters (numbers that may be uncertain), plus optional on_year hooks
** that may add instructions during a run. The Lua side (engine/lua_api.c,
** docs/SCENARIOS.md) builds and validates it; the model (engine/project.c,
** docs/MODEL.md) reads it. Only this header is shared between the two.
*/
#ifndef VIGIL_SCENARIO_H
#define VIGIL_SCENARIO_H

#include <stddef.h>

#include "vigil/vigil.h"
#include "vigil/world.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An uncertain number. Truncation [lo, hi] (use -HUGE_VAL/HUGE_VAL for
** none) applies to every kind; draws outside are redrawn. */
typedef enum vigil_dist_kind {
    VIGIL_DIST_FIXED,      /* a */
    VIGIL_DIST_NORMAL,     /* mean a, standard deviation b */
    VIGIL_DIST_LOGNORMAL,  /* log-mean a, log-sd b */
    VIGIL_DIST_UNIFORM,    /* on [a, b] */
    VIGIL_DIST_TRIANGULAR, /* min a, mode b, max c */
    VIGIL_DIST_BETA        /* alpha a, beta b, on [0, 1] */
} vigil_dist_kind;

typedef struct vigil_dist {
    vigil_dist_kind kind;
    double a, b, c;
    double lo, hi;
} vigil_dist;

/* The central value of a distribution: the fixed value, the mean (normal,
** uniform, triangular, beta), exp(a + b^2/2) for the lognormal, then
** clamped to [lo, hi]. */
double vigil_dist_center(const vigil_dist *d);

typedef enum vigil_lever_kind {
    VIGIL_SHOCK_GDP,            /* shock.gdp */
    VIGIL_SHOCK_INCOME,         /* shock.income */
    VIGIL_SHOCK_SCHOOL,         /* shock.school_closure */
    VIGIL_SHOCK_DEMAND,         /* shock.demand */
    VIGIL_SHOCK_POVERTY,        /* shock.poverty */
    VIGIL_POLICY_SOCIAL,        /* policy.social_protection */
    VIGIL_POLICY_DUE_DILIGENCE, /* policy.due_diligence */
    VIGIL_POLICY_FAMILY_FARM,   /* policy.family_farm_support */
    VIGIL_POLICY_FORMALISATION, /* policy.formalisation */
    VIGIL_POLICY_ENFORCEMENT,   /* policy.enforcement */
    VIGIL_POLICY_VICTIM_ID,     /* policy.victim_identification */
    VIGIL_TRADE_TARIFF,         /* trade.tariff */
    VIGIL_TRADE_BAN,            /* trade.ban */
    VIGIL_PARAM_SET,            /* param.set */
    VIGIL_NLEVER_KINDS
} vigil_lever_kind;

/* The Lua name of a lever kind ("shock.gdp" ...). */
const char *vigil_lever_name(vigil_lever_kind k);

#define VIGIL_LEVER_MAXPARAM 8

/* One instruction: lever `kind` acts in the years [from, to] (inclusive;
** to = from for a one-year shock) on `region` (an MRIO region code, a
** labour region name, a group of the world, or "*"). Trade and
** due-diligence levers also name importer / origin / sector / goods (NULL
** when not used). Parameters are named (docs/SCENARIOS.md lists them per
** lever); strings are borrowed from the scenario. */
typedef struct vigil_lever {
    vigil_lever_kind kind;
    const char *file;
    int line;
    int from, to;
    const char *region;
    const char *importer, *origin, *sector, *goods;
    int dynamic;                 /* added by an on_year hook during a run */
    int nparam;
    const char *key[VIGIL_LEVER_MAXPARAM];
    vigil_dist value[VIGIL_LEVER_MAXPARAM];
} vigil_lever;

typedef struct vigil_scenario vigil_scenario;

/* Options: limits of the Lua sandbox (0: defaults 256 MiB and 1e8
** instructions) and the folder `require` reads (NULL: scenarios/lib). */
typedef struct vigil_scenario_opts {
    size_t max_memory;
    long long max_instructions;
    const char *lib_dir;
} vigil_scenario_opts;

/* Loads and validates a scenario file against a world (region names,
** years, shares ...). On error returns VIGIL_ESCRIPT (or VIGIL_EIO,
** VIGIL_ENOMEM) with "file:line: message" in ctx. The world must outlive
** the scenario. Caller frees with vigil_scenario_free. */
int vigil_scenario_load(vigil_ctx *ctx, const char *path, const vigil_world *w,
                        const vigil_scenario_opts *opts, vigil_scenario **out);
void vigil_scenario_free(vigil_scenario *s);

/* scenario { ... } fields. */
const char *vigil_scenario_name(const vigil_scenario *s);
const char *vigil_scenario_description(const vigil_scenario *s); /* "" if none */
const char *vigil_scenario_path(const vigil_scenario *s);
int vigil_scenario_year_from(const vigil_scenario *s);  /* default 2020 */
int vigil_scenario_year_to(const vigil_scenario *s);    /* default 2030 */
int vigil_scenario_draws(const vigil_scenario *s);      /* default 1 */
unsigned long vigil_scenario_seed(const vigil_scenario *s); /* default 87 */
/* The sha256 of the scenario file and of every module it required, as hex
** (64 characters + NUL). */
const char *vigil_scenario_hash(const vigil_scenario *s);

/* The instructions, static ones first in file order, then those added by
** hooks during the current draw. Borrowed; valid until the next call that
** changes the list. */
long vigil_scenario_nlevers(const vigil_scenario *s);
const vigil_lever *vigil_scenario_lever(const vigil_scenario *s, long i);
/* A parameter of an instruction by key, or NULL when absent. */
const vigil_dist *vigil_lever_param(const vigil_lever *l, const char *key);
/* The keys of l that the scenario language accepts but the model does not
** use yet, set to something other than their no-effect default ("exports,
** upstream" of trade.ban, "trained" of policy.victim_identification), as
** one comma-separated string into buf; returns 0 (buf empty) when none. */
int vigil_lever_unmodelled(const vigil_lever *l, char *buf, size_t n);

/* Whether any region name of an instruction covers MRIO region m (by
** code, group or "*"), or labour region g of a family (by name, "*", or an
** MRIO region or group mapped to it by the world's concordance). */
int vigil_lever_covers_mrio(const vigil_lever *l, const vigil_world *w, long m);
int vigil_lever_covers_labour(const vigil_lever *l, const vigil_world *w,
                              enum vigil_labour fam, long g);

/* What on_year hooks see: indicator values by labour region for one year
** (read-only views in Lua: state.child_labour["Sub-Saharan Africa"] ...). */
typedef struct vigil_state_view {
    int year;
    int draw;
    long nregion;
    const char *const *region;    /* labour region names, then "World" */
    long nindicator;
    const char *const *indicator; /* "child_labour", "poverty_rate", ... */
    const double *value;          /* nindicator x nregion */
} vigil_state_view;

/* Starts draw k: drops the instructions hooks added in the previous draw
** and reseeds the scenario's math.random with seed_k. */
int vigil_scenario_begin_draw(vigil_ctx *ctx, vigil_scenario *s, unsigned long seed_k);
/* Runs every on_year hook for this year's state; levers they call are
** appended as dynamic instructions (they may only act in later years).
** Returns VIGIL_ESCRIPT with "file:line: message (year Y, draw K)" when a
** hook fails. */
int vigil_scenario_on_year(vigil_ctx *ctx, vigil_scenario *s, const vigil_state_view *v);
/* Whether the scenario has any on_year hook. */
int vigil_scenario_has_hooks(const vigil_scenario *s);

/* ---- Added with the scenario language (issue 4) ---- */

/* The world the scenario was validated against: the one given to
** vigil_scenario_load, or, when that was NULL, the world scenario{world=}
** names (a folder of scenarios/worlds; the built-in one when absent),
** then owned by the scenario. Borrowed. */
const vigil_world *vigil_scenario_world(const vigil_scenario *s);
/* scenario{world=} as written, or NULL. */
const char *vigil_scenario_world_name(const vigil_scenario *s);
/* The number of static instructions (those of the file itself); the
** dynamic ones added by hooks follow them in the list. */
long vigil_scenario_nstatic(const vigil_scenario *s);

/* Region names of instructions (region, importer, origin) follow the
** world's rules: vigil_world_region_covers and vigil_world_labour_covered
** (include/vigil/world.h); vigil_lever_covers_* apply them to `region`.
** The share of labour region g's population basis (children for
** VIGIL_CHILD) located in the MRIO regions a name covers: 1 for "*" and
** for g's own name, the concordance shares otherwise (e.g. "FRA" holds
** about 6% of the children of "Europe and Northern America"); for
** scaling a shock given for part of a labour region. */
double vigil_region_labour_share(const vigil_world *w, const char *name,
                                 enum vigil_labour fam, long g);
/* Whether a sector name of an instruction ("*", a broad sector
** "agriculture" / "industry" / "services", or an MRIO sector code such as
** "agr") covers MRIO cell i. NULL counts as "*". */
int vigil_sector_covers_cell(const vigil_world *w, const char *sector, long i);

#ifdef __cplusplus
}
#endif
#endif
