/*
** Scenarios, the engine side (issue 4; docs/SCENARIOS.md): the table of
** levers and their keys, the vigil_scenario object and its instruction
** list, validation of region and sector names, years and uncertain
** numbers against the world, nearest-name suggestions, what an
** instruction's region and sector names cover, and the hash of
** a scenario. Region names and groups are the world's (world_names.c).
** The Lua side is engine/lua_api.c; nothing here includes Lua.
*/
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario_int.h"
#include "tidy.h"
#include "world_int.h"

/*
** {======================================================================
** The levers: keys, units, ranges, defaults (docs/SCENARIOS.md lists the
** same; tests/unit/test_scenario.c checks that every key is documented)
** =======================================================================
*/

#define INF HUGE_VAL
#define KEY(n, t, f, lo, hi, d, ds, u, w) {n, t, f, lo, hi, d, ds, u, w}
#define K_END KEY(NULL, VG_K_NUMBER, 0, 0, 0, 0, NULL, NULL, NULL)
#define K_REGION(w) KEY("region", VG_K_REGION, VG_REQUIRED, 0, 0, NAN, NULL, NULL, w)
#define K_IMPORTER KEY("importer", VG_K_IMPORTER, VG_REQUIRED, 0, 0, NAN, NULL, \
                       NULL, "importing region")
#define K_ORIGIN KEY("origin", VG_K_ORIGIN, 0, 0, 0, NAN, "*", NULL, \
                     "producing (origin) region")
#define K_SECTOR(d) KEY("sector", VG_K_SECTOR, 0, 0, 0, NAN, d, NULL, "sector")
#define K_YEAR KEY("year", VG_K_YEAR, 0, 0, 0, NAN, NULL, NULL, "the one year")
#define K_FROM(f) KEY("from", VG_K_FROM, f, 0, 0, NAN, NULL, NULL, "first year")
#define K_TO KEY("to", VG_K_TO, 0, 0, 0, NAN, NULL, NULL, \
                 "last year (default: the end of the run)")
#define K_SHARE(n, f, d, w) KEY(n, VG_K_NUMBER, f, 0, 1, d, NULL, "share", w)
#define K_PHASE KEY("phase_in", VG_K_NUMBER, 0, 1, 50, 1, NULL, "years", \
                    "years to reach the full effect (linear)")
#define K_REQ VG_REQUIRED
#define K_MAIN (VG_REQUIRED | VG_MAIN)

static const vg_keyspec k_gdp[] = {
    K_REGION("region"), K_YEAR, K_FROM(0), K_TO,
    KEY("growth", VG_K_NUMBER, K_MAIN, -100, 100, NAN, NULL, "pp",
        "change in real GDP growth"),
    K_END};
static const vg_keyspec k_income[] = {
    K_REGION("region"), K_YEAR, K_FROM(0), K_TO,
    K_SHARE("loss", K_MAIN, NAN, "household income lost"),
    K_SHARE("affected", 0, 1, "households affected"),
    K_END};
static const vg_keyspec k_school[] = {
    K_REGION("region"), K_YEAR, K_FROM(0), K_TO,
    KEY("months", VG_K_NUMBER, K_MAIN, 0, 12, NAN, NULL, "months",
        "months schools are closed in the year"),
    K_SHARE("mitigation", 0, 0, "learning kept up by remote teaching"),
    K_END};
static const vg_keyspec k_demand[] = {
    K_REGION("consuming region"), K_ORIGIN, K_SECTOR("*"), K_YEAR, K_FROM(0),
    K_TO,
    KEY("change", VG_K_NUMBER, K_MAIN, -1, 10, NAN, NULL, "relative",
        "relative change of final demand"),
    K_END};
static const vg_keyspec k_poverty[] = {
    K_REGION("region"), K_YEAR, K_FROM(0), K_TO,
    KEY("change", VG_K_NUMBER, K_MAIN, -100, 100, NAN, NULL, "pp",
        "change in the poverty headcount rate"),
    K_END};
static const vg_keyspec k_social[] = {
    K_REGION("region"), K_FROM(K_REQ), K_TO,
    KEY("coverage", VG_K_COVERAGE, 0, 0, 1, NAN, NULL, "share",
        "children covered by a cash benefit"),
    KEY("change", VG_K_NUMBER, 0, -1, 10, NAN, NULL, "relative",
        "relative change of the baseline coverage"),
    K_PHASE, K_END};
static const vg_keyspec k_dd[] = {
    K_IMPORTER, K_ORIGIN, K_SECTOR("*"), K_FROM(K_REQ), K_TO,
    K_SHARE("coverage", K_REQ, NAN, "supply chains covered"),
    K_SHARE("effectiveness", K_REQ, NAN, "labour intensity removed where covered"),
    K_SHARE("firm_share", 0, 1, "imports by firms above the size threshold"),
    K_SHARE("displacement", 0, NAN, "removed labour displaced to other chains"),
    K_PHASE, K_END};
static const vg_keyspec k_farm[] = {
    K_REGION("region"), K_SECTOR("agriculture"), K_FROM(K_REQ), K_TO,
    K_SHARE("coverage", K_REQ, NAN, "family farms and SMEs reached"),
    K_SHARE("effectiveness", K_REQ, NAN, "child labour removed where reached"),
    K_PHASE, K_END};
static const vg_keyspec k_formal[] = {
    K_REGION("region"), K_SECTOR("*"), K_FROM(K_REQ), K_TO,
    K_SHARE("coverage", K_REQ, NAN, "informal units formalised"),
    K_SHARE("effectiveness", K_REQ, NAN, "child and forced labour removed there"),
    K_PHASE, K_END};
static const vg_keyspec k_enforce[] = {
    K_REGION("region"), K_FROM(K_REQ), K_TO,
    K_SHARE("detection", K_REQ, NAN, "forced-labour cases detected a year"),
    K_SHARE("prosecution", 0, NAN, "detected cases prosecuted"),
    K_PHASE, K_END};
static const vg_keyspec k_victim[] = {
    K_REGION("region"), K_FROM(K_REQ), K_TO,
    K_SHARE("identified", K_REQ, NAN, "victims identified and referred"),
    K_SHARE("trained", 0, 0, "frontline professionals trained"),
    K_PHASE, K_END};
static const vg_keyspec k_tariff[] = {
    K_IMPORTER, K_ORIGIN, K_SECTOR("*"), K_FROM(K_REQ), K_TO,
    KEY("rate", VG_K_NUMBER, K_REQ, 0, 10, NAN, NULL, "share",
        "ad valorem tariff rate"),
    KEY("elasticity", VG_K_NUMBER, 0, 0.01, 50, NAN, NULL, "",
        "Armington substitution elasticity"),
    K_END};
static const vg_keyspec k_ban[] = {
    K_IMPORTER, K_ORIGIN, K_SECTOR("*"),
    KEY("goods", VG_K_GOODS, 0, 0, 0, NAN, NULL, NULL, "named risk list"),
    K_FROM(K_REQ), K_TO,
    K_SHARE("effectiveness", 0, 1, "banned flows actually stopped"),
    K_SHARE("diversion", 0, NAN, "banned exports re-routed to other markets"),
    KEY("elasticity", VG_K_NUMBER, 0, 0.01, 50, NAN, NULL, "",
        "Armington substitution elasticity"),
    KEY("exports", VG_K_BOOL, 0, 0, 1, 0, NULL, "", "also bans the importer's exports"),
    KEY("upstream", VG_K_BOOL, 0, 0, 1, 0, NULL, "", "also bans upstream content"),
    K_END};

#define NONE {NULL, NULL, NULL}
static const vg_leverspec specs[] = {
    {VIGIL_SHOCK_GDP, "shock.gdp", "shock", "gdp", VG_T_SHOCK, k_gdp, NONE, 0,
     "GDP growth shock"},
    {VIGIL_SHOCK_INCOME, "shock.income", "shock", "income", VG_T_SHOCK,
     k_income, NONE, 0, "household income loss"},
    {VIGIL_SHOCK_SCHOOL, "shock.school_closure", "shock", "school_closure",
     VG_T_SHOCK, k_school, NONE, 0, "school closures"},
    {VIGIL_SHOCK_DEMAND, "shock.demand", "shock", "demand", VG_T_SHOCK,
     k_demand, NONE, 0, "final-demand change"},
    {VIGIL_SHOCK_POVERTY, "shock.poverty", "shock", "poverty", VG_T_SHOCK,
     k_poverty, NONE, 0, "poverty-rate change"},
    {VIGIL_POLICY_SOCIAL, "policy.social_protection", "policy",
     "social_protection", VG_T_POLICY, k_social, {"coverage", "change", NULL},
     1, "children's cash-benefit coverage"},
    {VIGIL_POLICY_DUE_DILIGENCE, "policy.due_diligence", "policy",
     "due_diligence", VG_T_POLICY, k_dd, NONE, 0, "supply-chain due diligence"},
    {VIGIL_POLICY_FAMILY_FARM, "policy.family_farm_support", "policy",
     "family_farm_support", VG_T_POLICY, k_farm, NONE, 0,
     "support to family farms and SMEs"},
    {VIGIL_POLICY_FORMALISATION, "policy.formalisation", "policy",
     "formalisation", VG_T_POLICY, k_formal, NONE, 0, "formalisation"},
    {VIGIL_POLICY_ENFORCEMENT, "policy.enforcement", "policy", "enforcement",
     VG_T_POLICY, k_enforce, NONE, 0, "forced-labour enforcement"},
    {VIGIL_POLICY_VICTIM_ID, "policy.victim_identification", "policy",
     "victim_identification", VG_T_POLICY, k_victim, NONE, 0,
     "victim identification and referral"},
    {VIGIL_TRADE_TARIFF, "trade.tariff", "trade", "tariff", VG_T_POLICY,
     k_tariff, NONE, 0, "import tariff"},
    {VIGIL_TRADE_BAN, "trade.ban", "trade", "ban", VG_T_POLICY, k_ban,
     {"origin", "sector", "goods"}, 0, "import ban"},
};

const char *const vg_goods_lists[] = {"forced_labour_risk", "child_labour_risk",
                                      NULL};

const vg_leverspec *vg_lever_spec(vigil_lever_kind k) {
    size_t i;
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (specs[i].kind == k) return &specs[i];
    return NULL;
}

const vg_keyspec *vg_lever_key(const vg_leverspec *ls, const char *name) {
    const vg_keyspec *k;
    for (k = ls->key; k->name; k++)
        if (strcmp(k->name, name) == 0) return k;
    return NULL;
}

const char *vigil_lever_name(vigil_lever_kind k) {
    const vg_leverspec *ls = vg_lever_spec(k);
    if (ls) return ls->name;
    return k == VIGIL_PARAM_SET ? "param.set" : "?";
}

/* }====================================================================== */

/*
** {======================================================================
** Uncertain numbers
** =======================================================================
*/

double vigil_dist_center(const vigil_dist *d) {
    double v;
    switch (d->kind) {
    case VIGIL_DIST_LOGNORMAL: v = exp(d->a + d->b * d->b / 2); break;
    case VIGIL_DIST_UNIFORM: v = (d->a + d->b) / 2; break;
    case VIGIL_DIST_TRIANGULAR: v = (d->a + d->b + d->c) / 3; break;
    case VIGIL_DIST_BETA: v = d->a / (d->a + d->b); break;
    default: v = d->a; break;  /* fixed, normal */
    }
    if (d->lo <= d->hi) {
        if (v < d->lo) v = d->lo;
        if (v > d->hi) v = d->hi;
    }
    return v;
}

char *vg_dist_format(char *buf, size_t n, const vigil_dist *d) {
    switch (d->kind) {
    case VIGIL_DIST_NORMAL: snprintf(buf, n, "normal(%g, %g)", d->a, d->b); break;
    case VIGIL_DIST_LOGNORMAL:
        snprintf(buf, n, "lognormal(%g, %g)", d->a, d->b);
        break;
    case VIGIL_DIST_UNIFORM: snprintf(buf, n, "uniform(%g, %g)", d->a, d->b); break;
    case VIGIL_DIST_TRIANGULAR:
        snprintf(buf, n, "triangular(%g, %g, %g)", d->a, d->b, d->c);
        break;
    case VIGIL_DIST_BETA: snprintf(buf, n, "beta(%g, %g)", d->a, d->b); break;
    default: snprintf(buf, n, "%g", d->a); break;
    }
    return buf;
}

static const char *dist_name(vigil_dist_kind k) {
    static const char *const names[] = {"fixed", "normal", "lognormal",
                                        "uniform", "triangular", "beta"};
    return names[k];
}

/* Whether every value a distribution can take (within 10 standard
** deviations) and its centre are finite numbers: finite parameters can
** still overflow (uniform(-1e308, 1e308) draws inf, and a NaN draw would
** end as the truncation bound). */
static int dist_finite(const vigil_dist *d) {
    switch (d->kind) {
    case VIGIL_DIST_NORMAL:
        return isfinite(d->a + 10 * d->b) && isfinite(d->a - 10 * d->b);
    case VIGIL_DIST_LOGNORMAL:
        return isfinite(exp(d->a + 10 * d->b)) && isfinite(exp(d->a + d->b * d->b / 2));
    case VIGIL_DIST_UNIFORM:
        return isfinite(d->b - d->a) && isfinite(d->a + d->b);
    case VIGIL_DIST_TRIANGULAR:
        return isfinite(d->c - d->a) && isfinite(d->a + d->b + d->c);
    default:
        return 1;
    }
}

/* The checks of each kind's own parameters. */
static int params_valid(const vigil_dist *d, char *msg, size_t n) {
    const char *name = dist_name(d->kind);
    if (!isfinite(d->a) || !isfinite(d->b) || !isfinite(d->c)) {
        snprintf(msg, n, "%s: the parameters must be finite numbers", name);
        return 0;
    }
    switch (d->kind) {
    case VIGIL_DIST_NORMAL:
    case VIGIL_DIST_LOGNORMAL:
        if (d->b >= 0) return 1;
        snprintf(msg, n, "%s: the standard deviation must be >= 0 (got %g)",
                 name, d->b);
        return 0;
    case VIGIL_DIST_UNIFORM:
        if (d->a <= d->b) return 1;
        snprintf(msg, n, "uniform: min must be <= max (got %g > %g)", d->a, d->b);
        return 0;
    case VIGIL_DIST_TRIANGULAR:
        if (d->a <= d->b && d->b <= d->c) return 1;
        snprintf(msg, n, "triangular: needs min <= mode <= max (got %g, %g, "
                 "%g)", d->a, d->b, d->c);
        return 0;
    case VIGIL_DIST_BETA:
        if (d->a > 0 && d->b > 0) return 1;
        snprintf(msg, n, "beta: both shape parameters must be > 0 (got %g, "
                 "%g)", d->a, d->b);
        return 0;
    default:
        return 1;
    }
}

int vg_dist_check_params(const vigil_dist *d, char *msg, size_t n) {
    if (!params_valid(d, msg, n)) return 0;
    if (dist_finite(d)) return 1;
    snprintf(msg, n, "%s: the parameters are so large that its values overflow "
             "(they must stay finite numbers within 10 standard deviations)",
             dist_name(d->kind));
    return 0;
}

/* The valid range in words: "in [0, 12]" ("a share in [0, 1]" for a
** fixed share), ">= -1", "<= 5". Bare intervals ("[0, 1]") when bare. */
static void range_words(char *buf, size_t n, const char *unit, double lo,
                        double hi, int bare) {
    int share = unit && strcmp(unit, "share") == 0 && lo == 0 && hi == 1;
    if (isfinite(lo) && isfinite(hi))
        snprintf(buf, n, "%s[%g, %g]", bare ? "" : share ? "a share in " : "in ",
                 lo, hi);
    else if (isfinite(lo))
        snprintf(buf, n, ">= %g", lo);
    else if (isfinite(hi))
        snprintf(buf, n, "<= %g", hi);
    else
        snprintf(buf, n, "any number");
}

/* Standard normal distribution function. */
static double phi(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

/* The mass of an unbounded distribution inside [lo, hi]. */
static double mass_inside(const vigil_dist *d, double lo, double hi) {
    double zl, zh;
    if (d->b == 0) return 1;
    if (d->kind == VIGIL_DIST_NORMAL) {
        zl = (lo - d->a) / d->b;
        zh = (hi - d->a) / d->b;
    } else {
        zl = lo > 0 ? (log(lo) - d->a) / d->b : -INF;
        zh = hi > 0 ? (log(hi) - d->a) / d->b : -INF;
    }
    return phi(zh) - phi(zl);
}

int vg_dist_check_range(vigil_dist *d, const char *key, const char *unit,
                        double lo, double hi, char *msg, size_t n) {
    char rw[64], ds[96];
    double from = d->a, to = d->a, c;
    range_words(rw, sizeof rw, unit, lo, hi, d->kind != VIGIL_DIST_FIXED);
    vg_dist_format(ds, sizeof ds, d);
    d->lo = lo;
    d->hi = hi;
    switch (d->kind) {
    case VIGIL_DIST_FIXED:
        if (d->a >= lo && d->a <= hi) return 1;
        snprintf(msg, n, "%s must be %s (got %g)", key, rw, d->a);
        return 0;
    case VIGIL_DIST_NORMAL:
    case VIGIL_DIST_LOGNORMAL:
        c = d->kind == VIGIL_DIST_NORMAL ? d->a : exp(d->a + d->b * d->b / 2);
        if (!(c >= lo && c <= hi)) {
            snprintf(msg, n, "%s: %s is centred on %g, outside %s", key, ds,
                     c, rw);
            return 0;
        }
        if (mass_inside(d, lo, hi) < 0.01) {
            snprintf(msg, n, "%s: %s puts less than 1%% of its mass inside "
                     "%s", key, ds, rw);
            return 0;
        }
        return 1;
    case VIGIL_DIST_UNIFORM: to = d->b; break;
    case VIGIL_DIST_TRIANGULAR: to = d->c; break;
    case VIGIL_DIST_BETA: from = 0; to = 1; break;
    }
    if (from >= lo && to <= hi) return 1;
    snprintf(msg, n, "%s: %s goes outside %s", key, ds, rw);
    return 0;
}

/* }====================================================================== */

/*
** {======================================================================
** Nearest names (suggestions in messages)
** =======================================================================
*/

#define NAMEMAX 128  /* longer names get no suggestion */

/* Optimal string alignment distance (Levenshtein with transpositions),
** case folded, in three rolling rows. -1 when a name is too long. */
static int distance(const char *a, const char *b) {
    int la = (int)strlen(a), lb = (int)strlen(b), i, j;
    int r0[NAMEMAX + 1], r1[NAMEMAX + 1], r2[NAMEMAX + 1];
    int *pp = r0, *p = r1, *c = r2, *t;
    if (la > NAMEMAX || lb > NAMEMAX) return -1;
    for (j = 0; j <= lb; j++) p[j] = j;
    for (i = 1; i <= la; i++) {
        c[0] = i;
        for (j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            int v = p[j - 1] + (ca != cb);
            if (p[j] + 1 < v) v = p[j] + 1;
            if (c[j - 1] + 1 < v) v = c[j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
        }
        t = pp; pp = p; p = c; c = t;
    }
    return p[lb];
}

/* A running search for the nearest name: feed candidates in a fixed
** order; ties go to the first. */
typedef struct near {
    const char *name, *best;
    int bestd;
} near;

static void near_init(near *q, const char *name) {
    q->name = name;
    q->best = NULL;
    q->bestd = -1;
}

/* Near enough: a few edits for the name's length, or the name is the
** start of the candidate (3 characters at least). */
static void near_feed(near *q, const char *cand) {
    int len = (int)strlen(q->name), d = distance(q->name, cand);
    int limit = len / 4 > 2 ? len / 4 : 2;
    if (d < 0) return;
    if (!(d <= limit && d < len) &&
        !(len >= 3 && strncmp(cand, q->name, (size_t)len) == 0))
        return;
    if (q->best == NULL || d < q->bestd) {
        q->best = cand;
        q->bestd = d;
    }
}

const char *vg_nearest(const char *name, const char *const *cand, long n) {
    near q;
    long i;
    near_init(&q, name);
    for (i = 0; i < n; i++) near_feed(&q, cand[i]);
    return q.best;
}

/* }====================================================================== */

/*
** {======================================================================
** The scenario object: creation, strings, instructions
** =======================================================================
*/

#ifdef VIGIL_SOURCE_DIR
#define LIBDIR_DEFAULT VIGIL_SOURCE_DIR "/scenarios/lib"
#else
#define LIBDIR_DEFAULT "scenarios/lib"
#endif

/* "scenarios/covid.lua" -> "covid" */
static char *base_name(const char *path) {
    const char *b = strrchr(path, '/');
    char *s, *dot;
    s = vg_strdup(b ? b + 1 : path);
    if (s && (dot = strrchr(s, '.')) != NULL && strcmp(dot, ".lua") == 0)
        *dot = '\0';
    return s;
}

int vg_scn_new(vigil_ctx *ctx, const char *path, const vigil_world *w,
               const vigil_scenario_opts *opts, vigil_scenario **out) {
    vigil_scenario *s = vg_calloc(1, sizeof *s);
    *out = NULL;
    if (s == NULL) return vigil_nomem(ctx, "vigil_scenario_load");
    if (opts) s->opts = *opts;
    s->path = vg_strdup(path);
    s->name = base_name(path);
    s->description = vg_strdup("");
    s->lib_dir = vg_strdup(opts && opts->lib_dir ? opts->lib_dir : LIBDIR_DEFAULT);
    s->opts.lib_dir = s->lib_dir;
    s->year_from = VG_DEFAULT_FROM;
    s->year_to = VG_DEFAULT_TO;
    s->draws = VG_DEFAULT_DRAWS;
    s->seed = VG_DEFAULT_SEED;
    s->world = w;
    if (!s->path || !s->name || !s->description || !s->lib_dir ||
        vg_strmap_init(&s->names, 64) != VIGIL_OK) {
        vigil_scenario_free(s);
        return vigil_nomem(ctx, "vigil_scenario_load");
    }
    *out = s;
    return VIGIL_OK;
}

void vigil_scenario_free(vigil_scenario *s) {
    long i;
    if (s == NULL) return;
    vg_lua_close(s->lua);
    for (i = 0; i < s->npool; i++) vg_free(s->pool[i]);
    vg_free(s->pool);
    vg_strmap_free(&s->names);
    for (i = 0; i < s->nsector; i++) vg_free(s->sector[i]);
    vg_free(s->sector);
    vg_free(s->lever);
    vigil_world_free(s->own_world);
    vg_free(s->path);
    vg_free(s->name);
    vg_free(s->description);
    vg_free(s->world_name);
    vg_free(s->lib_dir);
    vg_free(s);
}

/* Grows an array to hold one more item; 0 when out of memory. */
static int grow(void **p, long *cap, long n, size_t size) {
    long ncap;
    void *np;
    if (n < *cap) return 1;
    ncap = *cap ? 2 * *cap : 16;
    np = vg_realloc(*p, (size_t)ncap * size);
    if (np == NULL) return 0;
    *p = np;
    *cap = ncap;
    return 1;
}

const char *vg_scn_intern(vigil_scenario *s, const char *str) {
    long i = vg_strmap_get(&s->names, str);
    char *copy;
    if (i >= 0) return s->pool[i];
    if (!grow((void **)&s->pool, &s->cappool, s->npool, sizeof *s->pool))
        return NULL;
    copy = vg_strdup(str);
    if (copy == NULL) return NULL;
    if (vg_strmap_add(&s->names, copy, s->npool) == -2) {
        vg_free(copy);
        return NULL;
    }
    s->pool[s->npool++] = copy;
    return copy;
}

vigil_lever *vg_scn_push(vigil_scenario *s) {
    vigil_lever *l;
    if (!grow((void **)&s->lever, &s->caplever, s->nlever, sizeof *s->lever))
        return NULL;
    l = &s->lever[s->nlever++];
    memset(l, 0, sizeof *l);
    return l;
}

/* }====================================================================== */

/*
** {======================================================================
** Names of the world: regions, labour regions, groups, sectors (the
** rules are those of engine/world_names.c; here: checks and suggestions)
** =======================================================================
*/

static long labour_index(const vigil_world *w, enum vigil_labour f,
                         const char *name) {
    long g, n = vigil_world_nlabour(w, f);
    for (g = 0; g < n; g++)
        if (strcmp(vigil_world_labour_region(w, f, g), name) == 0) return g;
    return -1;
}

/* Feeds every region name of the world (and the groups) to q. */
static void near_regions(near *q, const vigil_world *w) {
    const vigil_table *t = vigil_world_table(w);
    long i, n = vigil_table_nregions(t);
    int f;
    for (i = 0; i < n; i++) near_feed(q, vigil_table_region(t, i));
    for (f = VIGIL_CHILD; f <= VIGIL_FORCED; f++)
        for (i = 0; i < vigil_world_nlabour(w, (enum vigil_labour)f); i++)
            near_feed(q, vigil_world_labour_region(w, (enum vigil_labour)f, i));
    for (i = 0; i < w->groups.nrow; i++)
        near_feed(q, vg_tidy_str(&w->groups, i, vg_tidy_col(&w->groups, "group")));
}

/* "unknown X 'name' (did you mean 'best'?)" or with the fallback hint. */
static void unknown(char *msg, size_t n, const char *what, const char *name,
                    const char *best, const char *hint) {
    if (best)
        snprintf(msg, n, "unknown %s '%s' (did you mean '%s'?)", what, name, best);
    else
        snprintf(msg, n, "unknown %s '%s' (%s)", what, name, hint);
}

int vg_scn_check_region(const vigil_scenario *s, const char *name, char *msg,
                        size_t n) {
    near q;
    if (vigil_world_region_known(s->world, name)) return 1;
    near_init(&q, name);
    near_regions(&q, s->world);
    unknown(msg, n, "region", name, q.best,
            "`vigil world` lists the regions; '*' means all");
    return 0;
}


int vg_scn_check_sector(const vigil_scenario *s, const char *name, char *msg,
                        size_t n) {
    near q;
    long i;
    int b;
    if (strcmp(name, "*") == 0) return 1;
    for (b = 0; b < VIGIL_NSECTORS; b++)
        if (strcmp(vigil_sector_name(b), name) == 0) return 1;
    for (i = 0; i < s->nsector; i++)
        if (strcmp(s->sector[i], name) == 0) return 1;
    near_init(&q, name);
    for (b = 0; b < VIGIL_NSECTORS; b++) near_feed(&q, vigil_sector_name(b));
    for (i = 0; i < s->nsector; i++) near_feed(&q, s->sector[i]);
    unknown(msg, n, "sector", name, q.best, "sectors are agriculture, industry, "
            "services, the table's sector codes, or '*'");
    return 0;
}

int vg_scn_check_goods(const vigil_scenario *s, const char *name, char *msg, size_t n) {
    long i;
    for (i = 0; vg_goods_lists[i]; i++)
        if (strcmp(vg_goods_lists[i], name) == 0) break;
    /* a known list the world does not have: said at load time, so that
    ** `vigil check --world` finds it rather than a run years in */
    if (vg_goods_lists[i] && !vigil_world_has_risk_list(s->world, name))
        snprintf(msg, n, "this world has no list of goods '%s' (risk_lists.csv in its folder)",
                 name);
    if (vg_goods_lists[i]) return vigil_world_has_risk_list(s->world, name);
    unknown(msg, n, "goods list", name, vg_nearest(name, vg_goods_lists, i),
            "lists are forced_labour_risk and child_labour_risk");
    return 0;
}

/* The MRIO sector codes: cell labels of region 0 without "REGION_". */
static int load_sectors(vigil_ctx *ctx, vigil_scenario *s) {
    const vigil_table *t = vigil_world_table(s->world);
    const char *r0 = vigil_table_region(t, 0);
    size_t lr = strlen(r0);
    long i, n = vigil_table_ncells(t), cap = 0;
    for (i = 0; i < n; i++) {
        const char *c = vigil_table_cell(t, i);
        if (vigil_table_cell_region(t, i) != 0) continue;
        if (strncmp(c, r0, lr) == 0 && c[lr] == '_') c += lr + 1;
        if (!grow((void **)&s->sector, &cap, s->nsector, sizeof *s->sector) ||
            (s->sector[s->nsector] = vg_strdup(c)) == NULL)
            return vigil_nomem(ctx, "vigil_scenario_load");
        s->nsector++;
    }
    return VIGIL_OK;
}

/* }====================================================================== */

/*
** {======================================================================
** The world of a scenario
** =======================================================================
*/

/* The folder of the shipped worlds: the parent of the built-in one. */
static void worlds_dir(char *buf, size_t n) {
    char *slash;
    snprintf(buf, n, "%s", vigil_world_builtin_dir());
    slash = strrchr(buf, '/');
    if (slash) *slash = '\0';
    else snprintf(buf, n, ".");
}

/* Letters, digits, '_' and '-': a folder name, never a path. */
static int plain_name(const char *s) {
    if (*s == '\0') return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-') return 0;
    return 1;
}

int vg_scn_check_world(const char *name, char *msg, size_t n) {
    char dir[4096], path[4200], best[256];
    int bestd = 0;
    struct dirent *e;
    near q;
    DIR *d;
    if (!plain_name(name)) {
        snprintf(msg, n, "world '%s' must be the name of a folder of "
                 "scenarios/worlds (letters, digits, '_', '-'); give other "
                 "worlds with --world DIR", name);
        return 0;
    }
    worlds_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s/world.csv", dir, name);
    if (access(path, R_OK) == 0) return 1;
    best[0] = '\0';
    if ((d = opendir(dir)) != NULL) {
        while ((e = readdir(d)) != NULL) {  /* ties: the first by name */
            near_init(&q, name);
            near_feed(&q, e->d_name);
            if (e->d_name[0] == '.' || q.best == NULL) continue;
            if (best[0] == '\0' || q.bestd < bestd ||
                (q.bestd == bestd && strcmp(e->d_name, best) < 0)) {
                snprintf(best, sizeof best, "%s", e->d_name);
                bestd = q.bestd;
            }
        }
        closedir(d);
    }
    q.best = best[0] ? best : NULL;
    unknown(msg, n, "world", name, q.best,
            "the worlds are the folders of scenarios/worlds");
    return 0;
}

static int load_world(vigil_ctx *ctx, vigil_scenario *s) {
    char dir[4096], path[4200];
    int rc;
    if (s->world_name == NULL || strcmp(s->world_name, "stylised") == 0) {
        rc = vigil_world_load(ctx, NULL, &s->own_world);
    } else {
        worlds_dir(dir, sizeof dir);
        snprintf(path, sizeof path, "%s/%s", dir, s->world_name);
        rc = vigil_world_load(ctx, path, &s->own_world);
    }
    s->world = s->own_world;
    return rc;
}

int vg_scn_use_world(vigil_ctx *ctx, vigil_scenario *s) {
    int rc = VIGIL_OK;
    if (s->ready) return VIGIL_OK;
    if (s->world == NULL) rc = load_world(ctx, s);
    if (rc == VIGIL_OK) rc = load_sectors(ctx, s);
    if (rc == VIGIL_OK) s->ready = 1;
    return rc;
}

/* }====================================================================== */

/*
** {======================================================================
** What region and sector names cover
** =======================================================================
*/

/* Share of labour region g of family f located in MRIO region m. */
static double share_of(const vigil_world *w, int f, long g, long m) {
    long nreg = vigil_table_nregions(vigil_world_table(w));
    return w->fam[f].share[g * nreg + m];
}

double vigil_region_labour_share(const vigil_world *w, const char *name,
                                 enum vigil_labour fam, long g) {
    long i, m, nreg = vigil_table_nregions(vigil_world_table(w));
    double sum = 0;
    if (name == NULL || strcmp(name, "*") == 0) return 1;
    if ((i = labour_index(w, fam, name)) >= 0) return i == g ? 1 : 0;
    for (m = 0; m < nreg; m++)
        if (vigil_world_region_covers(w, name, m)) sum += share_of(w, fam, g, m);
    return sum > 1 ? 1 : sum;
}

int vigil_sector_covers_cell(const vigil_world *w, const char *sector, long i) {
    const vigil_table *t = vigil_world_table(w);
    const char *cell, *reg;
    size_t lr;
    int b;
    if (sector == NULL || strcmp(sector, "*") == 0) return 1;
    for (b = 0; b < VIGIL_NSECTORS; b++)
        if (strcmp(vigil_sector_name(b), sector) == 0) return w->broad[i] == b;
    cell = vigil_table_cell(t, i);
    reg = vigil_table_region(t, vigil_table_cell_region(t, i));
    lr = strlen(reg);
    if (strncmp(cell, reg, lr) == 0 && cell[lr] == '_') cell += lr + 1;
    return strcmp(cell, sector) == 0;
}

/* The region of an instruction (the importer for trade and due
** diligence; "*" for param.set), through the world's own rules
** (engine/world_names.c). */
int vigil_lever_covers_mrio(const vigil_lever *l, const vigil_world *w, long m) {
    return l->region == NULL || vigil_world_region_covers(w, l->region, m);
}

int vigil_lever_covers_labour(const vigil_lever *l, const vigil_world *w,
                              enum vigil_labour fam, long g) {
    return l->region == NULL || vigil_world_labour_covered(w, l->region, fam, g);
}

const vigil_dist *vigil_lever_param(const vigil_lever *l, const char *key) {
    int i;
    for (i = 0; i < l->nparam; i++)
        if (strcmp(l->key[i], key) == 0) return &l->value[i];
    return NULL;
}

int vigil_lever_unmodelled(const vigil_lever *l, char *buf, size_t n) {
    static const struct { vigil_lever_kind kind; const char *key; } keys[] = {
        {VIGIL_TRADE_BAN, "exports"}, {VIGIL_TRADE_BAN, "upstream"},
        {VIGIL_POLICY_VICTIM_ID, "trained"}};
    size_t k, used = 0;
    int found = 0;
    if (n > 0) buf[0] = '\0';
    for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        const vigil_dist *d;
        if (l->kind != keys[k].kind || (d = vigil_lever_param(l, keys[k].key)) == NULL ||
            (d->kind == VIGIL_DIST_FIXED && d->a == 0))
            continue;
        if (used < n)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", found ? ", " : "",
                                     keys[k].key);
        found = 1;
    }
    return found;
}

/* }====================================================================== */

/*
** {======================================================================
** Hash, accessors, and the public entry points
** =======================================================================
*/

/* Adds the sha256 of the file at path, as hex, to *out. */
static int hash_file(vigil_ctx *ctx, const char *path, char out[VG_SHA256_HEX]) {
    unsigned char buf[8192];
    vg_sha256 c;
    size_t n;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read: %s", path,
                            strerror(errno));
    vg_sha256_init(&c);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) vg_sha256_update(&c, buf, n);
    if (ferror(f)) {
        fclose(f);
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read", path);
    }
    fclose(f);
    vg_sha256_final(&c, out);
    return VIGIL_OK;
}

/*
** Without modules the hash is the file's own sha256 (what sha256sum
** prints). With modules it is the sha256 of the lines "HEX  scenario\n"
** then "HEX  MODULE\n" for each module, sorted by name.
*/
int vg_scn_hash(vigil_ctx *ctx, vigil_scenario *s, const char *const *mod,
                const char *const *modpath, long nmod) {
    char hex[VG_SHA256_HEX];
    vg_sha256 c;
    long i;
    int rc = hash_file(ctx, s->path, s->hash);
    if (rc != VIGIL_OK || nmod == 0) return rc;
    vg_sha256_init(&c);
    vg_sha256_update(&c, s->hash, 64);
    vg_sha256_update(&c, "  scenario\n", 11);
    for (i = 0; i < nmod; i++) {
        if ((rc = hash_file(ctx, modpath[i], hex)) != VIGIL_OK) return rc;
        vg_sha256_update(&c, hex, 64);
        vg_sha256_update(&c, "  ", 2);
        vg_sha256_update(&c, mod[i], strlen(mod[i]));
        vg_sha256_update(&c, "\n", 1);
    }
    vg_sha256_final(&c, s->hash);
    return VIGIL_OK;
}

const char *vigil_scenario_name(const vigil_scenario *s) { return s->name; }
const char *vigil_scenario_description(const vigil_scenario *s) {
    return s->description;
}
const char *vigil_scenario_path(const vigil_scenario *s) { return s->path; }
int vigil_scenario_year_from(const vigil_scenario *s) { return s->year_from; }
int vigil_scenario_year_to(const vigil_scenario *s) { return s->year_to; }
int vigil_scenario_draws(const vigil_scenario *s) { return s->draws; }
unsigned long vigil_scenario_seed(const vigil_scenario *s) { return s->seed; }
const char *vigil_scenario_hash(const vigil_scenario *s) { return s->hash; }
const vigil_world *vigil_scenario_world(const vigil_scenario *s) {
    return s->world;
}
const char *vigil_scenario_world_name(const vigil_scenario *s) {
    return s->world_name;
}
long vigil_scenario_nlevers(const vigil_scenario *s) { return s->nlever; }
long vigil_scenario_nstatic(const vigil_scenario *s) { return s->nstatic; }
int vigil_scenario_has_hooks(const vigil_scenario *s) { return s->nhook > 0; }

const vigil_lever *vigil_scenario_lever(const vigil_scenario *s, long i) {
    return i >= 0 && i < s->nlever ? &s->lever[i] : NULL;
}

int vigil_scenario_load(vigil_ctx *ctx, const char *path, const vigil_world *w,
                        const vigil_scenario_opts *opts, vigil_scenario **out) {
    vigil_scenario *s = NULL;
    int rc = vg_scn_new(ctx, path, w, opts, &s);
    *out = NULL;
    if (rc == VIGIL_OK) rc = vg_api_load(ctx, s);
    if (rc == VIGIL_OK) rc = vg_scn_use_world(ctx, s);
    if (rc != VIGIL_OK) {
        vigil_scenario_free(s);
        return rc;
    }
    *out = s;
    return VIGIL_OK;
}

int vg_scn_clone(vigil_ctx *ctx, const vigil_scenario *s, vigil_scenario **out) {
    return vigil_scenario_load(ctx, s->path, s->world, &s->opts, out);
}

int vigil_scenario_begin_draw(vigil_ctx *ctx, vigil_scenario *s,
                              unsigned long seed_k) {
    s->nlever = s->nstatic;
    return vg_api_begin_draw(ctx, s, seed_k);
}

int vigil_scenario_on_year(vigil_ctx *ctx, vigil_scenario *s,
                           const vigil_state_view *v) {
    if (s->nhook == 0) return VIGIL_OK;
    return vg_api_on_year(ctx, s, v);
}

/* }====================================================================== */
